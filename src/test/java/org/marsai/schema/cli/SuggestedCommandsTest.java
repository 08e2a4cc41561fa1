package org.marsai.schema.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command line a message of ours suggests is one that works: a backticked {@code `command --option`}
 * names a real command with real options, and an option offered as "CLI --option" in a message is an option of
 * every command that can print that message.
 */
class SuggestedCommandsTest {

    /** The commands each source's "CLI --option" messages reach the user through. */
    private static final Map<String, List<String>> PRINTED_BY = Map.of(
            "Preflight.java", List.of("update", "db:migrate"),
            "UpdateOperation.java", List.of("update", "db:migrate"),
            "Undo.java", List.of("rollback", "db:migrate:undo", "db:migrate:undo:all"),
            "RollbackRefusedException.java", List.of("rollback", "db:migrate:undo", "db:migrate:undo:all"),
            "ServerLock.java", List.of("update", "rollback", "repair", "adopt", "tag"),
            "LeaseLock.java", List.of("update", "rollback", "repair", "adopt", "tag"),
            "MetadataLocks.java", List.of("update", "rollback"),
            "History.java", List.of("update", "status"));

    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern BACKTICKED = Pattern.compile("`([a-z][a-z:-]*(?: [^`]*)?)`");
    private static final Pattern OPTION = Pattern.compile("(?<![\\w-])--[a-z][a-z-]*");
    private static final Pattern CLI_OPTION = Pattern.compile("CLI (--[a-z][a-z-]*)");

    @Test
    void everySuggestedCommandAndOptionExists() throws IOException {
        Map<String, CommandLine.Model.CommandSpec> commands = commands();
        List<String> wrong = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String name = file.getFileName().toString();
                String text = literals(Files.readString(file));
                Matcher backticked = BACKTICKED.matcher(text);
                while (backticked.find()) {
                    String[] words = backticked.group(1).split(" ");
                    CommandLine.Model.CommandSpec command = commands.get(words[0]);
                    if (command == null) {
                        continue; // SQL or an identifier, not a command line
                    }
                    Matcher option = OPTION.matcher(backticked.group(1));
                    while (option.find()) {
                        if (command.findOption(option.group()) == null) {
                            wrong.add(name + ": `" + backticked.group(1) + "`: " + words[0] + " has no " + option.group());
                        }
                    }
                }
                Matcher cli = CLI_OPTION.matcher(text);
                while (cli.find()) {
                    List<String> printers = PRINTED_BY.get(name);
                    if (printers == null) {
                        wrong.add(name + " suggests CLI " + cli.group(1) + ": add it to PRINTED_BY with the commands"
                                + " that print its messages");
                        continue;
                    }
                    for (String printer : printers) {
                        if (commands.get(printer).findOption(cli.group(1)) == null) {
                            wrong.add(name + " suggests CLI " + cli.group(1) + ", which " + printer + " does not take");
                        }
                    }
                }
            }
        }
        assertThat(wrong).as("suggestions that cannot be followed").isEmpty();
    }

    @Test
    void theOptionsTheCheckReliesOnAreFound() {
        Map<String, CommandLine.Model.CommandSpec> commands = commands();
        assertThat(commands.get("update").findOption("--allow-data-loss")).isNotNull();
        assertThat(commands.get("update").findOption("--lock-wait")).isNotNull();
        assertThat(commands.get("status").findOption("--allow-data-loss")).isNull();
    }

    private static Map<String, CommandLine.Model.CommandSpec> commands() {
        Console console = new Console(Reader.nullReader(), false, new StringWriter(), new StringWriter(), Map.of(),
                Path.of("."));
        CommandLine top = new CommandLine(new TopCommand(console));
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("update", new UpdateCommand());
        all.put("status", new StatusCommand());
        all.put("history", new HistoryCommand());
        all.put("rollback", new RollbackCommand());
        all.put("tag", new TagCommand());
        all.put("update-sql", new UpdateSqlCommand());
        all.put("rollback-sql", new RollbackSqlCommand());
        all.put("validate", new ValidateCommand());
        all.put("diff", new DiffCommand());
        all.put("adopt", new AdoptCommand());
        all.put("repair", new RepairCommand());
        all.put("release-locks", new ReleaseLocksCommand());
        all.put("db:migrate:status", new DbMigrateStatusCommand());
        all.put("db:migrate:undo", new DbMigrateUndoCommand());
        all.put("db:migrate:undo:all", new DbMigrateUndoAllCommand());
        all.forEach(top::addSubcommand);
        Map<String, CommandLine.Model.CommandSpec> specs = new LinkedHashMap<>();
        top.getSubcommands().forEach((name, line) -> specs.put(name, line.getCommandSpec()));
        specs.put("db:migrate", specs.get("update"));
        assertThat(specs.keySet()).containsAll(Set.of("update", "rollback", "repair"));
        return specs;
    }

    /** The string literals of a source, joined: a message split over several literals reads as one. */
    private static String literals(String source) {
        StringBuilder text = new StringBuilder();
        Matcher m = LITERAL.matcher(source);
        while (m.find()) {
            text.append(m.group(1));
        }
        return text.toString();
    }
}

package org.marsai.schema.cli;

import java.io.Reader;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.marsai.schema.ErrorCode;
import org.marsai.schema.MarsSchemaException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Builds and runs the command line with its writers, environment and working directory given, so that
 * tests run it in-process exactly as {@link Main} does.
 */
public final class Cli {

    private final Console console;

    private Cli(Console console) {
        this.console = console;
    }

    /**
     * Runs one command line and returns its exit code; nothing is printed outside the given writers. A
     * password asked for ({@code --password} without a value) is read from {@code in}.
     */
    public static int run(String[] args, Reader in, Writer out, Writer err, Map<String, String> environment,
                          Path workingDirectory) {
        return run(args, in, false, out, err, environment, workingDirectory);
    }

    /** As {@link #run(String[], Reader, Writer, Writer, Map, Path)}, with nothing to read. */
    public static int run(String[] args, Writer out, Writer err, Map<String, String> environment, Path workingDirectory) {
        return run(args, Reader.nullReader(), out, err, environment, workingDirectory);
    }

    /** {@code terminal}: a process's run, which may prompt on its terminal. */
    static int run(String[] args, Reader in, boolean terminal, Writer out, Writer err, Map<String, String> environment,
                   Path workingDirectory) {
        Console console = new Console(in, terminal, out, err, environment, workingDirectory);
        try {
            return new Cli(console).execute(args);
        } finally {
            console.flush();
        }
    }

    /** The commands, in the order help lists them. */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("update", UpdateCommand::new);
        commands.put("status", StatusCommand::new);
        commands.put("history", HistoryCommand::new);
        commands.put("rollback", RollbackCommand::new);
        commands.put("tag", TagCommand::new);
        commands.put("update-sql", UpdateSqlCommand::new);
        commands.put("rollback-sql", RollbackSqlCommand::new);
        commands.put("validate", ValidateCommand::new);
        commands.put("diff", DiffCommand::new);
        commands.put("adopt", AdoptCommand::new);
        commands.put("repair", RepairCommand::new);
        commands.put("release-locks", ReleaseLocksCommand::new);
        commands.put("db:migrate:status", DbMigrateStatusCommand::new);
        commands.put("db:migrate:undo", DbMigrateUndoCommand::new);
        commands.put("db:migrate:undo:all", DbMigrateUndoAllCommand::new);
        return commands;
    }

    private int execute(String[] args) {
        CommandLine commandLine = new CommandLine(new TopCommand(console));
        // picocli reads every command's annotations when it is added: add only the one asked for (all for help).
        String first = args.length > 0 ? args[0] : "";
        first = first.equals("db:migrate") ? "update" : first; // an alias of update
        if (COMMANDS.containsKey(first)) {
            commandLine.addSubcommand(first, COMMANDS.get(first).get());
        } else {
            COMMANDS.forEach((name, command) -> commandLine.addSubcommand(name, command.get()));
        }
        commandLine.setOut(console.out).setErr(console.err)
                .setExecutionExceptionHandler((e, cmd, parseResult) -> failed(e, stackTraceRequested(parseResult)))
                .setParameterExceptionHandler(this::usageError);
        return commandLine.execute(args);
    }

    private static boolean stackTraceRequested(CommandLine.ParseResult parseResult) {
        for (CommandLine.ParseResult r = parseResult; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--stacktrace")) {
                return true;
            }
        }
        return false;
    }

    private int failed(Exception e, boolean stackTrace) {
        if (stackTrace) {
            e.printStackTrace(console.err);
        }
        if (e instanceof MarsSchemaException mse) {
            console.err.println("Error: " + withoutErrorPrefix(mse.getMessage()));
            return usage(mse.code()) ? ExitCodes.USAGE : ExitCodes.FAILED;
        }
        console.err.println("Error: " + e + (stackTrace ? "" : " (run again with --stacktrace for details)"));
        return ExitCodes.FAILED;
    }

    private static boolean usage(ErrorCode code) {
        return code == ErrorCode.INVALID_CONFIGURATION || code == ErrorCode.NO_DATABASE
                || code == ErrorCode.UNKNOWN_MIGRATION || code == ErrorCode.UNSUPPORTED_DATABASE;
    }

    private int usageError(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String help = "see '" + cmd.getCommandSpec().qualifiedName() + " --help'.";
        if (e instanceof UnmatchedArgumentException unmatched) {
            List<String> words = unmatched.getUnmatched();
            if (cmd.getParent() == null && args.length > 0 && !words.isEmpty() && words.get(0).equals(args[0])
                    && !args[0].startsWith("-")) {
                // The command's place: a word there is a command name, not a secret.
                console.err.println("Error: unknown command '" + args[0] + "'" + closestCommand(args[0])
                        .map(c -> ": did you mean '" + c + "'?").orElse(".") + " The commands: " + help);
                return ExitCodes.USAGE;
            }
            // Other unknown words may be a mistyped option's secret value: show only what looks like an option.
            // an option's name only: the value after '=' of a mistyped --password=... is a secret
            List<String> options = words.stream().filter(a -> a.startsWith("-")).map(a -> a.replaceFirst("=.*$", ""))
                    .toList();
            String shown = options.stream()
                    .reduce((a, b) -> a + "', '" + b).map(s -> "unknown option '" + s + "'")
                    .orElse("unexpected argument(s) (not shown: one may be a secret)");
            String suggestion = options.isEmpty() ? "" : closest(options.get(0), cmd.getCommandSpec().optionsMap().keySet())
                    .map(o -> " (did you mean '" + o + "'?)").orElse("");
            console.err.println("Error: " + shown + " for '" + cmd.getCommandName() + "'" + suggestion + ": " + help);
        } else {
            console.err.println("Error: " + withoutErrorPrefix(e.getMessage()) + ": " + help);
        }
        return ExitCodes.USAGE;
    }

    /** picocli starts some messages with its own "Error: ". */
    private static String withoutErrorPrefix(String message) {
        return message == null ? "" : message.replaceFirst("^(?:Error: )+", "");
    }

    /** The command a mistyped word most likely meant: at most two edits (a swap of neighbours is one) away. */
    static Optional<String> closestCommand(String word) {
        List<String> names = new ArrayList<>(COMMANDS.keySet());
        names.add("db:migrate");
        names.add("--help");
        return closest(word, names);
    }

    /** The name a mistyped word most likely meant, at most two edits away. */
    static Optional<String> closest(String word, Collection<String> names) {
        String best = null;
        int bestDistance = 3;
        for (String name : names) {
            int distance = distance(word.toLowerCase(Locale.ROOT), name);
            if (distance < bestDistance) {
                best = name;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}

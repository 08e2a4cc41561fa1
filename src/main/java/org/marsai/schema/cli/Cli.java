package org.marsai.schema.cli;

import java.io.Writer;
import java.nio.file.Path;
import java.util.Map;

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

    /** Runs one command line and returns its exit code; nothing is printed outside the given writers. */
    public static int run(String[] args, Writer out, Writer err, Map<String, String> environment, Path workingDirectory) {
        Console console = new Console(out, err, environment, workingDirectory);
        try {
            return new Cli(console).execute(args);
        } finally {
            console.flush();
        }
    }

    /** The commands, in the order help lists them. */
    private static final Map<String, java.util.function.Supplier<Object>> COMMANDS = commands();

    private static Map<String, java.util.function.Supplier<Object>> commands() {
        Map<String, java.util.function.Supplier<Object>> commands = new java.util.LinkedHashMap<>();
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
            console.err.println("Error: " + mse.getMessage());
            return usage(mse.code()) ? ExitCodes.USAGE : ExitCodes.FAILED;
        }
        console.err.println("Error: " + e + (stackTrace ? "" : " (run again with --stacktrace for details)"));
        return ExitCodes.FAILED;
    }

    private static boolean usage(ErrorCode code) {
        return code == ErrorCode.INVALID_CONFIGURATION || code == ErrorCode.NO_DATABASE
                || code == ErrorCode.UNKNOWN_MIGRATION;
    }

    private int usageError(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        if (e instanceof UnmatchedArgumentException unmatched) {
            // Unknown words may be a mistyped option's secret value: show only what looks like an option.
            String shown = unmatched.getUnmatched().stream().filter(a -> a.startsWith("-"))
                    .reduce((a, b) -> a + "', '" + b).map(s -> "unknown option '" + s + "'")
                    .orElse("unexpected argument(s), not shown");
            console.err.println("Error: " + shown + " for '" + cmd.getCommandName() + "': see '" + cmd.getCommandSpec().qualifiedName()
                    + " --help'.");
        } else {
            console.err.println("Error: " + e.getMessage() + ": see '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
        }
        return ExitCodes.USAGE;
    }
}

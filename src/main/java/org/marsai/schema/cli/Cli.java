package org.marsai.schema.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.HashMap;
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

    final PrintWriter out;
    final PrintWriter err;
    final Map<String, String> environment;
    final Path workingDirectory;
    private final RedactingWriter redactedOut;
    private final RedactingWriter redactedErr;

    private Cli(Writer out, Writer err, Map<String, String> environment, Path workingDirectory) {
        this.redactedOut = new RedactingWriter(out);
        this.redactedErr = new RedactingWriter(err);
        this.out = new PrintWriter(redactedOut, true);
        this.err = new PrintWriter(redactedErr, true);
        this.environment = environment;
        this.workingDirectory = workingDirectory;
    }

    /** Runs one command line and returns its exit code; nothing is printed outside the given writers. */
    public static int run(String[] args, Writer out, Writer err, Map<String, String> environment, Path workingDirectory) {
        Cli cli = new Cli(out, err, environment, workingDirectory);
        cli.addSecret(environment.get("DB_PASSWORD"));
        try {
            return cli.execute(args);
        } finally {
            cli.out.flush();
            cli.err.flush();
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
        CommandLine commandLine = new CommandLine(new Main(this));
        // picocli reads every command's annotations when it is added: add only the one asked for (all for help).
        String first = args.length > 0 ? args[0] : "";
        first = first.equals("db:migrate") ? "update" : first; // an alias of update
        if (COMMANDS.containsKey(first)) {
            commandLine.addSubcommand(first, COMMANDS.get(first).get());
        } else {
            COMMANDS.forEach((name, command) -> commandLine.addSubcommand(name, command.get()));
        }
        commandLine.setOut(out).setErr(err)
                .setExecutionExceptionHandler((e, cmd, parseResult) -> failed(e, stackTraceRequested(parseResult)))
                .setParameterExceptionHandler(this::usageError);
        return commandLine.execute(args);
    }

    void addSecret(String secret) {
        redactedOut.addSecret(secret);
        redactedErr.addSecret(secret);
    }

    /**
     * The settings in effect: the process environment over the {@code .env} file in the working directory,
     * as dotenv does.
     */
    Map<String, String> settings() {
        Map<String, String> merged = new HashMap<>(DotEnv.read(workingDirectory.resolve(".env")));
        merged.putAll(environment);
        addSecret(merged.get("DB_PASSWORD"));
        return merged;
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
            e.printStackTrace(err);
        }
        if (e instanceof MarsSchemaException mse) {
            err.println("Error: " + mse.getMessage());
            return usage(mse.code()) ? ExitCodes.USAGE : ExitCodes.FAILED;
        }
        err.println("Error: " + e + (stackTrace ? "" : " (run again with --stacktrace for details)"));
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
            err.println("Error: " + shown + " for '" + cmd.getCommandName() + "': see '" + cmd.getCommandSpec().qualifiedName()
                    + " --help'.");
        } else {
            err.println("Error: " + e.getMessage() + ": see '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
        }
        return ExitCodes.USAGE;
    }
}

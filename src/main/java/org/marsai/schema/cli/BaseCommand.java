package org.marsai.schema.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

import org.marsai.schema.MarsSchema;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** What every subcommand shares: the connection options and the command line's writers and settings. */
@picocli.CommandLine.Command(mixinStandardHelpOptions = true,
        footer = {"%nExit codes: see 'marsai-schema --help'."})
abstract class BaseCommand implements Callable<Integer> {

    @picocli.CommandLine.Option(names = "--stacktrace", description = "Print the stack trace of a failure.")
    boolean stackTrace;

    @picocli.CommandLine.Option(names = {"-v", "--verbose"}, description = "Log what Liquibase does to standard error.")
    boolean verbose;

    @picocli.CommandLine.Option(names = "--refuse-newer-changesets",
            description = "Refuse a database a newer version migrated, instead of leaving it alone (update, status).")
    boolean refuseNewerChangesets;

    @ParentCommand
    TopCommand top;

    @Mixin
    ConnectionOptions connection;

    @Override
    public final Integer call() {
        if (verbose) {
            Logging.configure(true);
        }
        connection.validate();
        if (lockWait() != null) {
            lockWait().validated();
        }
        validate();
        return execute();
    }

    /** {@code --lock-wait}, on the commands that take the migration lock; {@code null} on the others. */
    LockWaitOption lockWait() {
        return null;
    }

    /** Checks the command's own options before anything connects; throws {@link Usage#error}. */
    void validate() {
    }

    abstract int execute();

    /** A secret asked for by an option given without a value, e.g. {@code --password}. */
    String asked(String option) {
        return top.console.readSecret("Password (" + option + "): ").orElseThrow(() -> Usage.error(option
                + " was given without a value and no password could be read from standard input: give the password,"
                + " or set DB_PASSWORD."));
    }

    /** The facade's configuration; {@code offlineAllowed}: no configured database gives an offline one instead of an error. */
    MarsSchema.Builder configure(boolean offlineAllowed) {
        Map<String, String> settings = top.console.settings();
        if (connection.passwordToBeAsked()) {
            connection.password = asked("--password");
        }
        connection.password(settings).ifPresent(top.console::addSecret);
        MarsSchema.Builder builder = connection.configure(settings, offlineAllowed)
                .refuseNewerChangesets(refuseNewerChangesets);
        return lockWait() == null ? builder : builder.lockWait(lockWait().validated());
    }

    /** The database the command works on, for its output: the JDBC URL without properties or credentials. */
    String database() {
        return connection.where(top.console.settings()).orElse("(none configured)");
    }

    MarsSchema schema(boolean offlineAllowed) {
        return configure(offlineAllowed).load();
    }

    MarsSchema schema() {
        return schema(false);
    }

    PrintWriter out() {
        return top.console.out;
    }

    PrintWriter err() {
        return top.console.err;
    }
}

package org.marsai.schema.cli;

import java.util.Map;
import java.util.concurrent.Callable;

import org.marsai.schema.MarsSchema;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** What every subcommand shares: the connection options and the command line's writers and settings. */
@picocli.CommandLine.Command(mixinStandardHelpOptions = true, exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:failed", "2:usage or configuration error", "3:migrations pending (status --exit-code)",
                "4:the schema differs (diff)"})
abstract class BaseCommand implements Callable<Integer> {

    @picocli.CommandLine.Option(names = "--stacktrace", description = "Print the stack trace of a failure.")
    boolean stackTrace;

    @picocli.CommandLine.Option(names = {"-v", "--verbose"}, description = "Log what Liquibase does to standard error.")
    boolean verbose;

    @ParentCommand
    TopCommand top;

    @Mixin
    ConnectionOptions connection;

    @Override
    public final Integer call() {
        if (verbose) {
            Logging.configure(true);
        }
        return execute();
    }

    abstract int execute();

    /** The facade's configuration; {@code offlineAllowed}: no configured database gives an offline one instead of an error. */
    MarsSchema.Builder configure(boolean offlineAllowed) {
        Map<String, String> settings = top.console.settings();
        connection.password(settings).ifPresent(top.console::addSecret);
        return connection.configure(settings, offlineAllowed);
    }

    MarsSchema schema(boolean offlineAllowed) {
        return configure(offlineAllowed).load();
    }

    MarsSchema schema() {
        return schema(false);
    }

    java.io.PrintWriter out() {
        return top.console.out;
    }

    java.io.PrintWriter err() {
        return top.console.err;
    }
}

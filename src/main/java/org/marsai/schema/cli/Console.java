package org.marsai.schema.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What a command line run talks to: its two writers (scrubbed of every known secret), its environment and
 * its working directory, all given, so that tests run the command line in-process exactly as a process does.
 */
final class Console {

    final PrintWriter out;
    final PrintWriter err;
    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final RedactingWriter redactedOut;
    private final RedactingWriter redactedErr;

    Console(Writer out, Writer err, Map<String, String> environment, Path workingDirectory) {
        this.redactedOut = new RedactingWriter(out);
        this.redactedErr = new RedactingWriter(err);
        this.out = new PrintWriter(redactedOut, true);
        this.err = new PrintWriter(redactedErr, true);
        this.environment = environment;
        this.workingDirectory = workingDirectory;
        addSecret(environment.get("DB_PASSWORD"));
    }

    /** A value never to be shown, e.g. a password given on the command line. */
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

    void flush() {
        out.flush();
        err.flush();
    }
}

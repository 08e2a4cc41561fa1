package org.marsai.schema.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a command line run talks to: its two writers (scrubbed of every known secret), its input, its
 * environment and its working directory, all given, so that tests run the command line in-process exactly as
 * a process does.
 */
final class Console {

    final PrintWriter out;
    final PrintWriter err;
    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final RedactingWriter redactedOut;
    private final RedactingWriter redactedErr;
    private final BufferedReader in;
    private final boolean terminalAllowed;

    /**
     * {@code in}: where a prompted secret is read when there is no terminal; {@code terminalAllowed}: whether
     * a secret may be prompted on the process's terminal (a real run), not only on {@code err}.
     */
    Console(Reader in, boolean terminalAllowed, Writer out, Writer err, Map<String, String> environment,
            Path workingDirectory) {
        this.in = new BufferedReader(in);
        this.terminalAllowed = terminalAllowed;
        this.redactedOut = new RedactingWriter(out);
        this.redactedErr = new RedactingWriter(err, true);
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

    /**
     * Asks for a secret: on the terminal without echo when there is one; otherwise the prompt goes to standard
     * error (never to standard output, which may be JSON or SQL) and one line is read from standard input.
     * Empty when nothing could be read.
     */
    Optional<String> readSecret(String prompt) {
        java.io.Console terminal = terminalAllowed ? System.console() : null;
        if (terminal != null) {
            char[] secret = terminal.readPassword("%s", prompt);
            return Optional.ofNullable(secret).map(String::new);
        }
        err.print(prompt);
        err.flush();
        try {
            String line = in.readLine();
            err.println();
            return Optional.ofNullable(line);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    void flush() {
        out.flush();
        err.flush();
    }
}

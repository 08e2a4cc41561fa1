package org.marsai.schema.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged command line as a separate OS process, against a test database. */
public final class CliProcess {

    public static final Path JAR = Path.of("target", "marsai-schema-cli.jar");

    public record Result(int exitCode, String output) {
    }

    private CliProcess() {
    }

    /** Starts the jar with the database's connection options added (none when db is null); output to {@code log}. */
    public static Process start(TestDatabase db, Path log, String... args) throws IOException {
        return start(db, log, Map.of(), args);
    }

    /** The same, with variables added to the process's environment (e.g. {@code JAVA_TOOL_OPTIONS}). */
    public static Process start(TestDatabase db, Path log, Map<String, String> environment, String... args)
            throws IOException {
        return db == null ? start(null, null, null, log, environment, args)
                : start(db.url(), db.user(), db.password(), log, environment, args);
    }

    /** Starts the jar on the database at {@code url} (none when null), e.g. a cluster node's. */
    public static Process start(String url, String user, String password, Path log,
                                Map<String, String> environment, String... args) throws IOException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: the integration tests run after mvn package");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        if (url != null) {
            command.addAll(List.of("--url=" + url, "--username=" + user));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        if (url != null) {
            builder.environment().put("DB_PASSWORD", password);
        }
        builder.environment().putAll(environment);
        return builder.start();
    }

    public static Result run(TestDatabase db, String... args) throws IOException, InterruptedException {
        Path log = Files.createTempFile("marsai-cli", ".log");
        try {
            Process process = start(db, log, args);
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("the command line did not finish within 5 minutes");
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}

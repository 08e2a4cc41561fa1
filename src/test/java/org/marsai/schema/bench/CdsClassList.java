package org.marsai.schema.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.marsai.schema.testing.CliProcess;
import org.marsai.schema.testing.TestDatabase;
import org.marsai.schema.testing.TestServer;

/**
 * Records {@code src/main/resources/org/marsai/schema/cli/cds-classes.txt}: the classes that real command-line runs against a database
 * load from the jar and that the build's training run ({@code CdsTraining}, which has no database) does not load
 * by itself. The training loads them so that the class-data sharing archive holds them too.
 *
 * <p>Run after a package: {@code mvn -q -DskipTests -Pbenchmark package exec:exec@cds-class-list}, then rebuild. Re-run it when
 * a dependency changes; a stale list costs only speed (missing classes are read from the jar, unknown names are
 * skipped).
 */
public final class CdsClassList {

    private static final Pattern LOADED = Pattern.compile("^\\[[^]]*]\\[info\\]\\[class,load\\] (\\S+) source: (.*)$");
    private static final Path OUTPUT = Path.of("src", "main", "resources", "org", "marsai", "schema", "cli", "cds-classes.txt");

    private CdsClassList() {
    }

    public static void main(String[] args) throws Exception {
        Set<String> training = loadedFromJar(List.of("-cp", CliProcess.JAR.toString(),
                "org.marsai.schema.cli.CdsTraining", "--without-class-list"), null);
        Set<String> online = new TreeSet<>();
        TestServer server = TestServer.get();
        try (TestDatabase db = server.createDatabase()) {
            for (List<String> command : List.of(List.of("status"), List.of("update"), List.of("update"),
                    List.of("status", "--format", "json"), List.of("history"), List.of("validate"), List.of("diff"),
                    List.of("update-sql"), List.of("rollback", "--count", "1"), List.of("update-sql"), List.of("update"),
                    List.of("rollback-sql", "--count", "2"), List.of("tag", "cds"), List.of("adopt", "--dry-run"),
                    List.of("release-locks"), List.of("db:migrate:undo:all", "--to", "20260302111532-create-sponsors"),
                    List.of("db:migrate"))) {
                List<String> line = new ArrayList<>(List.of("-jar", CliProcess.JAR.toString()));
                line.addAll(command);
                line.addAll(List.of("--url=" + db.url(), "--username=" + db.user()));
                online.addAll(loadedFromJar(line, db));
            }
        }
        online.removeAll(training);
        List<String> lines = new ArrayList<>();
        lines.add("# Classes that command-line runs against a database load from the jar and that the CDS training run");
        lines.add("# (org.marsai.schema.cli.CdsTraining) does not load by itself; recorded by");
        lines.add("# src/test/java/org/marsai/schema/bench/CdsClassList.java. The training loads them so that the");
        lines.add("# launcher's class-data sharing archive holds them. Only speed depends on this list.");
        lines.addAll(online);
        Files.write(OUTPUT, lines, StandardCharsets.UTF_8);
        System.out.println(OUTPUT + ": " + online.size() + " classes (the training run loads " + training.size()
                + " by itself)");
        System.exit(0);
    }

    /** The classes a JVM started with these arguments loads from the command line's jar. */
    private static Set<String> loadedFromJar(List<String> arguments, TestDatabase db) throws IOException, InterruptedException {
        Path log = Files.createTempFile("marsai-classes", ".log");
        try {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xshare:off", "-Xlog:class+load=info:file=" + log));
            command.addAll(arguments);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            if (db != null) {
                builder.environment().put("DB_PASSWORD", db.password());
            }
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish");
            }
            Set<String> classes = new TreeSet<>();
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                Matcher m = LOADED.matcher(line);
                if (m.matches() && m.group(2).contains(CliProcess.JAR.getFileName().toString())) {
                    classes.add(m.group(1));
                }
            }
            return classes;
        } finally {
            Files.deleteIfExists(log);
        }
    }
}

package org.marsai.schema.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.marsai.schema.testing.TestDatabase;
import org.marsai.schema.testing.TestServer;

/**
 * Where the wall time of one command-line process goes, phase by phase, without touching the code measured: the
 * process runs with {@code -Xlog:class+load} and a phase starts when the JVM first loads a class that only that
 * phase uses (the first YAML class starts the parse, Liquibase's update visitor starts the execution…). Medians of
 * {@code bench.runs} runs, interleaved across the variants given.
 *
 * <p>{@code java -cp <test class path> org.marsai.schema.bench.PhaseTimeline update|noop|update-sql JAR_OR_LAUNCHER...}
 * : each argument after the command is a jar (run as {@code java -jar}) or a launcher script (run as it is; its
 * JVM options are added through {@code MARSAI_SCHEMA_JAVA_OPTS}).
 */
public final class PhaseTimeline {

    private static final int RUNS = Integer.getInteger("bench.runs", 5);
    private static final Pattern LOADED = Pattern.compile("^\\[(\\d+\\.\\d+)s] (\\S+) source: .*$");

    /**
     * Each phase and the class whose first load starts it (null: the process start), in the order they happen; a
     * phase whose class a command never loads is counted in the phase before it.
     */
    private static final List<String[]> PHASES = List.of(
            new String[] {"JVM start, until the main class loads", null},
            new String[] {"logging set-up, picocli parses the command line", "org.marsai.schema.cli.Main"},
            new String[] {"settings, changelog index, JDBC driver loaded", "org.marsai.schema.MarsSchema"},
            new String[] {"first connection (driver initialisation, handshake)", "com.mysql.cj.jdbc.ConnectionImpl"},
            new String[] {"up-to-date check (one query)", "org.marsai.schema.internal.history.History$Snapshot"},
            new String[] {"Liquibase scope, lock, history table", "liquibase.Scope"},
            new String[] {"Liquibase command set-up, changelog parse (SnakeYAML, ChangeFactory)", "liquibase.command.CommandScope"},
            new String[] {"validation, checksums", "liquibase.changelog.visitor.ValidatingVisitor"},
            new String[] {"changesets executed (SQL generated, DDL, history rows)", "liquibase.changelog.visitor.UpdateVisitor"},
            new String[] {"result printed, JVM exit", "org.marsai.schema.cli.Render"});

    private PhaseTimeline() {
    }

    public static void main(String[] args) throws Exception {
        String command = args[0];
        List<String> variants = List.of(args).subList(1, args.length);
        Map<String, Map<String, List<Double>>> results = new LinkedHashMap<>();
        TestServer server = TestServer.get();
        try (TestDatabase upToDate = server.createDatabase()) {
            upToDate.schema().update();
            for (int run = 0; run < RUNS; run++) {
                for (String variant : variants) {
                    Map<String, Double> phases;
                    if (command.equals("update")) {
                        try (TestDatabase db = server.createDatabase()) {
                            phases = timeline(variant, db, "update");
                        }
                    } else if (command.equals("noop")) {
                        phases = timeline(variant, upToDate, "update");
                    } else {
                        phases = timeline(variant, null, command);
                    }
                    Map<String, List<Double>> byPhase = results.computeIfAbsent(variant, v -> new LinkedHashMap<>());
                    phases.forEach((phase, ms) -> byPhase.computeIfAbsent(phase, p -> new ArrayList<>()).add(ms));
                }
            }
        }
        for (Map.Entry<String, Map<String, List<Double>>> variant : results.entrySet()) {
            System.out.println();
            System.out.println(command + " with " + variant.getKey() + " (medians of " + RUNS + " runs, ms)");
            variant.getValue().forEach((phase, ms) -> System.out.printf(Locale.ROOT, "  %-62s %8.1f%n", phase, median(ms)));
        }
        System.exit(0);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** One run: phase durations (ms) from the class-load log, and the whole wall time. */
    private static Map<String, Double> timeline(String variant, TestDatabase db, String command)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("marsai-timeline", ".log");
        try {
            String logOption = "-Xlog:class+load=info:file=" + log + ":uptime";
            List<String> line = new ArrayList<>();
            ProcessBuilder builder = new ProcessBuilder();
            if (variant.endsWith(".jar")) {
                line.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), logOption, "-jar",
                        variant));
            } else {
                line.add(variant);
                builder.environment().put("MARSAI_SCHEMA_JAVA_OPTS", logOption);
                builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            }
            line.add(command);
            if (db != null) {
                line.addAll(List.of("--url=" + db.url(), "--username=" + db.user()));
                builder.environment().put("DB_PASSWORD", db.password());
            }
            long start = System.nanoTime();
            Process process = builder.command(line).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(line + " failed");
            }
            double wall = (System.nanoTime() - start) / 1e6;
            Map<String, Double> firstLoad = new LinkedHashMap<>();
            for (String entry : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                Matcher m = LOADED.matcher(entry);
                if (m.matches()) {
                    firstLoad.putIfAbsent(m.group(2), Double.parseDouble(m.group(1)) * 1000);
                }
            }
            Map<String, Double> phases = new LinkedHashMap<>();
            String current = PHASES.get(0)[0];
            double since = 0;
            for (String[] phase : PHASES.subList(1, PHASES.size())) {
                Double at = firstLoad.get(phase[1]);
                if (at != null && at >= since) {
                    phases.merge(current, at - since, Double::sum);
                    current = phase[0];
                    since = at;
                }
            }
            phases.merge(current, wall - since, Double::sum);
            phases.put("whole process (wall)", wall);
            return phases;
        } finally {
            Files.deleteIfExists(log);
        }
    }
}

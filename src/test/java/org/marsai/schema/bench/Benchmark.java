package org.marsai.schema.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.marsai.schema.RollbackTarget;
import org.marsai.schema.MarsSchema;
import org.marsai.schema.testing.CliProcess;
import org.marsai.schema.testing.SqlClient;
import org.marsai.schema.testing.TestDatabase;
import org.marsai.schema.testing.TestServer;

/**
 * How fast the library applies and checks the MarsAI schema, against baselines measured in the same run on
 * the same server as the tests: the finished DDL over one JDBC connection (the floor for in-process work) and
 * the same DDL loaded by the mariadb client (the floor for whole processes).
 *
 * <p>Run: {@code mvn -q -DskipTests package exec:exec@benchmark} (see BENCHMARKS.md). Not a test: nothing here
 * asserts a time.
 */
public final class Benchmark {

    private static final int RUNS = Integer.getInteger("bench.runs", 7);

    record Stats(String name, List<Double> millis) {
        double median() {
            List<Double> sorted = millis.stream().sorted().toList();
            int n = sorted.size();
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }

        double min() {
            return millis.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        }

        double max() {
            return millis.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        }
    }

    private final Map<String, Stats> results = new LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        new Benchmark().run();
        System.exit(0);
    }

    private void run() throws Exception {
        TestServer server = TestServer.get();
        String ddl = finishedDdl(server);
        Path ddlFile = Files.createTempFile("marsai-finished", ".sql");
        Files.writeString(ddlFile, ddl, StandardCharsets.UTF_8);

        warmUp();

        measure("floor: finished DDL over one JDBC connection", () -> {
            try (TestDatabase db = server.createDatabase()) {
                return time(() -> executeScript(db, ddl));
            }
        });
        String ownScript = MarsSchema.configure().load().updateSql().replaceAll("(?m)^--.*$", "");
        measure("baseline: this changelog's own 98 statements over JDBC", () -> {
            try (TestDatabase db = server.createDatabase()) {
                return time(() -> executeScript(db, ownScript));
            }
        });
        measure("in process: full update of an empty database", () -> {
            try (TestDatabase db = server.createDatabase()) {
                MarsSchema schema = db.schema();
                return time(schema::update);
            }
        });
        try (TestDatabase db = server.createDatabase()) {
            MarsSchema schema = db.schema();
            schema.update();
            measure("in process: no-op update, warm", () -> time(schema::update));
            measure("in process: status, warm", () -> time(schema::status));
            measure("baseline: first JDBC connection + query in a fresh JVM", () -> freshJvm(FirstConnection.class, db));
            measure("in process: no-op update, first call in a fresh JVM", () -> freshJvm(FirstCall.class, db));
        }
        MarsSchema offline = MarsSchema.configure().load();
        measure("in process: offline update-sql", () -> time(offline::updateSql));

        measure("floor: mariadb client loading the finished DDL", () -> {
            try (TestDatabase db = server.createDatabase()) {
                return time(() -> SqlClient.run(db, ddl));
            }
        });
        measure("CLI process: update of an empty database", () -> {
            try (TestDatabase db = server.createDatabase()) {
                return time(() -> check(CliProcess.run(db, "update")));
            }
        });
        try (TestDatabase db = server.createDatabase()) {
            db.schema().update();
            measure("CLI process: no-op update", () -> time(() -> check(CliProcess.run(db, "update"))));
            measure("CLI process: status", () -> time(() -> check(CliProcess.run(db, "status"))));
        }
        measure("CLI process: offline update-sql", () -> time(() -> check(CliProcess.run(null, "update-sql"))));

        report();
    }

    private static void warmUp() throws Exception {
        for (int i = 0; i < 2; i++) {
            try (TestDatabase db = TestServer.get().createDatabase()) {
                db.schema().update();
                db.schema().rollback(RollbackTarget.all());
            }
        }
    }

    private void measure(String name, Callable<Double> run) throws Exception {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            millis.add(run.call());
        }
        results.put(name, new Stats(name, millis));
        System.err.printf(Locale.ROOT, "  measured %-55s median %9.1f ms%n", name, results.get(name).median());
    }

    private interface Work {
        void run() throws Exception;
    }

    private static double time(Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e6;
    }

    private static void check(CliProcess.Result result) {
        if (result.exitCode() != 0) {
            throw new IllegalStateException("the command line failed: " + result.output());
        }
    }

    /** A first call in a new JVM, timed inside that JVM from the call (JVM start excluded). */
    private static double freshJvm(Class<?> main, TestDatabase db) throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), main.getName(), db.url(), db.user(), db.password())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        process.waitFor(2, TimeUnit.MINUTES);
        String last = output.substring(output.lastIndexOf('\n') + 1);
        return Double.parseDouble(last);
    }

    /** Runs in a fresh JVM: times the first MarsSchema call, load() included. */
    public static final class FirstCall {
        public static void main(String[] args) {
            java.util.logging.LogManager.getLogManager().reset();
            long start = System.nanoTime();
            MarsSchema.configure().url(args[0]).user(args[1]).password(args[2]).load().update();
            System.out.println((System.nanoTime() - start) / 1e6);
        }
    }

    /** Runs in a fresh JVM: the driver's first connection and one query, what any first call pays. */
    public static final class FirstConnection {
        public static void main(String[] args) throws Exception {
            long start = System.nanoTime();
            try (Connection c = java.sql.DriverManager.getConnection(args[0], args[1], args[2]);
                 Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM DATABASECHANGELOG")) {
                rs.next();
            }
            System.out.println((System.nanoTime() - start) / 1e6);
        }
    }

    /** The schema as it stands after all 24 migrations, as CREATE TABLE statements in foreign-key order. */
    private static String finishedDdl(TestServer server) throws Exception {
        try (TestDatabase db = server.createDatabase(); Connection c = db.connect(); Statement s = c.createStatement()) {
            db.schema().update();
            List<String> tables = new ArrayList<>(List.of("users", "categories", "collaborators", "events", "movies",
                    "awards", "votes", "reservations", "movies_categories", "collaborators_movies", "movies_juries",
                    "vote_histories", "sponsors", "newsletter_subscribers"));
            StringBuilder ddl = new StringBuilder();
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SHOW CREATE TABLE `" + table + "`")) {
                    rs.next();
                    ddl.append(rs.getString(2)).append(";\n");
                }
            }
            return ddl.toString();
        }
    }

    private static void executeScript(TestDatabase db, String script) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String statement : script.split(";\\s*\n")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
        }
    }

    private void report() {
        double jdbc = results.get("floor: finished DDL over one JDBC connection").median();
        double client = results.get("floor: mariadb client loading the finished DDL").median();
        System.out.println();
        System.out.printf(Locale.ROOT, "%-55s %10s %10s %10s %12s%n", "figure (" + RUNS + " runs)", "median ms", "min ms",
                "max ms", "× floor");
        for (Stats stats : results.values()) {
            double floor = stats.name().startsWith("CLI") || stats.name().contains("client") ? client : jdbc;
            String ratio = stats.name().startsWith("floor") || stats.name().contains("offline")
                    || stats.name().contains("fresh JVM") ? "" :
                    String.format(Locale.ROOT, "%.2f ×%s", stats.median() / floor, stats.name().startsWith("CLI") ? " client" : " JDBC");
            System.out.printf(Locale.ROOT, "%-55s %10.1f %10.1f %10.1f %12s%n", stats.name(), stats.median(), stats.min(),
                    stats.max(), ratio);
        }
    }

}

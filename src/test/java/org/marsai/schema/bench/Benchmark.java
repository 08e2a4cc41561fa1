package org.marsai.schema.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.LogManager;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.marsai.schema.MarsSchema;
import org.marsai.schema.RollbackTarget;
import org.marsai.schema.testing.CliProcess;
import org.marsai.schema.testing.SqlClient;
import org.marsai.schema.testing.TestDatabase;
import org.marsai.schema.testing.TestServer;

/**
 * How fast the library applies and checks the MarsAI schema, against baselines measured in the same run on
 * the same server as the tests: the finished DDL over one JDBC connection (the floor for in-process work) and
 * the same DDL loaded by the mariadb client (the floor for whole processes).
 *
 * <p>Run: {@code mvn -q -DskipTests -Pbenchmark package exec:exec@benchmark} (see BENCHMARKS.md). Not a test: nothing here
 * asserts a time.
 */
public final class Benchmark {

    private static final int RUNS = Integer.getInteger("bench.runs", 7);
    /** {@code -Dbench.processes=only}: the whole-process figures alone (quicker to repeat on a busy machine). */
    private static final boolean PROCESSES_ONLY = "only".equals(System.getProperty("bench.processes"));

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

        if (!PROCESSES_ONLY) {
            inProcess(server, ddl);
        }
        processes(server, ddl, MarsSchema.configure().load().updateSql());

        report();
    }

    /** The in-process figures and their JDBC floor. */
    private void inProcess(TestServer server, String ddl) throws Exception {
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
        measure("in process: full update of an empty database, step by step", () -> {
            try (TestDatabase db = server.createDatabase()) {
                MarsSchema schema = db.configure().consolidatedInstall(false).load();
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
            LogManager.getLogManager().reset();
            long start = System.nanoTime();
            MarsSchema.configure().url(args[0]).username(args[1]).password(args[2]).load().update();
            System.out.println((System.nanoTime() - start) / 1e6);
        }
    }

    /** Runs in a fresh JVM: the driver's first connection and one query, what any first call pays. */
    public static final class FirstConnection {
        public static void main(String[] args) throws Exception {
            long start = System.nanoTime();
            try (Connection c = DriverManager.getConnection(args[0], args[1], args[2]);
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

    // ---------------------------------------------------------------- whole processes

    /** The database a whole-process run starts from. */
    private enum Start { EMPTY, UP_TO_DATE, UP_TO_DATE_BY_STOCK, NONE }

    /** One whole-process figure: the command for a database (null offline), and the database it starts from. */
    private record ProcessRow(String name, Start start, Function<TestDatabase, ProcessBuilder> command,
                              String stockRow) {
    }

    private final Map<String, List<Long>> peakRss = new LinkedHashMap<>();
    private final Map<String, String> stockCounterpart = new LinkedHashMap<>();

    /**
     * The whole processes, interleaved: each round runs every figure once, so that a busy moment of a shared
     * machine weighs on all of them alike and ratios within a run stay fair.
     */
    private void processes(TestServer server, String ddl, String ownScript) throws Exception {
        Path ddlFile = Files.createTempFile("marsai-finished", ".sql");
        Files.writeString(ddlFile, ddl, StandardCharsets.UTF_8);
        Path ownFile = Files.createTempFile("marsai-own", ".sql");
        Files.writeString(ownFile, ownScript, StandardCharsets.UTF_8);
        Path launcher = Path.of("target", "marsai-schema");
        List<ProcessRow> rows = new ArrayList<>();
        rows.add(new ProcessRow(CLIENT_FLOOR, Start.EMPTY, db -> client(db, ddlFile), null));
        rows.add(new ProcessRow("baseline: mariadb client running this changelog's update-sql", Start.EMPTY,
                db -> client(db, ownFile), null));
        String stock = "stock Liquibase 4.33 CLI: ";
        rows.add(new ProcessRow(stock + "update of an empty database", Start.EMPTY, db -> stock(db, "update"), null));
        rows.add(new ProcessRow(stock + "no-op update", Start.UP_TO_DATE_BY_STOCK, db -> stock(db, "update"), null));
        rows.add(new ProcessRow(stock + "status", Start.UP_TO_DATE_BY_STOCK, db -> stock(db, "status"), null));
        rows.add(new ProcessRow(stock + "offline update-sql", Start.NONE, db -> stock(null, "update-sql"), null));
        // each command line measured: this build as java -jar and through its launcher, then the builds named in
        // -Dbench.variants=NAME=PATH,… (a jar runs as java -jar, anything else as a launcher script), e.g. earlier
        // commits built elsewhere, so that before and after figures come from the same run
        Map<String, Path> clis = new LinkedHashMap<>();
        clis.put("java -jar", CliProcess.JAR);
        if (Files.isExecutable(launcher)) {
            clis.put("launcher", launcher);
        }
        for (String variant : System.getProperty("bench.variants", "").split(",")) {
            if (!variant.isBlank()) {
                clis.put(variant.substring(0, variant.indexOf('=')).trim(),
                        Path.of(variant.substring(variant.indexOf('=') + 1).trim()));
            }
        }
        clis.forEach((name, path) -> {
            String prefix = "CLI process (" + name + "): ";
            rows.add(new ProcessRow(prefix + "update of an empty database", Start.EMPTY,
                    db -> ours(path, db, "update"), stock + "update of an empty database"));
            if (name.equals("java -jar") || name.equals("launcher")) { // this build's: earlier ones lack the option
                rows.add(new ProcessRow(prefix + "update of an empty database, step by step", Start.EMPTY,
                        db -> ours(path, db, "update", "--no-consolidated-install"), stock + "update of an empty database"));
            }
            rows.add(new ProcessRow(prefix + "no-op update", Start.UP_TO_DATE, db -> ours(path, db, "update"),
                    stock + "no-op update"));
            rows.add(new ProcessRow(prefix + "status", Start.UP_TO_DATE, db -> ours(path, db, "status"),
                    stock + "status"));
            rows.add(new ProcessRow(prefix + "offline update-sql", Start.NONE, db -> ours(path, null, "update-sql"),
                    stock + "offline update-sql"));
        });
        Map<String, List<Double>> times = new LinkedHashMap<>();
        rows.forEach(row -> {
            times.put(row.name(), new ArrayList<>());
            peakRss.put(row.name(), new ArrayList<>());
            if (row.stockRow() != null) {
                stockCounterpart.put(row.name(), row.stockRow());
            }
        });
        try (TestDatabase upToDate = server.createDatabase(); TestDatabase upToDateByStock = server.createDatabase()) {
            upToDate.schema().update();
            runProcess(stock(upToDateByStock, "update"), "stock Liquibase's first update");
            for (int run = 0; run < RUNS; run++) {
                for (ProcessRow row : rows) {
                    double millis;
                    switch (row.start()) {
                        case EMPTY -> {
                            try (TestDatabase db = server.createDatabase()) {
                                millis = timed(row, row.command().apply(db));
                            }
                        }
                        case UP_TO_DATE -> millis = timed(row, row.command().apply(upToDate));
                        case UP_TO_DATE_BY_STOCK -> millis = timed(row, row.command().apply(upToDateByStock));
                        default -> millis = timed(row, row.command().apply(null));
                    }
                    times.get(row.name()).add(millis);
                }
                System.err.printf(Locale.ROOT, "  whole processes: round %d of %d done%n", run + 1, RUNS);
            }
        }
        times.forEach((name, millis) -> results.put(name, new Stats(name, millis)));
    }

    private static final String CLIENT_FLOOR = "floor: mariadb client loading the finished DDL";

    /** Runs the command under /usr/bin/time when there is one, for its peak RSS; returns the wall time. */
    private double timed(ProcessRow row, ProcessBuilder command) throws Exception {
        Path rss = Files.createTempFile("marsai-rss", ".txt");
        try {
            if (Files.isExecutable(TIME)) {
                List<String> wrapped = new ArrayList<>(List.of(TIME.toString(), "-f", "%M", "-o", rss.toString()));
                wrapped.addAll(command.command());
                command.command(wrapped);
            }
            long start = System.nanoTime();
            runProcess(command, row.name());
            double millis = (System.nanoTime() - start) / 1e6;
            String kib = Files.readString(rss).trim();
            if (!kib.isEmpty()) {
                peakRss.get(row.name()).add(Long.parseLong(kib.substring(kib.lastIndexOf('\n') + 1).trim()));
            }
            return millis;
        } finally {
            Files.deleteIfExists(rss);
        }
    }

    private static final Path TIME = Path.of("/usr/bin/time");

    private static void runProcess(ProcessBuilder command, String what) throws Exception {
        Path log = Files.createTempFile("marsai-bench", ".log");
        try {
            Process process = command.redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(what + " did not finish within 5 minutes");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(what + " failed (exit " + process.exitValue() + "): "
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A command line: a jar run as {@code java -jar}, or a launcher script; the password in the environment. */
    private static ProcessBuilder ours(Path cli, TestDatabase db, String... command) {
        boolean jar = cli.toString().endsWith(".jar");
        List<String> line = new ArrayList<>(jar ? List.of(java(), "-jar", cli.toString()) : List.of(cli.toString()));
        line.addAll(List.of(command));
        if (db != null) {
            line.addAll(List.of("--url=" + db.url(), "--username=" + db.user()));
        }
        ProcessBuilder builder = new ProcessBuilder(line);
        if (!jar) {
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().remove("MARSAI_SCHEMA_JAVA_OPTS");
        }
        if (db != null) {
            builder.environment().put("DB_PASSWORD", db.password());
        }
        return builder;
    }

    /** The jars stock Liquibase's CLI needs: liquibase-core and its dependencies, picocli, the MySQL driver. */
    private static final List<String> STOCK_JARS = List.of("liquibase-core-", "opencsv-", "snakeyaml-", "jaxb-api-",
            "commons-collections4-", "commons-text-", "commons-lang3-", "commons-io-", "picocli-", "mysql-connector-j-");

    /**
     * Liquibase's own command line on this project's {@code changelogs/} folder, on a class path of the jars it
     * needs only (not ours, which registers our lock service), with its usage analytics off (a network call
     * that this machine could not make anyway).
     */
    private static ProcessBuilder stock(TestDatabase db, String command) {
        List<String> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String file = Path.of(entry).getFileName().toString();
            if (file.endsWith(".jar") && STOCK_JARS.stream().anyMatch(file::startsWith)) {
                classPath.add(entry);
            }
        }
        if (classPath.size() != STOCK_JARS.size()) {
            throw new IllegalStateException("Liquibase's jars are not all on the class path: " + classPath);
        }
        List<String> line = new ArrayList<>(List.of(java(), "-cp", String.join(File.pathSeparator, classPath),
                "liquibase.integration.commandline.LiquibaseCommandLine", "--analytics-enabled=false",
                "--search-path=changelogs", "--changelog-file=marsai-changelog.yaml"));
        if (db != null) {
            line.addAll(List.of("--url=" + db.url(), "--username=" + db.user(), "--password=" + db.password()));
        } else {
            Path history;
            try {
                history = Files.createTempDirectory("marsai-stock").resolve("databasechangelog.csv");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            line.add("--url=offline:mysql?version=8.0&outputLiquibaseSql=all&changeLogFile=" + history);
        }
        line.add(command);
        return new ProcessBuilder(line);
    }

    /** The mariadb client loading a script into the database, as a DBA would. */
    private static ProcessBuilder client(TestDatabase db, Path script) {
        Matcher m = Pattern.compile("jdbc:mysql://([^:/]+):(\\d+)/").matcher(db.url());
        if (!m.find()) {
            throw new IllegalStateException("Cannot read host and port from " + db.url());
        }
        ProcessBuilder builder = new ProcessBuilder(SqlClient.binary().toString(), "--protocol=TCP", "--host=" + m.group(1),
                "--port=" + m.group(2), "--user=" + db.user(), "--default-character-set=utf8mb4", db.name())
                .redirectInput(script.toFile());
        builder.environment().put("MYSQL_PWD", db.password());
        return builder;
    }

    private void report() {
        Stats jdbcFloor = results.get("floor: finished DDL over one JDBC connection");
        double jdbc = jdbcFloor == null ? Double.NaN : jdbcFloor.median();
        double client = results.get(CLIENT_FLOOR).median();
        System.out.println();
        System.out.printf(Locale.ROOT, "%-62s %9s %9s %9s %14s %9s %9s%n", "figure (" + RUNS + " runs)", "median ms",
                "min ms", "max ms", "× floor", "× stock", "peak MiB");
        for (Stats stats : results.values()) {
            boolean process = peakRss.containsKey(stats.name());
            double floor = process ? client : jdbc;
            String ratio = stats.name().startsWith("floor") || stats.name().contains("offline")
                    || stats.name().contains("fresh JVM") ? "" :
                    String.format(Locale.ROOT, "%.2f ×%s", stats.median() / floor, process ? " client" : " JDBC");
            String stock = stockCounterpart.containsKey(stats.name()) ? String.format(Locale.ROOT, "%.2f",
                    stats.median() / results.get(stockCounterpart.get(stats.name())).median()) : "";
            String rss = process && !peakRss.get(stats.name()).isEmpty() ? String.format(Locale.ROOT, "%.0f",
                    peakRss.get(stats.name()).stream().mapToLong(Long::longValue).max().orElse(0) / 1024.0) : "";
            System.out.printf(Locale.ROOT, "%-62s %9.1f %9.1f %9.1f %14s %9s %9s%n", stats.name(), stats.median(),
                    stats.min(), stats.max(), ratio, stock, rss);
        }
    }
}

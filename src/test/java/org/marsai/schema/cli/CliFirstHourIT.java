package org.marsai.schema.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marsai.schema.testing.CliProcess;
import org.marsai.schema.testing.InProcessCli;
import org.marsai.schema.testing.Migrations;
import org.marsai.schema.testing.TestDatabase;
import org.marsai.schema.testing.TestServer;

/** The command line's rough edges an operator meets in the first hour, each gone. */
class CliFirstHourIT {

    private static final Pattern URL = Pattern.compile("jdbc:mysql://([^:/]+):(\\d+)/([^?]+)");
    private static final String LAST = Migrations.last();
    private static final String BEFORE_LAST = Migrations.beforeLast();

    @TempDir
    Path workingDirectory;

    private InProcessCli.Run run(Map<String, String> env, String... args) {
        return new InProcessCli(workingDirectory).run(env, args);
    }

    private InProcessCli.Run run(String... args) {
        return new InProcessCli(workingDirectory).run(args);
    }

    private InProcessCli.Run on(TestDatabase db, String... args) {
        return new InProcessCli(workingDirectory).on(db, args);
    }

    private static void assertUsageError(InProcessCli.Run run, String... fragments) {
        assertThat(run.code()).as(run.all()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains(fragments).doesNotContain("Error: Error:").startsWith("Error: ");
        assertThat(run.err().lines().count()).as("one line: %s", run.err()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
    }

    /** The test server's host and port, and a database name, as the original project's variables. */
    private static Map<String, String> variables(TestDatabase db, String name) {
        Matcher m = URL.matcher(db.url());
        assertThat(m.find()).as(db.url()).isTrue();
        Map<String, String> env = new HashMap<>();
        env.put("DB_HOST", m.group(1));
        env.put("DB_PORT", m.group(2));
        env.put("DB_NAME", name);
        env.put("DB_USER", db.user());
        env.put("DB_PASSWORD", db.password());
        return env;
    }

    @Test
    void passwordAskedWithoutATerminalIsAskedOnStandardErrorAndJsonStaysValid() throws Exception {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", CliProcess.JAR.toString(), "status", "--format", "json", "--url=" + db.url(),
                    "--username=" + db.user(), "--password"));
            Path out = Files.createTempFile(workingDirectory, "out", ".json");
            Path err = Files.createTempFile(workingDirectory, "err", ".txt");
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            process.getOutputStream().write((db.password() + "\n").getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
            String json = Files.readString(out);
            assertThat(process.exitValue()).as(json + Files.readString(err)).isZero();
            JsonNode status = new ObjectMapper().readTree(json);
            assertThat(status.get("database").asText()).endsWith("/" + db.name());
            assertThat(json).doesNotContain("Password");
            assertThat(Files.readString(err)).as("the question, on standard error").startsWith("Password (--password): ");
        }
        InProcessCli.Run nothingToRead = run("status", "--url=jdbc:mysql://127.0.0.1:1/x", "--password");
        assertThat(nothingToRead.code()).as(nothingToRead.all()).isEqualTo(ExitCodes.USAGE);
        assertThat(nothingToRead.err().lines().toList()).containsExactly("Password (--password): ", "Error: --password was"
                + " given without a value and no password could be read from standard input: give the password, or set"
                + " DB_PASSWORD.");
    }

    @Test
    void mistakesAreNamedOnceWithTheFix() {
        InProcessCli.Run typo = run("stauts");
        assertUsageError(typo, "unknown command 'stauts'", "did you mean 'status'?", "marsai-schema --help");
        assertUsageError(run("rollbak", "--count", "1"), "did you mean 'rollback'?");
        assertUsageError(run("help"), "did you mean '--help'?");

        assertUsageError(run("rollback", "--url=jdbc:mysql://127.0.0.1:1/x"), "Missing required argument", "--count",
                "--to", "marsai-schema rollback --help");
        assertUsageError(run("update", "--lock-wait"), "Missing required parameter for option '--lock-wait'");

        assertUsageError(run("rollback", "--cuont", "1"), "unknown option '--cuont'", "did you mean '--count'?");
        assertUsageError(run("update-sql", "--to", "20260128100001-create-categoris"),
                "Unknown migration '20260128100001-create-categoris': did you mean '20260128100001-create-categories'?");
        assertUsageError(run("update-sql", "--to", "create-users"), "did you mean '20260128100000-create-users'?");
        // --lock-wait is where a command takes the migration lock, and only there
        assertUsageError(run("status", "--lock-wait", "5"), "unknown option '--lock-wait' for 'status'");
        assertThat(run("status", "--help").out()).doesNotContain("--lock-wait");
        assertThat(run("update", "--help").out()).contains("--lock-wait");
    }

    @Test
    void urlsOfOtherSchemesAreConfigurationErrors() {
        assertUsageError(run("status", "--url=jdbc:mariadb://127.0.0.1:1/marsai"), "No JDBC driver on the class path"
                + " accepts jdbc:mariadb://127.0.0.1:1/marsai (MariaDB Connector/J is not there): use a"
                + " jdbc:mysql://HOST:3306/DATABASE URL");
        assertUsageError(run("status", "--url=jdbc:postgresql://127.0.0.1:1/marsai"), "is not a MySQL or MariaDB URL");
    }

    @Test
    void aPasswordThatIsACommonWordDoesNotGarbleTheMessages() {
        InProcessCli.Run run = run(Map.of("DB_PASSWORD", "user"), "status", "--url=jdbc:mysql://127.0.0.1:1/nc_user_cli",
                "--username=nc_user_cli");
        assertThat(run.code()).as(run.all()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).contains("jdbc:mysql://127.0.0.1:1/nc_user_cli", "DB_HOST/DB_PORT").doesNotContain("****");
    }

    @Test
    void helpSummariesAreWholeSentencesAndListExitCodeFive() {
        String help = run("--help").out();
        String commands = help.substring(help.indexOf("Commands:\n") + 10, help.indexOf("\nExit codes:"));
        Map<String, String> summaries = new LinkedHashMap<>();
        String current = null;
        for (String line : commands.lines().toList()) {
            Matcher m = Pattern.compile("^  (\\S+?(?:, \\S+)?)\\s{2,}(.*)$").matcher(line);
            if (m.matches()) {
                current = m.group(1);
                summaries.put(current, m.group(2).strip());
            } else if (current != null && !line.isBlank()) {
                summaries.merge(current, line.strip(), (a, b) -> a + " " + b);
            }
        }
        assertThat(summaries).hasSize(15);
        summaries.forEach((command, summary) -> assertThat(summary).as(command).matches("[A-Z].*[.?)]$"));
        assertThat(summaries.get("diff")).isEqualTo("Compare the database's schema with what the changelog implies;"
                + " exit 4 if they differ.");
        assertThat(help).contains("5   the database needs attention: update would refuse (status --exit-code)");
        assertThat(run("status", "--help").out()).as("the table is in the top help only")
                .doesNotContain("5   the database needs attention").contains("Exit codes: see 'marsai-schema --help'.");
    }

    @Test
    void statusAndHistoryNameTheDatabaseAndReadWell() throws Exception {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            assertThat(on(db, "update", "--to", BEFORE_LAST).code()).isZero();
            InProcessCli.Run status = on(db, "status");
            List<String> lines = status.out().lines().toList();
            assertThat(lines.get(0)).isEqualTo("Database: " + db.url().replaceFirst("\\?.*$", ""));
            assertThat(lines.get(lines.size() - 2)).isEqualTo("  pending   " + LAST);
            assertThat(lines.get(lines.size() - 1)).as("the README's example")
                    .isEqualTo((Migrations.count() - 1) + " of " + Migrations.count() + " migrations applied; 1 migration pending ("
                            + changeSets(Migrations.changeSetsOf(LAST).size()) + ").");

            InProcessCli.Run history = on(db, "history");
            List<String> rows = history.out().lines().toList();
            assertThat(rows.get(0)).startsWith("Database: ").endsWith("/" + db.name());
            assertThat(rows.get(1)).matches("ORDER  EXECUTED \\(UTC\\) +TYPE +MIGRATION +CHANGESET");
            assertThat(rows.get(2)).matches(" +1  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d  EXECUTED  20260128100000-create-users +"
                    + "20260128100000-create-users");

            // The SQL a DBA reviews for the last migration: the banner first, history rows numbered on from here.
            String sql = on(db, "update-sql").out();
            assertThat(sql.lines().findFirst()).hasValueSatisfying(first -> assertThat(first).startsWith("--  ****"));
            int applied = db.schema().history().size();
            Matcher order = Pattern.compile("NOW\\(\\), (\\d+), ").matcher(sql);
            List<Integer> orders = new ArrayList<>();
            while (order.find()) {
                orders.add(Integer.parseInt(order.group(1)));
            }
            assertThat(orders).containsExactly(applied + 1);
        }
    }

    @Test
    void updateSqlHeaderIsReadableAndAnUpToDateDatabaseHasNothingToApply() throws Exception {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            assertThat(on(db, "update", "--to", BEFORE_LAST).code()).isZero();
            String sql = on(db, "update-sql").out();
            assertThat(sql).as("the header").containsPattern("(?m)^--  Ran at: \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$")
                    .contains("--  Against: " + db.url().replaceFirst("\\?.*$", "") + "\n");

            assertThat(on(db, "update").code()).isZero();
            assertThat(on(db, "update-sql").out()).as("up to date").startsWith("-- Nothing to apply: ")
                    .doesNotContain("--  ****");
        }
    }

    @Test
    void badNumbersAndLongTagsAreUsageErrorsBeforeConnecting() {
        // Port 1 refuses connections: exit 2 (not 1) shows nothing tried to connect.
        String nowhere = "--url=jdbc:mysql://127.0.0.1:1/marsai";
        assertUsageError(run("update", nowhere, "--lock-wait", "2147483648"), "--lock-wait must be from 0 to 31536000",
                "2147483648");
        assertUsageError(run("update", nowhere, "--lock-wait=-1"), "--lock-wait must be from 0 to 31536000");
        assertUsageError(run("update", nowhere, "--lock-wait=99999999999999999999"), "--lock-wait");
        assertUsageError(run("status", nowhere, "--connect-timeout=0"), "--connect-timeout must be from 1 to 3600");
        assertUsageError(run("rollback", nowhere, "--count=0"), "--count must be at least 1");
        assertUsageError(run("rollback-sql", nowhere, "--count=-3"), "--count must be at least 1");
        assertUsageError(run("tag", nowhere, "x".repeat(256)), "The tag must be 1 to 255 characters, got 256");
        assertThat(run("tag", nowhere, "x".repeat(255)).code()).as("255 characters pass the check, then connecting fails")
                .isEqualTo(ExitCodes.FAILED);
    }

    @Test
    void statusExitCodeIsFiveWhenUpdateWouldRefuse() throws Exception {
        try (TestDatabase edited = TestServer.get().createDatabase(); TestDatabase newer = TestServer.get().createDatabase()) {
            assertThat(on(edited, "update", "--to", BEFORE_LAST).code()).isZero();
            edited.execute("UPDATE DATABASECHANGELOG SET MD5SUM = '9:00000000000000000000000000000000' WHERE ORDEREXECUTED = 1");
            InProcessCli.Run status = on(edited, "status", "--exit-code");
            assertThat(status.code()).as(status.all()).isEqualTo(ExitCodes.NEEDS_ATTENTION);
            assertThat(status.out()).contains("  problem   Changeset 20260128100000-create-users", "Update would refuse: 1 problem");
            JsonNode json = new ObjectMapper().readTree(on(edited, "status", "--format", "json").out());
            assertThat(json.get("canUpdate").asBoolean()).isFalse();
            assertThat(json.get("upToDate").asBoolean()).isFalse();
            assertThat(json.get("problems").get(0).get("code").asText()).isEqualTo("CHECKSUM_MISMATCH");
            assertThat(json.get("problems").get(0).get("message").asText()).contains("20260128100000-create-users");
            assertThat(on(edited, "update").code()).as("update refuses, as status said").isEqualTo(ExitCodes.FAILED);

            assertThat(on(newer, "update").code()).isZero();
            newer.execute("INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE, MD5SUM)"
                    + " VALUES ('20990101000000-from-the-future', 'marsai', 'marsai-schema/20990101000000-from-the-future.yaml',"
                    + " NOW(), 999, 'EXECUTED', '9:abc')");
            InProcessCli.Run tolerated = on(newer, "status", "--exit-code");
            assertThat(tolerated.code()).as("a newer version's database: " + tolerated.all()).isEqualTo(ExitCodes.OK);
            assertThat(on(newer, "update").code()).as("update leaves it alone").isEqualTo(ExitCodes.OK);
            InProcessCli.Run newerStatus = on(newer, "status", "--exit-code", "--refuse-newer-changesets");
            assertThat(newerStatus.code()).as(newerStatus.all()).isEqualTo(ExitCodes.NEEDS_ATTENTION);
            assertThat(newerStatus.out()).contains("unknown   20990101000000-from-the-future", "  problem   ");
            JsonNode newerJson = new ObjectMapper().readTree(on(newer, "status", "--format", "json",
                    "--refuse-newer-changesets").out());
            assertThat(newerJson.get("problems").get(0).get("code").asText()).isEqualTo("DATABASE_NEWER_THAN_LIBRARY");
            assertThat(on(newer, "update", "--refuse-newer-changesets").code()).isEqualTo(ExitCodes.FAILED);

            newer.execute("DELETE FROM DATABASECHANGELOG WHERE ID = '20990101000000-from-the-future'");
            assertThat(on(newer, "status", "--exit-code").code()).as("up to date again").isZero();
        }
    }

    /**
     * DB_NAME reaches exactly the database it names, whatever characters MySQL allows in it, or the command line
     * refuses it with exit 2; never another database. The databases a raw URL would reach instead ({@code appA},
     * {@code app}, {@code a b}) exist, so a mistake would land there rather than fail.
     */
    @Test
    void dbNameReachesExactlyThatDatabaseOrIsRefused() throws Exception {
        // {s}: a suffix of this run, before the special characters, so that the decoys are this run's too.
        List<String> names = List.of("app{s}%41", "app{s}?x", "a{s}&b=c", "x{s}`y", "café{s}", "a{s}+b", "a{s}#b", "a{s}/b");
        List<String> decoys = List.of("app{s}A", "app{s}", "a{s} b", "a{s}");
        String suffix = "_" + Long.toString(System.nanoTime() % 1_000_000L, 36);
        try (TestDatabase reference = TestServer.get().createDatabase();
             Connection root = TestServer.get().rootConnection(); Statement s = root.createStatement()) {
            List<String> targets = names.stream().map(n -> n.replace("{s}", suffix)).toList();
            List<String> decoyNames = decoys.stream().map(n -> n.replace("{s}", suffix)).toList();
            List<String> all = new ArrayList<>(targets);
            all.addAll(decoyNames);
            try {
                for (String name : all) {
                    s.execute("CREATE DATABASE " + quote(name) + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
                }
                for (String name : targets) {
                    InProcessCli.Run update = run(variables(reference, name), "update");
                    // A backtick: MySQL allows it, Liquibase 4.33 cannot create its history table there; refused.
                    assertThat(update.code()).as(name + ": " + update.all())
                            .isEqualTo(name.contains("`") ? ExitCodes.USAGE : ExitCodes.OK);
                    if (update.code() == ExitCodes.OK) {
                        assertThat(tables(s, name)).as("tables in " + name).contains("DATABASECHANGELOG", "users", "movies");
                        InProcessCli.Run status = run(variables(reference, name), "status", "--exit-code");
                        assertThat(status.code()).as(name + ": " + status.all()).isZero();
                        InProcessCli.Run diff = run(variables(reference, name), "diff");
                        assertThat(diff.code()).as(name + ": " + diff.all()).isZero();
                    } else {
                        assertThat(tables(s, name)).as("nothing in " + name).isEmpty();
                    }
                }
                for (String decoy : decoyNames) {
                    assertThat(tables(s, decoy)).as("the decoy " + decoy + " is untouched").isEmpty();
                }
            } finally {
                for (String name : all) {
                    s.execute("DROP DATABASE IF EXISTS " + quote(name));
                }
            }
        }
    }

    @Test
    void hostAndPortAreCheckedBeforeConnecting() throws Exception {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            for (String host : List.of("127.0.0.1/other", "127.0.0.1:3307", "db?user=root", "a b", "[::1", "999.1.1.1")) {
                Map<String, String> env = variables(db, db.name());
                env.put("DB_HOST", host);
                assertUsageError(run(env, "status"), "DB_HOST must be a host name, an IPv4 address or an IPv6 address in"
                        + " brackets", host);
            }
            for (String port : List.of("0", "65536", "3306/other", "3306?x=y", "-1")) {
                Map<String, String> env = variables(db, db.name());
                env.put("DB_PORT", port);
                assertUsageError(run(env, "status"), "DB_PORT must be a port number from 1 to 65535");
            }
            Map<String, String> tooLong = variables(db, "d".repeat(65));
            assertUsageError(run(tooLong, "status"), "DB_NAME is longer than 64 characters");
            Map<String, String> localhost = variables(db, db.name());
            localhost.put("DB_HOST", "localhost");
            assertThat(run(localhost, "status").code()).as("a host name passes").isIn(ExitCodes.OK, ExitCodes.FAILED);
        }
    }

    @Test
    void theJarIsQuietByDefaultAndShowsLiquibaseWithVerbose() throws Exception {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            CliProcess.Result update = CliProcess.run(db, "update", "--to", "20260128144807-alter-movies");
            assertThat(update.exitCode()).as(update.output()).isZero();
            assertThat(update.output().lines().toList()).as("changeset lines and the summary only")
                    .allMatch(line -> line.startsWith("  applied  ") || line.startsWith("  recorded ")
                            || line.startsWith("Applied "));
            CliProcess.Result verbose = CliProcess.run(db, "update", "--to", "20260216120000-alter-movies-selection-status", "-v");
            assertThat(verbose.exitCode()).as(verbose.output()).isZero();
            assertThat(verbose.output()).contains("INFO org.marsai.schema - marsai-schema: update", "DEBUG liquibase.")
                    .doesNotContain("WARN");
        }
    }

    /** Liquibase's log, which the library sends to SLF4J (and slf4j-simple straight to stderr), names no password. */
    @Test
    void verboseLogShowsNoPassword() throws Exception {
        String secret = "Tr0ub4dor-and-3-verbose";
        try (TestDatabase db = TestServer.get().createDatabase()) {
            String user = "v_" + db.name().substring(db.name().length() - 6);
            db.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + secret + "'",
                    "GRANT ALL ON `" + db.name() + "`.* TO '" + user + "'@'%'");
            try {
                // step by step, so that Liquibase runs and logs (an empty database's consolidated install does not start it)
                CliProcess.Result update = CliProcess.run(null, "update", "-v", "--no-consolidated-install",
                        "--url=" + db.url() + "&password=" + secret, "--username=" + user);
                assertThat(update.exitCode()).as(update.output()).isZero();
                assertThat(update.output()).contains("DEBUG liquibase.").doesNotContain(secret);
            } finally {
                db.execute("DROP USER '" + user + "'@'%'");
            }
        }
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    private static List<String> tables(Statement s, String database) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement p = s.getConnection().prepareStatement(
                "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?")) {
            p.setString(1, database);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    tables.add(r.getString(1));
                }
            }
        }
        return tables;
    }

    private static String changeSets(int count) {
        return count == 1 ? "1 changeset" : count + " changesets";
    }
}

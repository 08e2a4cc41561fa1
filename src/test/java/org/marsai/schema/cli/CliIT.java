package org.marsai.schema.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.marsai.schema.testing.Migrations;
import org.marsai.schema.testing.ExpectedSchema;
import org.marsai.schema.testing.InProcessCli;
import org.marsai.schema.testing.TestDatabase;
import org.marsai.schema.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run in-process as {@code java -jar marsai-schema-cli.jar} runs it. */
class CliIT {

    private static final Pattern URL = Pattern.compile("jdbc:mysql://([^:]+):(\\d+)/([^?]+)");
    private final ExpectedSchema expected = ExpectedSchema.load();

    @TempDir
    Path workingDirectory;

    private InProcessCli.Run run(Map<String, String> env, String... args) {
        return new InProcessCli(workingDirectory).run(env, args);
    }

    private InProcessCli.Run run(String... args) {
        return new InProcessCli(workingDirectory).run(args);
    }

    private static String[] withUrl(TestDatabase db, String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--url=" + db.url();
        all[args.length + 1] = "--username=" + db.user();
        all[args.length + 2] = "--password=" + db.password();
        all[args.length + 3] = "--connect-timeout=5";
        return all;
    }

    private static Map<String, String> dbVariables(TestDatabase db, String user, String password) {
        Matcher m = URL.matcher(db.url());
        assertThat(m.find()).isTrue();
        Map<String, String> env = new HashMap<>();
        env.put("DB_HOST", m.group(1));
        env.put("DB_PORT", m.group(2));
        env.put("DB_NAME", m.group(3));
        env.put("DB_USER", user);
        env.put("DB_PASSWORD", password);
        return env;
    }

    private void writeDotEnv(Map<String, String> values) throws IOException {
        StringBuilder text = new StringBuilder("# the original project's settings\n");
        values.forEach((k, v) -> text.append(k).append("=\"").append(v).append("\"\n"));
        Files.writeString(workingDirectory.resolve(".env"), text);
    }

    @Test
    void helpListsEveryCommandAndTheExitCodes() {
        InProcessCli.Run help = run("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("update", "status", "history", "rollback", "tag", "update-sql", "rollback-sql",
                "validate", "db:migrate", "db:migrate:status", "db:migrate:undo", "db:migrate:undo:all")
                .contains("0   ok", "1   failed", "2   usage or configuration error", "3   migrations pending");
        assertThat(run("status", "--help").out()).contains("--exit-code", "--url", "--username", "--password");

        InProcessCli.Run none = run();
        assertThat(none.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).contains("Usage: marsai-schema");
        assertThat(run("--version").out()).contains("marsai-schema", "Liquibase 4.33.0");
    }

    @Test
    void updateSqlWithoutAnyConnectionPrintsTheWholeScriptOffline() {
        InProcessCli.Run run = run("update-sql");
        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("--  ****").contains("CREATE TABLE DATABASECHANGELOG")
                .contains("CREATE TABLE newsletter_subscribers");
        assertThat(run.err()).isEmpty();

        InProcessCli.Run partial = run("update-sql", "--to", "20260128100001-create-categories.cjs");
        assertThat(partial.out()).contains("CREATE TABLE categories").doesNotContain("CREATE TABLE collaborators");
    }

    @Test
    void updateStatusAndTheSequelizeVerbsWithUrlOptions() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            InProcessCli.Run pending = run(withUrl(db, "status", "--exit-code"));
            assertThat(pending.code()).isEqualTo(ExitCodes.PENDING);
            assertThat(pending.out()).contains("pending   20260128100000-create-users", "0 of " + Migrations.count() + " migrations applied");
            assertThat(run(withUrl(db, "status")).code()).as("status without --exit-code").isZero();

            InProcessCli.Run migrate = run(withUrl(db, "db:migrate", "--to", "20260205131006-create-movies-juries.cjs"));
            assertThat(migrate.code()).isZero();
            assertThat(migrate.out()).contains("up to 20260205131006-create-movies-juries");

            InProcessCli.Run sequelizeStatus = run(withUrl(db, "db:migrate:status"));
            assertThat(sequelizeStatus.out()).contains("up   20260205131006-create-movies-juries.cjs",
                    "down 20260210100000-alter-users-known-by-mars-ai.cjs");

            InProcessCli.Run update = run(withUrl(db, "update"));
            assertThat(update.code()).isZero();
            assertThat(update.out()).contains("up to " + Migrations.last());
            assertThat(run(withUrl(db, "update")).out()).contains("Nothing to apply");

            InProcessCli.Run upToDate = run(withUrl(db, "status", "--exit-code"));
            assertThat(upToDate.code()).isZero();
            assertThat(upToDate.out()).contains("Up to date: all " + Migrations.count() + " migrations applied.");
            assertThat(ExpectedSchema.sorted(db.picture())).containsExactlyElementsOf(expected.afterAll());
        }
    }

    @Test
    void rollbackVerbsUndoWhatTheirNamesSay() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            assertThat(run(withUrl(db, "update")).code()).isZero();

            InProcessCli.Run undo = run(withUrl(db, "db:migrate:undo"));
            assertThat(undo.code()).isZero();
            assertThat(undo.out()).contains("down to and including " + Migrations.last());

            InProcessCli.Run rollbackTo = run(withUrl(db, "rollback", "--to", "20260216120000-alter-movies-selection-status"));
            assertThat(rollbackTo.code()).isZero();
            assertThat(db.schema().status().currentMigration()).as("--to NAME keeps NAME")
                    .contains("20260216120000-alter-movies-selection-status");

            assertThat(run(withUrl(db, "rollback", "--count", "2")).code()).isZero();
            assertThat(db.schema().status().currentMigration()).contains("20260214130000-add-admin-comment-to-movies");

            InProcessCli.Run undoAllTo = run(withUrl(db, "db:migrate:undo:all", "--to", "20260205100000-add-assigned-jury-to-movies.cjs"));
            assertThat(undoAllTo.code()).isZero();
            assertThat(db.schema().status().currentMigration()).as("undo:all --to NAME undoes NAME too")
                    .contains("20260128144807-alter-movies");
            assertThat(ExpectedSchema.sorted(db.picture())).containsExactlyElementsOf(
                    expected.after(expected.migrations().indexOf("20260128144807-alter-movies") + 1));

            InProcessCli.Run undoAll = run(withUrl(db, "db:migrate:undo:all"));
            assertThat(undoAll.code()).isZero();
            assertThat(db.tables()).containsExactly("DATABASECHANGELOG");

            InProcessCli.Run noTarget = run(withUrl(db, "rollback"));
            assertThat(noTarget.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(noTarget.err()).contains("--count", "--to");
        }
    }

    @Test
    void rollbackToATagOrADateAndTheirPreviews() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            run(withUrl(db, "update", "--to", "20260128100004-create-movies"));
            InProcessCli.Run tag = run(withUrl(db, "tag", "before-awards"));
            assertThat(tag.out()).as("tag names the changeset it marked").isEqualTo("Tagged changeset"
                    + " 20260128100004-create-movies of migration 20260128100004-create-movies 'before-awards':"
                    + " `rollback --tag before-awards` returns to it.\n");
            run(withUrl(db, "update"));

            InProcessCli.Run preview = run(withUrl(db, "rollback-sql", "--tag", "before-awards"));
            assertThat(preview.code()).as(preview.err()).isZero();
            assertThat(preview.out()).contains("-- Migration 20260128100005-create-awards")
                    .doesNotContain("-- Migration 20260128100004-create-movies,");
            InProcessCli.Run rollback = run(withUrl(db, "rollback", "--tag", "before-awards"));
            assertThat(rollback.code()).as(rollback.err()).isZero();
            assertThat(db.schema().status().currentMigration()).contains("20260128100004-create-movies");

            assertThat(run(withUrl(db, "rollback-sql", "--date", "2999-01-01")).out()).contains("Nothing to roll back");
            assertThat(run(withUrl(db, "rollback", "--date", "2999-01-01T00:00:00")).code()).isZero();
            assertThat(db.schema().status().currentMigration()).contains("20260128100004-create-movies");
            InProcessCli.Run all = run(withUrl(db, "rollback", "--date", "2000-01-01T00:00:00+01:00"));
            assertThat(all.code()).as(all.err()).isZero();
            assertThat(db.tables()).containsExactly("DATABASECHANGELOG");

            InProcessCli.Run both = run(withUrl(db, "rollback", "--tag", "x", "--count", "1"));
            assertThat(both.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(both.err()).contains("mutually exclusive");
            InProcessCli.Run badDate = run(withUrl(db, "rollback-sql", "--date", "yesterday"));
            assertThat(badDate.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(badDate.err()).contains("--date yesterday is not an ISO-8601 date or date-time");
        }
    }

    @Test
    void tagHistoryPreviewsAndValidate() throws IOException {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            run(withUrl(db, "update", "--to", "20260128100004-create-movies"));
            assertThat(run(withUrl(db, "tag", "before-awards")).out()).contains("before-awards");
            run(withUrl(db, "update"));

            InProcessCli.Run history = run(withUrl(db, "history"));
            assertThat(history.out()).contains("20260128100004-create-movies  [tag before-awards]");
            JsonNode json = new ObjectMapper().readTree(run(withUrl(db, "history", "--format", "json")).out());
            assertThat(json.size()).isEqualTo(db.schema().changeSets().size());
            assertThat(json.get(0).get("migration").asText()).isEqualTo("20260128100000-create-users");
            assertThat(json.get(0).get("execType").asText()).isEqualTo("EXECUTED");
            assertThat(json.get(4).get("tag").asText()).isEqualTo("before-awards");

            JsonNode status = new ObjectMapper().readTree(run(withUrl(db, "status", "--format", "json")).out());
            assertThat(status.get("upToDate").asBoolean()).isTrue();
            assertThat(status.get("migrations").size()).isEqualTo(Migrations.count());

            InProcessCli.Run rollbackSql = run(withUrl(db, "rollback-sql", "--count", "1"));
            assertThat(rollbackSql.out()).contains("ALTER TABLE " + db.name() + ".votes DROP COLUMN decision");
            assertThat(db.query("SHOW COLUMNS FROM votes LIKE 'decision'")).as("rollback-sql changes nothing").hasSize(1);

            InProcessCli.Run validate = run(withUrl(db, "validate"));
            assertThat(validate.code()).isZero();
            assertThat(validate.out()).contains("Valid.");
            db.execute("UPDATE DATABASECHANGELOG SET MD5SUM = '9:00000000000000000000000000000000' WHERE ID = '20260128100001-create-categories'");
            InProcessCli.Run invalid = run(withUrl(db, "validate"));
            assertThat(invalid.code()).isEqualTo(ExitCodes.FAILED);
            assertThat(invalid.err()).contains("20260128100001-create-categories");
        }
    }

    @Test
    void connectionFromDotEnvAndTheEnvironmentWhichWins() throws IOException {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            writeDotEnv(dbVariables(db, db.user(), db.password()));
            InProcessCli.Run fromFile = run("update");
            assertThat(fromFile.code()).as(fromFile.err()).isZero();
            assertThat(run("status", "--exit-code").code()).isZero();

            Map<String, String> wrongDatabase = new HashMap<>();
            wrongDatabase.put("DB_NAME", "no_such_database_" + db.name());
            InProcessCli.Run overridden = run(wrongDatabase, "status");
            assertThat(overridden.code()).isEqualTo(ExitCodes.FAILED);
            assertThat(overridden.err()).contains("does not exist", "DB_NAME");

            InProcessCli.Run pendingSql = run("update-sql");
            assertThat(pendingSql.code()).isZero();
            assertThat(pendingSql.out()).as("nothing pending: no changeset in the live preview")
                    .doesNotContain("CREATE TABLE").doesNotContain("INSERT INTO");
        }
    }

    @Test
    void malformedDotEnvIsRefusedNamingTheLine() throws IOException {
        Files.writeString(workingDirectory.resolve(".env"), "DB_HOST=127.0.0.1\nDB_NAME marsai\n");
        InProcessCli.Run run = run("status");
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains(".env line 2 is not KEY=VALUE");
        assertThat(run.err().lines().count()).as("one line").isEqualTo(1);
    }

    @Test
    void missingConnectionSettingsAreAUsageErrorSayingWhatToSet() {
        InProcessCli.Run run = run("status");
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("No database configured", "--url", "DB_HOST", ".env");
    }

    @Test
    void unknownOptionsCommandsAndMigrationsAreUsageErrors() {
        InProcessCli.Run option = run("status", "--colour");
        assertThat(option.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(option.err()).contains("unknown option '--colour'");

        InProcessCli.Run typo = run("status", "--pasword", "hunter2-secret");
        assertThat(typo.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(typo.all()).doesNotContain("hunter2-secret");

        assertThat(run("migrate").code()).isEqualTo(ExitCodes.USAGE);

        InProcessCli.Run migration = run("update-sql", "--to", "20991231000000-nothing");
        assertThat(migration.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(migration.err()).contains("Unknown migration '20991231000000-nothing'");
    }

    @Test
    void wrongPasswordIsOneLineWithoutThePasswordAndStackTraceOnlyOnRequest() throws Exception {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            String user = "cli_" + db.name().substring(db.name().length() - 6);
            String password = "Right-Horse-Battery-42";
            db.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + password + "'",
                    "GRANT ALL PRIVILEGES ON `" + db.name() + "`.* TO '" + user + "'@'%'");
            try {
                String wrong = "Wrong-Staple-Pony-77";
                InProcessCli.Run refused = run(dbVariables(db, user, wrong), "status");
                assertThat(refused.code()).isEqualTo(ExitCodes.FAILED);
                assertThat(refused.err()).contains("refused user '" + user + "'", "DB_USER/DB_PASSWORD");
                assertThat(refused.err().lines().count()).as("one line").isEqualTo(1);
                assertThat(refused.all()).doesNotContain(wrong).doesNotContain("at org.");

                InProcessCli.Run traced = run("status", "--stacktrace", "--url=" + db.url(), "--username=" + user, "--password=" + wrong);
                assertThat(traced.err()).contains("at org.").doesNotContain(wrong);

                InProcessCli.Run right = run(dbVariables(db, user, password), "update");
                assertThat(right.code()).as(right.err()).isZero();
                assertThat(right.all()).doesNotContain(password);
            } finally {
                db.execute("DROP USER '" + user + "'@'%'");
            }
        }
    }

    @Test
    void unreachableServerFailsWithinTheConnectTimeout() {
        long start = System.nanoTime();
        InProcessCli.Run run = run("status", "--url=jdbc:mysql://127.0.0.1:1/marsai", "--username=root", "--connect-timeout=3");
        assertThat(run.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).contains("Cannot connect to jdbc:mysql://127.0.0.1:1/marsai", "connection refused");
        assertThat((System.nanoTime() - start) / 1_000_000_000).isLessThan(30);
    }

    @Test
    void nonMySqlUrlIsRefused() {
        InProcessCli.Run run = run("status", "--url=jdbc:postgresql://127.0.0.1:5432/test");
        assertThat(run.code()).as("a configuration error").isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("not a MySQL or MariaDB URL");
        assertThat(List.of(run.err().split("\n"))).hasSize(1);
    }

    @Test
    void repairRecordsALostHistoryRowAgainAndStatusGoesBackToZero() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            assertThat(run(withUrl(db, "update")).code()).isZero();
            db.execute("DELETE FROM DATABASECHANGELOG WHERE ID = '20260216100000-create-vote-histories'");
            assertThat(run(withUrl(db, "status", "--exit-code")).code()).as("update would refuse").isEqualTo(5);

            InProcessCli.Run repair = run(withUrl(db, "repair"));

            assertThat(repair.code()).as(repair.err()).isZero();
            assertThat(repair.out()).contains("recorded  20260216100000-create-vote-histories  20260216100000-create-vote-histories",
                    "Recorded 1 changeset(s) again");
            assertThat(run(withUrl(db, "status", "--exit-code")).code()).isZero();
            assertThat(run(withUrl(db, "repair")).out()).contains("Nothing to repair");
        }
    }

    @Test
    void aFailingChangeSetIsOneLineWithoutLiquibasesLogOrAStackTrace() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            assertThat(run(withUrl(db, "update", "--to", "20260128100004-create-movies")).code()).isZero();
            db.execute("CREATE TABLE awards (id INT PRIMARY KEY)");

            InProcessCli.Run failed = run(withUrl(db, "update"));

            assertThat(failed.code()).isEqualTo(ExitCodes.FAILED);
            assertThat(failed.err().lines().toList()).as("one line").singleElement().asString().startsWith("Error: ")
                    .contains("Changeset 20260128100005-create-awards of migration 20260128100005-create-awards failed",
                            "already exists", "see `diff`");
            assertThat(failed.err()).doesNotContain("SEVERE").doesNotContain("\tat ").doesNotContain("Exception");
        }
    }
}

package org.marsai.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.marsai.schema.testing.CliProcess;
import org.marsai.schema.testing.SequelizeDatabase;
import org.marsai.schema.testing.TestDatabase;
import org.marsai.schema.testing.TestServer;

/**
 * The operator's second round (issue 18): each case with the outcome it has now. No assertion depends on how
 * long something took: waits are sequenced by what the server shows (its process list), and the only time
 * bounds are generous safety nets against a hang.
 */
class HardeningSecondRoundIT {

    private static final String COLLABORATORS_MOVIES = "20260128100010-create-collaborators-movies";
    private static final String MOVIES_ALTERED = "20260128144807-alter-movies";
    /** The last migration of release 1.0: tests that undo "the last one" stop here, whatever later releases add. */
    private static final String NEWSLETTER = "20260302171000-create-newsletter-subscribers";

    @Test
    void theServersSystemSchemasAreRefusedBeforeAnythingIsReadOrWritten() throws Exception {
        TestServer server = TestServer.get();
        for (String system : List.of("mysql", "information_schema", "performance_schema")) {
            MarsSchema schema = MarsSchema.configure().url(server.jdbcUrl(system)).username(server.user())
                    .password(server.password()).load();
            for (Runnable operation : List.<Runnable>of(schema::update, schema::status, schema::diff, schema::validate,
                    schema::repair)) {
                assertThatThrownBy(operation::run).as("an operation on %s", system).isInstanceOf(MarsSchemaException.class)
                        .hasMessageContaining("Database '" + system + "' is the server's own system schema")
                        .hasMessageContaining("CREATE DATABASE marsai CHARACTER SET utf8mb4")
                        .hasMessageNotContaining("ALTER DATABASE").hasMessageNotContaining("holds MarsAI tables")
                        .extracting(e -> ((MarsSchemaException) e).code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION);
            }
        }
        try (Connection c = server.rootConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'mysql'"
                     + " AND (UPPER(TABLE_NAME) LIKE 'DATABASECHANGELOG%' OR TABLE_NAME IN ('users', 'movies'))")) {
            rs.next();
            assertThat(rs.getInt(1)).as("nothing was created in mysql").isZero();
        }
    }

    @Test
    void aDdlWaitingForAnApplicationsTransactionStepsBackNamesItAndFinishesOnceItEnds() throws Exception {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            db.schema().updateTo(COLLABORATORS_MOVIES);
            List<List<String>> history = db.query("SELECT ID, ORDEREXECUTED FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED");
            List<String> picture = db.picture();
            MarsSchema schema = db.configure().lockWait(Duration.ofSeconds(3)).load();
            // app is closed first (resources close in reverse): before the fix, that is what frees the others
            try (Connection third = db.connect(); Connection app = db.connect()) {
                app.setAutoCommit(false);
                long appId = connectionId(app);
                count(app, "SELECT COUNT(*) FROM movies"); // the application's transaction stays open on movies

                CompletableFuture<UpdateResult> update = CompletableFuture.supplyAsync(() -> schema.updateTo(MOVIES_ALTERED));
                awaitState(db, update, "ALTER TABLE%movies%");
                // A plain query of the application, issued while our ALTER waits: it is answered while the
                // application's transaction is still open (before the fix it queued behind the ALTER, which
                // waited for that transaction for the server's lock_wait_timeout, 86,400 s).
                CompletableFuture<Long> select = CompletableFuture.supplyAsync(() -> count(third, "SELECT COUNT(*) FROM movies"));
                assertThat(select.get(2, TimeUnit.MINUTES)).as("the SELECT was answered while the application's"
                        + " transaction is still open").isZero();

                Throwable failure = catchThrowable(() -> update.get(2, TimeUnit.MINUTES));
                assertThat(failure).isInstanceOf(ExecutionException.class);
                assertThat(failure.getCause()).isInstanceOf(LockTimeoutException.class)
                        .hasMessageContaining("movies") .hasMessageContaining("connection " + appId + " of ")
                        .hasMessageContaining("KILL").hasMessageContaining("--lock-wait");
                assertThat(db.query("SELECT ID, ORDEREXECUTED FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED"))
                        .as("the history is as before: no row, no marker").isEqualTo(history);
                assertThat(db.picture()).isEqualTo(picture);

                app.commit();
                assertThat(schema.updateTo(MOVIES_ALTERED).executed()).isNotEmpty();
                assertThat(schema.diff().hasDrift()).isFalse();
            }
        }
    }

    @Test
    void aRollbacksGuardedRenameStepsBackForAnApplicationsTransactionAndNamesIt() throws Exception {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            db.schema().updateTo(NEWSLETTER);
            MarsSchema schema = db.configure().lockWait(Duration.ofSeconds(3)).load();
            List<String> picture = db.picture();
            try (Connection app = db.connect()) {
                app.setAutoCommit(false);
                long appId = connectionId(app);
                count(app, "SELECT COUNT(*) FROM newsletter_subscribers");

                CompletableFuture<RollbackResult> rollback = CompletableFuture.supplyAsync(
                        () -> schema.rollback(RollbackTarget.lastMigrations(1)));
                awaitState(db, rollback, "RENAME TABLE%newsletter_subscribers%");
                // Safety net only (before the fix the rename waited 86,400 s; closing app then frees it).
                Throwable failure = catchThrowable(() -> rollback.get(2, TimeUnit.MINUTES));

                assertThat(failure).isInstanceOf(ExecutionException.class);
                assertThat(failure.getCause()).isInstanceOf(LockTimeoutException.class)
                        .hasMessageContaining("connection " + appId + " of ");
                app.commit();
            }
            assertThat(db.picture()).isEqualTo(picture);
            assertThat(schema.status().currentMigration()).contains(NEWSLETTER);
            assertThat(schema.rollback(RollbackTarget.lastMigrations(1)).migrations())
                    .containsExactly(NEWSLETTER);
        }
    }

    @Test
    void historyTimesAreUtcWhateverTheServersTimeZone() throws Exception {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            // Sessions whose time_zone is 5 hours off the JVM's, as a server configured so gives them.
            int jvmOffset = TimeZone.getDefault().getOffset(System.currentTimeMillis()) / 3_600_000;
            int offset = jvmOffset - 5;
            String zone = String.format("%s%02d:00", offset < 0 ? "-" : "+", Math.abs(offset));
            MarsSchema schema = MarsSchema.configure().dataSource(db.dataSource("SET time_zone = '" + zone + "'")).load();

            schema.updateTo(MOVIES_ALTERED);
            Thread.sleep(1100); // history times have whole seconds: the two deployments get different ones
            Instant between = Instant.now();
            Thread.sleep(1100);
            UpdateResult second = schema.update();

            assertThat(schema.history()).allSatisfy(entry -> assertThat(entry.executedAt())
                    .isBetween(between.minus(1, ChronoUnit.HOURS), Instant.now().plus(1, ChronoUnit.HOURS)));
            RollbackResult undone = schema.rollback(RollbackTarget.toDate(between));
            assertThat(undone.rolledBack()).as("exactly the second deployment's changesets")
                    .containsExactlyInAnyOrderElementsOf(Stream.concat(second.executed().stream(),
                            second.markedRan().stream()).toList());
            assertThat(schema.status().currentMigration()).contains(MOVIES_ALTERED);
        }
    }

    @Test
    void theOrderChangesetsRanIsTheirRecordedOrderNotTheirTimes() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            schema.updateTo(MOVIES_ALTERED);
            // Written by an older version on a server whose time_zone was then moved back 5 hours (or a DST
            // fall-back hour): the first deployment's times lie after the second's.
            db.execute("UPDATE DATABASECHANGELOG SET DATEEXECUTED = DATEEXECUTED + INTERVAL 5 HOUR");
            schema.updateTo(NEWSLETTER);

            assertThat(schema.status().problems()).isEmpty();
            assertThat(schema.rollback(RollbackTarget.lastMigrations(1)).migrations())
                    .containsExactly(NEWSLETTER);
            schema.rollback(RollbackTarget.toMigration(COLLABORATORS_MOVIES));
            assertThat(schema.status().currentMigration()).contains(COLLABORATORS_MOVIES);
            assertThat(schema.diff().hasDrift()).isFalse();
        }
    }

    @Test
    void aServersStatementTimeLimitDoesNotCutTheLockWaitShort() throws Exception {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            boolean mariaDb = TestServer.get().isMariaDb();
            String limit = mariaDb ? "SET max_statement_time = 1" : "SET max_execution_time = 1000";
            MarsSchema schema = MarsSchema.configure().dataSource(db.dataSource(limit))
                    .lockWait(Duration.ofMinutes(2)).load();
            try (Connection holder = db.connect()) {
                count(holder, "SELECT GET_LOCK('marsai-schema:" + db.name() + "', 0)");
                CompletableFuture<UpdateResult> update = CompletableFuture.supplyAsync(schema::update);
                // Server-side evidence that our GET_LOCK outlived the 1 s limit: its statement has run for 2 s.
                boolean outlived = false;
                while (!outlived && !update.isDone()) {
                    outlived = db.count("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = '" + db.name()
                            + "' AND INFO LIKE 'SELECT GET_LOCK%' AND TIME >= 2") > 0;
                    Thread.sleep(20);
                }
                count(holder, "SELECT RELEASE_LOCK('marsai-schema:" + db.name() + "')");

                update.get(2, TimeUnit.MINUTES);
                assertThat(schema.status().isUpToDate()).isTrue();
                assertThat(outlived).as("the wait went on past the session's statement time limit").isTrue();
            }
        }
    }

    @Test
    void statusAndValidateRefuseTheSequelizeDatabaseThatUpdateRefuses() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            SequelizeDatabase.build(db, 24);
            db.execute("INSERT INTO SequelizeMeta (name) VALUES ('20260401000000-add-prize-money.cjs')");
            MarsSchema schema = db.schema();

            StatusResult status = schema.status();
            assertThat(status.canUpdate()).isFalse();
            assertThat(status.problems()).extracting(ValidationResult.Problem::code).containsExactly(ErrorCode.ADOPTION_REFUSED);
            assertThat(status.problems().get(0).message())
                    .contains("SequelizeMeta lists 20260401000000-add-prize-money, which this version does not know");
            ValidationResult validation = schema.validate();
            assertThat(validation.isValid()).isFalse();
            assertThat(validation.problems()).extracting(ValidationResult.Problem::code).contains(ErrorCode.ADOPTION_REFUSED);
            assertThatThrownBy(schema::update).extracting(e -> ((MarsSchemaException) e).code())
                    .isEqualTo(ErrorCode.ADOPTION_REFUSED);
            assertThat(db.tables()).doesNotContain("DATABASECHANGELOG");
        }
    }

    @Test
    void anAdoptableSequelizeDatabaseHasNoProblems() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            SequelizeDatabase.build(db, 10);
            MarsSchema schema = db.schema();

            assertThat(schema.status().problems()).isEmpty();
            assertThat(schema.validate().isValid()).isTrue();
        }
    }

    @Test
    void aRepairCutOffLeavesADatabaseTheNextRepairFixes() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            schema.update();
            // A repair of a lost row killed before it recorded it: the gap, and the repair's marker.
            db.execute("DELETE FROM DATABASECHANGELOG WHERE ID = '20260205131006-create-movies-juries'",
                    "INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE,"
                            + " DESCRIPTION, COMMENTS) VALUES ('marsai-schema-run-in-progress', 'marsai-schema',"
                            + " 'marsai-schema/run-in-progress', NOW(), 0, 'SKIPPED', 'repair of the history',"
                            + " 'marsai-schema run in progress')");
            assertThat(db.count("SELECT COUNT(*) FROM DATABASECHANGELOG WHERE ID = 'marsai-schema-run-in-progress'"))
                    .as("the marker is the one the library writes").isEqualTo(1);

            assertThatThrownBy(schema::update).extracting(e -> ((MarsSchemaException) e).code())
                    .isEqualTo(ErrorCode.HISTORY_DAMAGED);
            assertThat(schema.repair().recorded()).extracting(ChangeSetInfo::id)
                    .containsExactly("20260205131006-create-movies-juries");

            assertThat(schema.status().isUpToDate()).isTrue();
            assertThat(schema.diff().hasDrift()).isFalse();
            assertThat(db.count("SELECT COUNT(*) FROM DATABASECHANGELOG WHERE ID = 'marsai-schema-run-in-progress'")).isZero();
        }
    }

    @Test
    void aRepairCutOffBeforeItPutTheRowInPlaceIsPutInPlaceByTheNextRepair() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            schema.update();
            // The row recorded again at the end of the history, not yet moved to its place.
            db.execute("UPDATE DATABASECHANGELOG SET ORDEREXECUTED = 1000 WHERE ID = '20260205131006-create-movies-juries'");

            assertThat(schema.repair().recorded()).isEmpty();

            assertThat(schema.rollback(RollbackTarget.toMigration("20260205100000-add-assigned-jury-to-movies")).migrations())
                    .endsWith("20260205131006-create-movies-juries");
            assertThat(schema.diff().hasDrift()).isFalse();
        }
    }

    @Test
    void aChangeSetAScriptRanWithoutItsHistoryRowIsRecordedByRepairOrNamedByUpdate() {
        for (boolean repairFirst : new boolean[] {true, false}) {
            try (TestDatabase db = TestServer.get().createDatabase()) {
                MarsSchema schema = db.schema();
                schema.updateTo("20260219132833-add-fields-to-movies");
                // The DBA's script stopped after the rename, before its INSERT INTO DATABASECHANGELOG.
                db.execute("ALTER TABLE movies RENAME COLUMN youtbe_status TO youtube_status");

                if (repairFirst) {
                    assertThat(schema.repair().recorded()).extracting(ChangeSetInfo::id)
                            .containsExactly("20260220123459-rename-youtbe-status-to-youtube-status");
                } else {
                    assertThatThrownBy(schema::update).isInstanceOf(MarsSchemaException.class)
                            .hasMessageContaining("20260220123459-rename-youtbe-status-to-youtube-status")
                            .hasMessageContaining("already had its change").hasMessageContaining("now recorded as run")
                            .hasMessageContaining("run update again");
                }
                assertThat(schema.status().currentMigration()).contains("20260220123459-rename-youtbe-status-to-youtube-status");
                schema.update();
                assertThat(schema.status().isUpToDate()).isTrue();
                assertThat(schema.diff().hasDrift()).isFalse();
            }
        }
    }

    @Test
    void aLeaseGrantedInTheFutureExpiresAndReleaseLocksClearsIt() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.configure().lockWait(Duration.ofSeconds(2)).load();
            withLease(() -> schema.updateTo(MOVIES_ALTERED));
            String future = "UPDATE DATABASECHANGELOGLOCK SET LOCKED = 1, LOCKEDBY = 'marsai-schema lease 0badc0de by"
                    + " ops@old-node pid 1: update', LOCKGRANTED = UTC_TIMESTAMP() + INTERVAL 1 DAY WHERE ID = 1";

            db.execute(future);
            withLease(() -> schema.updateTo("20260205100000-add-assigned-jury-to-movies"));
            db.execute(future);
            schema.updateTo("20260205131006-create-movies-juries"); // the server's named lock: not blocked by it either
            db.execute(future);
            assertThat(schema.releaseLocks()).singleElement().asString().startsWith("Released the lock");

            assertThat(db.count("SELECT COUNT(*) FROM DATABASECHANGELOGLOCK WHERE LOCKED <> 0")).isZero();
            assertThat(schema.status().currentMigration()).contains("20260205131006-create-movies-juries");
        }
    }

    @Test
    void anyNonZeroLockedIsAHolderThatIsNamed() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.configure().lockWait(Duration.ofSeconds(1)).load();
            withLease(() -> schema.updateTo(MOVIES_ALTERED));
            db.execute("UPDATE DATABASECHANGELOGLOCK SET LOCKED = 2, LOCKEDBY = 'build-agent-7 (10.0.0.7)',"
                    + " LOCKGRANTED = UTC_TIMESTAMP() WHERE ID = 1");

            assertThatThrownBy(() -> withLease(schema::update)).isInstanceOf(LockTimeoutException.class)
                    .hasMessageContaining("build-agent-7 (10.0.0.7)").hasMessageContaining("release-locks")
                    .hasMessageNotContaining("just released");
            assertThatThrownBy(schema::update).isInstanceOf(LockTimeoutException.class)
                    .hasMessageContaining("build-agent-7 (10.0.0.7)");
        }
    }

    @Test
    void anInterruptedLeaseHolderGivesTheLeaseBackAndSaysSo() throws Exception {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            Path log = Files.createTempFile("lease-interrupted", ".log");
            Process holder = CliProcess.start(db, log,
                    Map.of("JAVA_TOOL_OPTIONS", "-Dmarsai.schema.lock=lease"), "update");
            while (holder.isAlive() && !(db.tables().contains("DATABASECHANGELOGLOCK")
                    && db.count("SELECT COUNT(*) FROM DATABASECHANGELOGLOCK WHERE LOCKED <> 0") > 0)) {
                Thread.sleep(20);
            }
            assertThat(holder.isAlive()).as("the run holds the lease").isTrue();
            holder.destroy(); // SIGTERM, as Ctrl-C's SIGINT: the JVM runs its shutdown hooks
            assertThat(holder.waitFor(2, TimeUnit.MINUTES)).isTrue();

            assertThat(db.count("SELECT COUNT(*) FROM DATABASECHANGELOGLOCK WHERE LOCKED <> 0"))
                    .as("the lease was given back").isZero();
            assertThat(Files.readString(log)).contains("the migration lock (lease)")
                    .contains("was given back");
            Files.delete(log);
            db.schema().update();
            assertThat(db.schema().diff().hasDrift()).isFalse();
        }
    }

    @Test
    void aRollbackWhoseLeaseWasTakenOverWritesNothingMoreToTheHistory() throws Exception {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            db.schema().updateTo(NEWSLETTER);
            MarsSchema schema = db.configure().lockWait(Duration.ofMinutes(2)).load();
            String row = "SELECT COUNT(*) FROM DATABASECHANGELOG WHERE ID = '20260302171000-create-newsletter-subscribers'";
            String taker = "marsai-schema lease feedbeef by ops@other-node pid 2: update";
            CompletableFuture<RollbackResult> rollback;
            try (Connection app = db.connect()) {
                app.setAutoCommit(false);
                count(app, "SELECT COUNT(*) FROM newsletter_subscribers");
                // The rollback holds the lease and is held up (as by a long pause) at its rename...
                rollback = CompletableFuture.supplyAsync(() -> withLease(() -> schema.rollback(RollbackTarget.lastMigrations(1))));
                awaitState(db, rollback, "RENAME TABLE%newsletter_subscribers%");
                // ...while another run takes the lease over.
                db.execute("UPDATE DATABASECHANGELOGLOCK SET LOCKEDBY = '" + taker + "', LOCKGRANTED = UTC_TIMESTAMP()"
                        + " WHERE ID = 1");
                app.commit();
            }
            Throwable failure = catchThrowable(() -> rollback.get(2, TimeUnit.MINUTES));

            assertThat(failure).isInstanceOf(ExecutionException.class);
            assertThat(failure.getCause()).isInstanceOf(LockTimeoutException.class)
                    .hasMessageContaining("lost the migration lock");
            assertThat(db.count(row)).as("the history row the new holder relies on is still there").isEqualTo(1);
            assertThat(db.query("SELECT LOCKEDBY FROM DATABASECHANGELOGLOCK WHERE ID = 1"))
                    .as("the new holder's lease is left alone").containsExactly(List.of(taker));

            db.execute("UPDATE DATABASECHANGELOGLOCK SET LOCKED = 0, LOCKEDBY = NULL, LOCKGRANTED = NULL");
            schema.update();
            assertThat(schema.status().isUpToDate()).isTrue();
            assertThat(schema.diff().hasDrift()).isFalse();
        }
    }

    private static <T> T withLease(Supplier<T> work) {
        System.setProperty("marsai.schema.lock", "lease");
        try {
            return work.get();
        } finally {
            System.clearProperty("marsai.schema.lock");
        }
    }

    private static void awaitState(TestDatabase db, CompletableFuture<?> run, String info) throws InterruptedException {
        while (!run.isDone() && db.count("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = '" + db.name()
                + "' AND STATE LIKE '%metadata lock%' AND INFO LIKE '" + info + "'") == 0) {
            Thread.sleep(20);
        }
    }

    private static long connectionId(Connection connection) throws SQLException {
        return count(connection, "SELECT CONNECTION_ID()");
    }

    private static long count(Connection connection, String sql) {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage() + " in: " + sql, e);
        }
    }
}

package org.marsai.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marsai.schema.testing.ExpectedSchema;
import org.marsai.schema.testing.InProcessCli;
import org.marsai.schema.testing.SequelizeDatabase;
import org.marsai.schema.testing.TestDatabase;
import org.marsai.schema.testing.TestServer;

/** Databases the original sequelize-cli migrations built are adopted where they are, without losing a row. */
class SequelizeAdoptionIT {

    /** The last of the specification's 24, which this fixture's databases have at most. */
    private static final String LAST_OF_10 = "20260302171000-create-newsletter-subscribers";
    private static final String OURS_ONLY = "20260205131006-movies-juries-upstream-layout";

    private final ExpectedSchema expected = ExpectedSchema.load();

    @Test
    void theFixturesBuildTheSpecifiedSchemaAtEveryMigration() {
        // This fixture is the specification's 24 (the first movies_juries layout); UpstreamDatabase has the Node project's own.
        assertThat(SequelizeDatabase.migrations()).containsExactlyElementsOf(expected.migrations().subList(0, 24));
        for (int k : new int[] {0, 1, 6, 7, 11, 13, 14, 16, 18, 19, 21, 22, 24}) {
            try (TestDatabase db = TestServer.get().createDatabase()) {
                SequelizeDatabase.build(db, k);
                SequelizeDatabase.seed(db, k);
                assertThat(ExpectedSchema.sorted(db.picture())).as("fixture after %d migrations", k)
                        .containsExactlyElementsOf(expected.after(k));
                assertThat(SequelizeDatabase.sequelizeMeta(db)).hasSize(k);
            }
        }
    }

    @Test
    void fullyMigratedDatabaseIsTakenOverWithoutRunningAnythingOrChangingARow() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            SequelizeDatabase.build(db, 24);
            SequelizeDatabase.seed(db, 24);
            Map<String, List<List<String>>> rows = SequelizeDatabase.rows(db);
            List<String> picture = db.picture();

            UpdateResult result = db.schema().updateTo(LAST_OF_10);

            assertThat(result.adopted()).hasSize(49);
            assertThat(result.executed()).as("DDL that ran").isEmpty();
            assertThat(result.markedRan()).isEmpty();
            assertThat(SequelizeDatabase.rows(db)).as("every row of every table").isEqualTo(rows);
            assertThat(db.picture()).isEqualTo(picture);
            MarsSchema schema = db.schema();
            assertThat(schema.status().pendingMigrations()).as("release 1.1 only").containsExactlyElementsOf(
                    expected.migrations().subList(24, expected.migrations().size()));
            assertThat(schema.diff().hasDrift()).isFalse();
            assertThat(schema.history()).filteredOn(h -> h.execType() == ExecType.MARK_RAN).extracting(HistoryEntry::id)
                    .containsExactly("20260212103000-drop-id-film-from-votes");
            assertThat(SequelizeDatabase.sequelizeMeta(db)).hasSize(24);
            assertThat(schema.updateTo(LAST_OF_10).nothingToDo()).isTrue();
        }
    }

    @Test
    void partlyMigratedDatabaseIsTakenOverThenTheRestIsApplied() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            SequelizeDatabase.build(db, 17);
            SequelizeDatabase.seed(db, 17);
            Map<String, List<String>> columns = SequelizeDatabase.columns(db);
            Map<String, List<List<String>>> rows = SequelizeDatabase.rows(db, columns);

            UpdateResult result = db.schema().update();

            int recorded = expected.migrations().subList(0, 17).stream().mapToInt(m -> db.schema().changeSets().stream()
                    .filter(c -> c.migration().equals(m)).toList().size()).sum();
            assertThat(result.adopted()).hasSize(recorded);
            assertThat(result.migrations()).containsExactlyInAnyOrderElementsOf(
                    expected.migrations().subList(17, expected.migrations().size()));
            assertThat(SequelizeDatabase.rows(db, columns)).as("every row, in every column that was there").isEqualTo(rows);
            assertThat(ExpectedSchema.sorted(db.picture())).containsExactlyElementsOf(expected.afterAll());
            assertThat(SequelizeDatabase.sequelizeMeta(db)).as("SequelizeMeta follows, without this library's own migration")
                    .containsExactlyElementsOf(expected.migrations().stream().filter(m -> !m.equals(OURS_ONLY))
                            .map(m -> m + ".cjs").sorted().toList());
        }
    }

    @Test
    void databaseWithAnEmptySequelizeMetaGetsEverythingAndSequelizeMetaFollows() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            SequelizeDatabase.build(db, 0);

            UpdateResult result = db.schema().update();

            assertThat(result.adopted()).isEmpty();
            assertThat(result.executed()).isNotEmpty();
            assertThat(ExpectedSchema.sorted(db.picture())).containsExactlyElementsOf(expected.afterAll());
            assertThat(SequelizeDatabase.sequelizeMeta(db)).as("the Node project's 26").hasSize(26);
        }
    }

    @Test
    void namesWithoutTheExtensionAreAcceptedToo() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            SequelizeDatabase.build(db, 5, "");
            assertThat(db.schema().update().adopted()).isNotEmpty();
            assertThat(db.schema().status().isUpToDate()).isTrue();
        }
    }

    @Test
    void driftedSchemaIsRefusedWithTheDifferencesAndNothingChanges() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            SequelizeDatabase.build(db, 24);
            SequelizeDatabase.seed(db, 24);
            db.execute("ALTER TABLE movies MODIFY title VARCHAR(200) NOT NULL");
            Map<String, List<List<String>>> rows = SequelizeDatabase.rows(db);
            List<String> tables = db.tables();

            assertThatThrownBy(() -> db.schema().update()).isInstanceOf(MarsSchemaException.class)
                    .hasMessageContaining("nothing was changed")
                    .hasMessageContaining("movies.title has another type: expected varchar(255) NOT NULL, found varchar(200) NOT NULL")
                    .extracting(e -> ((MarsSchemaException) e).code()).isEqualTo(ErrorCode.ADOPTION_REFUSED);
            assertThat(db.tables()).as("no history table either").isEqualTo(tables);
            assertThat(SequelizeDatabase.rows(db)).isEqualTo(rows);
            assertThat(SequelizeDatabase.sequelizeMeta(db)).hasSize(24);
        }
    }

    @Test
    void migrationUnknownToThisVersionIsRefusedByName() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            SequelizeDatabase.build(db, 24);
            db.execute("INSERT INTO SequelizeMeta (name) VALUES ('20260401000000-add-prize-money.cjs')");

            assertThatThrownBy(() -> db.schema().update()).isInstanceOf(MarsSchemaException.class)
                    .hasMessageContaining("SequelizeMeta lists 20260401000000-add-prize-money, which this version does not know")
                    .extracting(e -> ((MarsSchemaException) e).code()).isEqualTo(ErrorCode.ADOPTION_REFUSED);
            assertThat(db.tables()).doesNotContain("DATABASECHANGELOG");
        }
    }

    @Test
    void gapInSequelizeMetaIsRefusedByName() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            SequelizeDatabase.build(db, 10);
            db.execute("DELETE FROM SequelizeMeta WHERE name = '20260128100003-create-events.cjs'");

            assertThatThrownBy(() -> db.schema().update()).isInstanceOf(MarsSchemaException.class)
                    .hasMessageContaining("not 20260128100003-create-events, which comes before it");
            assertThat(db.tables()).doesNotContain("DATABASECHANGELOG");
        }
    }

    @Test
    void dryRunChangesNothingAndAdoptOnlyRecords() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            SequelizeDatabase.build(db, 18);
            SequelizeDatabase.seed(db, 18);
            Map<String, List<List<String>>> rows = SequelizeDatabase.rows(db);

            AdoptionPlan plan = db.schema().adoptionPlan();

            assertThat(plan.canAdopt()).isTrue();
            assertThat(plan.sequelizeMigrations()).containsExactlyElementsOf(expected.migrations().subList(0, 18));
            assertThat(plan.changeSetsToRecord().size() + plan.remaining().size()).isEqualTo(db.schema().changeSets().size());
            assertThat(db.tables()).doesNotContain("DATABASECHANGELOG");

            AdoptionPlan done = db.schema().adopt();
            assertThat(done.changeSetsToRecord()).isEqualTo(plan.changeSetsToRecord());
            StatusResult status = db.schema().status();
            assertThat(status.currentMigration()).contains(expected.migrations().get(17));
            assertThat(status.pending()).isEqualTo(plan.remaining());
            assertThat(SequelizeDatabase.rows(db)).isEqualTo(rows);
            assertThatThrownBy(() -> db.schema().adopt()).hasMessageContaining("adopted already");
        }
    }

    @Test
    void adoptFromTheCommandLine(@TempDir Path workingDirectory) {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            SequelizeDatabase.build(db, 13);
            SequelizeDatabase.seed(db, 13);
            InProcessCli cli = new InProcessCli(workingDirectory);

            var dryRun = cli.on(db, "adopt", "--dry-run");
            assertThat(dryRun.code()).as(dryRun.err()).isZero();
            assertThat(dryRun.out()).contains("SequelizeMeta lists 13 migration(s), up to 20260205131006-create-movies-juries.",
                    "Would record", "Nothing was changed.");
            assertThat(db.tables()).doesNotContain("DATABASECHANGELOG");

            var adopt = cli.on(db, "adopt");
            assertThat(adopt.code()).as(adopt.err()).isZero();
            assertThat(adopt.out()).contains("Recorded ");
            assertThat(db.schema().status().currentMigration()).contains("20260205131006-create-movies-juries");

            var again = cli.on(db, "adopt");
            assertThat(again.code()).isEqualTo(1);
            assertThat(again.err()).contains("adopted already");
        }
    }

    @Test
    void rollbackAfterAdoptionKeepsSequelizeMetaInStep() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            SequelizeDatabase.build(db, 24);
            MarsSchema schema = db.schema();
            schema.updateTo(LAST_OF_10);

            schema.rollback(RollbackTarget.lastMigrations(2));
            assertThat(SequelizeDatabase.sequelizeMeta(db)).containsExactlyElementsOf(
                    expected.migrations().subList(0, 22).stream().map(m -> m + ".cjs").toList());

            schema.updateTo("20260302111532-create-sponsors");
            assertThat(SequelizeDatabase.sequelizeMeta(db)).hasSize(23).contains("20260302111532-create-sponsors.cjs");
            schema.update();
            assertThat(SequelizeDatabase.sequelizeMeta(db)).as("the Node project's 26, never this library's own")
                    .hasSize(26).noneMatch(n -> n.startsWith(OURS_ONLY));
            assertThat(db.tables()).contains("SequelizeMeta");
        }
    }

    @Test
    void twoUpdatersStartingAtOnceEndWithOneHistory() throws Exception {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            SequelizeDatabase.build(db, 24);
            SequelizeDatabase.seed(db, 24);
            Map<String, List<List<String>>> rows = SequelizeDatabase.rows(db);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<UpdateResult>> results = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    Callable<UpdateResult> updater = () -> {
                        start.await();
                        return db.schema().updateTo(LAST_OF_10);
                    };
                    results.add(pool.submit(updater));
                }
                start.countDown();
                List<UpdateResult> done = new ArrayList<>();
                for (Future<UpdateResult> result : results) {
                    done.add(result.get());
                }
                assertThat(done).extracting(r -> r.adopted().size()).containsExactlyInAnyOrder(49, 0);
            } finally {
                pool.shutdownNow();
            }
            assertThat(db.count("SELECT COUNT(*) FROM DATABASECHANGELOG")).as("release 1.0's changesets").isEqualTo(49);
            assertThat(db.count("SELECT COUNT(DISTINCT ID) FROM DATABASECHANGELOG")).isEqualTo(49);
            assertThat(SequelizeDatabase.rows(db)).isEqualTo(rows);
        }
    }
}

package org.marsai.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.marsai.schema.testing.Migrations;
import org.marsai.schema.testing.CountingDataSource;
import org.marsai.schema.testing.ExpectedSchema;
import org.marsai.schema.testing.TestDatabase;
import org.marsai.schema.testing.TestServer;
import org.junit.jupiter.api.Test;

/** The Java API against a real server: every operation, its results, its errors, its connections. */
class ApiIT {

    private final ExpectedSchema expected = ExpectedSchema.load();

    private int after(String migration) {
        return expected.migrations().indexOf(migration) + 1;
    }

    @Test
    void oneLinerUpdatesThroughAHikariPoolAndGivesEveryConnectionBack() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(db.url());
            config.setUsername(db.user());
            config.setPassword(db.password());
            config.setMaximumPoolSize(2);
            try (HikariDataSource pool = new HikariDataSource(config)) {
                UpdateResult first = MarsSchema.update(pool);
                UpdateResult second = MarsSchema.update(pool);

                assertThat(first.executed()).isNotEmpty();
                assertThat(second.nothingToDo()).isTrue();
                assertThat(pool.getHikariPoolMXBean().getActiveConnections()).as("connections in use").isZero();
                assertThat(MarsSchema.configure().dataSource(pool).load().status().isUpToDate()).isTrue();
                assertThat(ExpectedSchema.sorted(db.picture())).containsExactlyElementsOf(expected.afterAll());
            }
        }
    }

    @Test
    void everyOperationClosesTheConnectionsItOpensEvenWhenItFails() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            CountingDataSource counting = new CountingDataSource(db.dataSource());
            MarsSchema schema = MarsSchema.configure().dataSource(counting).load();
            schema.updateTo("20260128100004-create-movies");
            schema.status();
            schema.history();
            schema.tag("t1");
            schema.updateSql();
            schema.rollbackSql(RollbackTarget.lastMigrations(1));
            schema.validate();
            schema.update();
            schema.rollback(RollbackTarget.lastMigrations(2));
            schema.rollback(RollbackTarget.toTag("t1"));
            assertThatThrownBy(() -> schema.rollback(RollbackTarget.toTag("no-such-tag"))).isInstanceOf(MarsSchemaException.class);
            assertThatThrownBy(() -> schema.rollback(RollbackTarget.toMigration("no-such-migration"))).isInstanceOf(MarsSchemaException.class);

            assertThat(counting.opened()).as("connections taken").isGreaterThanOrEqualTo(10);
            assertThat(counting.open()).as("connections still open").isZero();
        }
    }

    @Test
    void rollbackToAMigrationKeepsItAppliedAndRollbackAllLeavesNoMarsAiTable() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            schema.update();

            RollbackResult toMovies = schema.rollback(RollbackTarget.toMigration("20260128144807-alter-movies.cjs"));
            assertThat(toMovies.migrations()).first().isEqualTo(Migrations.last());
            assertThat(toMovies.migrations()).last().isEqualTo("20260205100000-add-assigned-jury-to-movies");
            assertThat(schema.status().currentMigration()).contains("20260128144807-alter-movies");
            assertThat(ExpectedSchema.sorted(db.picture())).containsExactlyElementsOf(expected.after(after("20260128144807-alter-movies")));

            assertThat(schema.rollback(RollbackTarget.lastMigrations(2)).migrations()).containsExactly("20260128144807-alter-movies",
                    "20260128100010-create-collaborators-movies");
            assertThat(schema.rollback(RollbackTarget.toMigration("20260302171000-create-newsletter-subscribers")).nothingToDo()).isTrue();
            assertThat(schema.rollback(RollbackTarget.throughMigration("20260128100009-create-movies-categories.cjs"))
                    .migrations()).as("through a migration undoes it too").containsExactly("20260128100009-create-movies-categories");
            assertThat(schema.status().currentMigration()).contains("20260128100008-create-reservations");

            schema.rollback(RollbackTarget.all());
            assertThat(db.tables()).containsExactly("DATABASECHANGELOG");
            assertThat(schema.history()).isEmpty();
            assertThat(schema.rollback(RollbackTarget.all()).nothingToDo()).isTrue();
        }
    }

    @Test
    void updateAfterARollbackInTheSameProcessAppliesAgain() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            schema.update();
            assertThat(schema.update().nothingToDo()).isTrue();
            schema.rollback(RollbackTarget.lastMigrations(1));

            assertThat(schema.update().migrations()).containsExactly(Migrations.last());
            schema.rollback(RollbackTarget.throughMigration("20260302111532-create-sponsors"));
            assertThat(schema.updateTo("20260302111532-create-sponsors").migrations())
                    .containsExactly("20260302111532-create-sponsors");
            assertThat(ExpectedSchema.sorted(db.picture())).containsExactlyElementsOf(expected.after(after("20260302111532-create-sponsors")));
        }
    }

    @Test
    void rollbackToATagReturnsToTheTaggedPoint() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            schema.updateTo("20260128144807-alter-movies");
            schema.tag("release-1");
            schema.update();
            assertThat(schema.history()).filteredOn(h -> h.tag().isPresent()).extracting(HistoryEntry::id)
                    .containsExactly("20260128144807-alter-movies-fk-movies_id_user_foreign_idx");

            String preview = schema.rollbackSql(RollbackTarget.toTag("release-1"));
            assertThat(preview).as("the preview takes the same target").contains("-- Migration 20260302171000-create-newsletter-subscribers")
                    .doesNotContain("-- Migration 20260128144807-alter-movies,");

            schema.rollback(RollbackTarget.toTag("release-1"));

            assertThat(schema.status().currentMigration()).contains("20260128144807-alter-movies");
            assertThat(ExpectedSchema.sorted(db.picture())).containsExactlyElementsOf(expected.after(after("20260128144807-alter-movies")));
        }
    }

    @Test
    void unknownTagIsRefusedNamingTheKnownOnesAndChangesNothing() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            schema.update();
            schema.tag("v1");
            List<HistoryEntry> before = schema.history();

            assertThatThrownBy(() -> schema.rollback(RollbackTarget.toTag("v2"))).isInstanceOf(MarsSchemaException.class)
                    .hasMessageContaining("'v2'").hasMessageContaining("(v1)")
                    .extracting(e -> ((MarsSchemaException) e).code()).isEqualTo(ErrorCode.UNKNOWN_TAG);
            assertThat(schema.history()).isEqualTo(before);
        }
    }

    @Test
    void tagOnAnEmptyDatabaseSaysToUpdateFirst() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            assertThatThrownBy(() -> db.schema().tag("v0")).isInstanceOf(MarsSchemaException.class)
                    .hasMessageContaining("run update first");
        }
    }

    @Test
    void rollbackToADateUndoesWhatRanAfterIt() throws InterruptedException {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            schema.updateTo("20260128100004-create-movies");
            Thread.sleep(1100); // the history records whole seconds
            Instant between = Instant.now();
            Thread.sleep(1100);
            schema.update();

            RollbackResult result = schema.rollback(RollbackTarget.toDate(between));

            assertThat(result.migrations()).last().isEqualTo("20260128100005-create-awards");
            assertThat(ExpectedSchema.sorted(db.picture())).containsExactlyElementsOf(expected.after(after("20260128100004-create-movies")));
        }
    }

    @Test
    void previewsChangeNothing() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            String fresh = schema.updateSql();
            assertThat(db.tables()).as("tables after a preview of an empty database").isEmpty();
            assertThat(fresh).contains("CREATE TABLE " + db.name() + ".DATABASECHANGELOG");

            schema.updateTo("20260216120000-alter-movies-selection-status");
            List<HistoryEntry> history = schema.history();
            List<String> picture = db.picture();

            String pending = schema.updateSqlTo("20260220123459-rename-youtbe-status-to-youtube-status");
            String rollback = schema.rollbackSql(RollbackTarget.lastMigrations(1));

            assertThat(pending).contains("ADD jury_comment TEXT NULL AFTER admin_comment")
                    .contains("CHANGE youtbe_status youtube_status VARCHAR(255)")
                    .doesNotContain("sponsors").doesNotContain("selection_status ENUM");
            assertThat(rollback).contains("MODIFY selection_status ENUM('submitted', 'refused', 'to_discuss',"
                    + " 'selected', 'finalist') NOT NULL DEFAULT 'submitted'");
            assertThat(schema.history()).isEqualTo(history);
            assertThat(db.picture()).isEqualTo(picture);
        }
    }

    @Test
    void editedChangeSetIsNamedAndUpdateRefusesWithoutChangingAnything() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            schema.updateTo("20260128100006-create-votes");
            db.execute("UPDATE DATABASECHANGELOG SET MD5SUM = '9:00000000000000000000000000000000'"
                    + " WHERE ID = '20260128100004-create-movies'");
            List<String> picture = db.picture();

            ValidationResult validation = schema.validate();
            assertThat(validation.isValid()).isFalse();
            assertThat(validation.problems()).extracting(ValidationResult.Problem::code).containsExactly(ErrorCode.CHECKSUM_MISMATCH);
            assertThat(validation.problems().get(0).message()).contains("20260128100004-create-movies");

            assertThatThrownBy(schema::update).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("Changeset 20260128100004-create-movies of migration 20260128100004-create-movies")
                    .extracting(e -> ((MarsSchemaException) e).code()).isEqualTo(ErrorCode.CHECKSUM_MISMATCH);
            assertThatThrownBy(() -> validation.orThrow()).isInstanceOf(ValidationException.class);
            assertThat(db.picture()).as("schema after the refused update").isEqualTo(picture);
        }
    }

    @Test
    void historyFromANewerVersionIsRefusedForUpdateWhenAskedAndAlwaysForRollback() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.configure().refuseNewerChangesets(true).load();
            schema.update();
            db.execute("INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE, MD5SUM)"
                    + " VALUES ('20270101000000-create-prizes', 'marsai', 'marsai-schema/20270101000000-create-prizes.yaml',"
                    + " NOW(), 99, 'EXECUTED', '9:11111111111111111111111111111111')");
            List<String> picture = db.picture();

            assertThat(schema.status().unknown()).extracting(HistoryEntry::migration).containsExactly("20270101000000-create-prizes");
            assertThatThrownBy(schema::update).isInstanceOf(MarsSchemaException.class)
                    .hasMessageContaining("newer version").hasMessageContaining("20270101000000-create-prizes")
                    .extracting(e -> ((MarsSchemaException) e).code()).isEqualTo(ErrorCode.DATABASE_NEWER_THAN_LIBRARY);
            assertThatThrownBy(() -> schema.rollback(RollbackTarget.lastMigrations(1))).isInstanceOf(MarsSchemaException.class)
                    .extracting(e -> ((MarsSchemaException) e).code()).isEqualTo(ErrorCode.DATABASE_NEWER_THAN_LIBRARY);
            assertThat(db.picture()).isEqualTo(picture);
        }
    }

    @Test
    void changeSetsOfTheHostApplicationsOwnChangelogAreNotOurs() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            schema.updateTo("20260128100000-create-users");
            db.execute("INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE, MD5SUM)"
                    + " VALUES ('app-1', 'app', 'db/changelog/app.yaml', NOW(), 50, 'EXECUTED', '9:22222222222222222222222222222222')");

            assertThat(schema.status().unknown()).isEmpty();
            assertThat(schema.history()).extracting(HistoryEntry::id).containsExactly("20260128100000-create-users");
            schema.update();
            schema.rollback(RollbackTarget.all());
            assertThat(db.count("SELECT COUNT(*) FROM DATABASECHANGELOG WHERE ID = 'app-1'")).isEqualTo(1);
        }
    }

    @Test
    void resultsAreImmutable() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            UpdateResult result = schema.update();
            StatusResult status = schema.status();
            assertThatThrownBy(() -> result.executed().clear()).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> status.migrations().clear()).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> schema.history().clear()).isInstanceOf(UnsupportedOperationException.class);
        }
    }
}

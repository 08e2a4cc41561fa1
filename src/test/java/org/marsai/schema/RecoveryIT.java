package org.marsai.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.marsai.schema.testing.ExpectedSchema;
import org.marsai.schema.testing.Migrations;
import org.marsai.schema.testing.TestDatabase;
import org.marsai.schema.testing.TestServer;

/**
 * The states a killed run can leave, made on purpose: a DDL applied but not recorded, a rollback's DDL
 * applied but its row not removed. The next run recognises them; without the interruption marker
 * (someone changed the schema by hand) it does not guess, and the failing changeset is named.
 */
class RecoveryIT {

    private static final String NEWSLETTER = "20260302171000-create-newsletter-subscribers";

    private static final String MARKER = "INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED,"
            + " EXECTYPE) VALUES ('marsai-schema-run-in-progress', 'marsai-schema', 'marsai-schema/run-in-progress', NOW(),"
            + " 0, 'SKIPPED')";

    @Test
    void ddlThatRanButWasNotRecordedIsRecordedAndTheUpdateGoesOn() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            schema.updateTo("20260128100004-create-movies");
            // What the killed process did: the next changeset's CREATE TABLE, and no history row.
            db.execute("CREATE TABLE awards (id_award INT AUTO_INCREMENT NOT NULL, id_movie INT NOT NULL,"
                    + " award_name VARCHAR(100) NOT NULL, createdAt datetime DEFAULT NOW() NOT NULL,"
                    + " updatedAt datetime DEFAULT NOW() NOT NULL, CONSTRAINT PK_AWARDS PRIMARY KEY (id_award))", MARKER);

            UpdateResult result = schema.update();

            assertThat(result.executed()).extracting(ChangeSetInfo::id).doesNotContain("20260128100005-create-awards")
                    .contains("20260128100005-create-awards-index-id_movie");
            assertThat(schema.history()).extracting(HistoryEntry::id).contains("20260128100005-create-awards");
            assertThat(ExpectedSchema.sorted(db.picture())).containsExactlyElementsOf(ExpectedSchema.committedFinalPicture());
            assertThat(db.count("SELECT COUNT(*) FROM DATABASECHANGELOG")).isEqualTo(Migrations.changeSetCount());
        }
    }

    @Test
    void aRollbackKilledWhileItsTableAndColumnWereMovedAsideGetsThemBackWithTheirRows() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            schema.update();
            db.execute(TestDatabase.ONE_USER, "INSERT INTO movies (title, duration, id_user, admin_comment)"
                    + " VALUES ('Film', 10, 1, 'keep')", "INSERT INTO newsletter_subscribers (email) VALUES ('a@example.org')");
            // What a rollback killed between its guarded renames and its drops leaves.
            db.execute(MARKER, "RENAME TABLE newsletter_subscribers TO _marsai_aside_newsletter_subscribers",
                    "ALTER TABLE movies RENAME COLUMN admin_comment TO _marsai_aside_admin_comment");

            assertThat(schema.update().nothingToDo()).isTrue();

            assertThat(db.query("SELECT email FROM newsletter_subscribers")).containsExactly(List.of("a@example.org"));
            assertThat(db.query("SELECT admin_comment FROM movies")).containsExactly(List.of("keep"));
            assertThat(schema.diff().hasDrift()).isFalse();
        }
    }

    @Test
    void adoptionInterruptedHalfwayIsCompleted() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            schema.update();
            // An adoption killed while recording: the schema is complete, the history stops early.
            db.execute("DELETE FROM DATABASECHANGELOG WHERE ORDEREXECUTED > 20", MARKER);

            assertThat(schema.update().executed()).isEmpty();
            assertThat(schema.status().isUpToDate()).isTrue();
            assertThat(db.count("SELECT COUNT(*) FROM DATABASECHANGELOG")).isEqualTo(Migrations.changeSetCount());
        }
    }

    @Test
    void rollbackWhoseRowWasNotRemovedIsRecognisedAndTheUpdateRestoresTheChange() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            schema.updateTo(NEWSLETTER); // the last migration whose rollback drops a table
            // What the killed rollback did: the DROP, and no DELETE of its history row.
            db.execute("DROP TABLE newsletter_subscribers", MARKER);

            UpdateResult result = schema.updateTo(NEWSLETTER);

            assertThat(result.executed()).extracting(ChangeSetInfo::id).containsExactly(NEWSLETTER);
            assertThat(ExpectedSchema.sorted(db.picture())).containsExactlyElementsOf(ExpectedSchema.load().after(24));
        }
    }

    @Test
    void rollbackAfterAnInterruptedRollbackUndoesTheRightChangeSets() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            schema.updateTo(NEWSLETTER);
            db.execute("DROP TABLE newsletter_subscribers", MARKER);

            schema.rollback(RollbackTarget.lastMigrations(1));

            assertThat(schema.status().currentMigration()).contains("20260220123459-rename-youtbe-status-to-youtube-status");
            assertThat(db.tables()).doesNotContain("newsletter_subscribers", "sponsors");
            assertThat(schema.diff().hasDrift()).isFalse();
        }
    }

    @Test
    void withoutTheMarkerNothingIsGuessedAndTheFailingChangeSetIsNamedWithTheState() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            schema.updateTo("20260128100004-create-movies");
            db.execute("CREATE TABLE awards (id INT PRIMARY KEY)");

            assertThatThrownBy(schema::update).isInstanceOf(MarsSchemaException.class)
                    .hasMessageContaining("Changeset 20260128100005-create-awards of migration 20260128100005-create-awards failed")
                    .hasMessageContaining("already exists")
                    .hasMessageContaining("awards is not in the schema")
                    .hasMessageContaining("see `diff`")
                    .extracting(e -> ((MarsSchemaException) e).code()).isEqualTo(ErrorCode.MIGRATION_FAILED);
            assertThat(schema.status().currentMigration()).contains("20260128100004-create-movies");
        }
    }
}

package org.marsai.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.marsai.schema.testing.SqlClient;
import org.marsai.schema.testing.TestDatabase;
import org.marsai.schema.testing.TestServer;
import org.junit.jupiter.api.Test;

/** SQL previews say which migration each statement belongs to and what it would destroy, and still run. */
class AnnotatedPreviewIT {

    @Test
    void rollbackPreviewNamesMigrationsAndCountsTheDataAtRisk() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            schema.update();
            db.execute(TestDatabase.ONE_USER,
                    "INSERT INTO movies (title, duration, id_user, selection_status, admin_comment) VALUES"
                            + " ('A', 1, 1, 'assigned', 'ok'), ('B', 1, 1, 'awarded', NULL), ('C', 1, 1, 'submitted', NULL)",
                    "UPDATE movies SET youtube_status = 'published' WHERE title = 'A'",
                    "INSERT INTO sponsors (name, logo, createdAt, updatedAt) VALUES ('Mars', 'mars.png', NOW(), NOW())");

            String sql = schema.rollbackSql(RollbackTarget.toMigration("20260214130000-add-admin-comment-to-movies"));

            assertThat(sql)
                    .contains("-- Migration 20260302111532-create-sponsors, changeset 20260302111532-create-sponsors\n"
                            + "-- DESTROYS DATA: drops table sponsors; in this database: 1 row(s).\n")
                    .contains("-- Migration 20260302171000-create-newsletter-subscribers, changeset"
                            + " 20260302171000-create-newsletter-subscribers\n"
                            + "-- DESTROYS DATA: drops table newsletter_subscribers; in this database: 0 row(s).\n")
                    .contains("-- DESTROYS DATA: removes 'assigned', 'candidate', 'awarded' from movies.selection_status;"
                            + " in this database: 2 row(s).")
                    .contains("-- DESTROYS DATA: drops column movies.youtbe_status; in this database: 1 row(s).")
                    .contains("-- Migration 20260216100000-create-vote-histories, changeset 20260216100000-create-vote-histories\n"
                            + "-- DESTROYS DATA: drops table vote_histories; in this database: 0 row(s).");
            assertThat(sql).doesNotContain("-- Migration 20260214130000-add-admin-comment-to-movies");
            assertThat(schema.status().isUpToDate()).as("a preview changes nothing").isTrue();
        }
    }

    @Test
    void annotatedRollbackScriptRunsInTheClient() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            schema.updateTo("20260302171000-create-newsletter-subscribers");
            db.execute("INSERT INTO newsletter_subscribers (email) VALUES ('a@example.org')");
            String sql = schema.rollbackSql(RollbackTarget.lastMigrations(2));
            assertThat(sql).contains("-- DESTROYS DATA: drops table newsletter_subscribers; in this database: 1 row(s).");

            SqlClient.run(db, sql);

            assertThat(schema.status().currentMigration()).contains("20260220123459-rename-youtbe-status-to-youtube-status");
            assertThat(db.tables()).doesNotContain("newsletter_subscribers", "sponsors");
        }
    }

    @Test
    void updatePreviewSaysWhichTableTheServerMustRebuild() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            schema.updateTo("20260216100000-create-vote-histories");
            db.execute(TestDatabase.ONE_USER,
                    "INSERT INTO movies (title, duration, id_user) VALUES ('Mars', 12, 1), ('Phobos', 3, 1)");

            String sql = schema.updateSql();

            assertThat(sql).contains("-- Migration 20260216120000-alter-movies-selection-status, changeset"
                    + " 20260216120000-alter-movies-selection-status\n-- REBUILDS TABLE movies (copies all 2 row(s), holding a"
                    + " lock meanwhile): values inserted inside the ENUM list of selection_status move the stored ordinals.");
            assertThat(sql).doesNotContain("REBUILDS TABLE sponsors").doesNotContain("REBUILDS TABLE users");
            assertThat(sql.split("REBUILDS TABLE", -1)).as("one rebuild: adding columns is done in place").hasSize(2);
        }
    }

    @Test
    void updatePreviewOfALiveDatabaseCountsTheLegacyValuesItDrops() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            schema.updateTo("20260210100000-alter-users-known-by-mars-ai");
            db.execute("ALTER TABLE votes ADD id_film INT NULL",
                    TestDatabase.ONE_USER,
                    "INSERT INTO movies (title, duration, id_user) VALUES ('Mars', 12, 1)",
                    "INSERT INTO votes (id_movie, id_user, note, id_film) VALUES (1, 1, 'YES', 42), (1, 1, 'NO', NULL)");

            String sql = schema.updateSqlTo("20260212150000-add-vote-modification-tracking");

            assertThat(sql).contains("-- Migration 20260212103000-drop-id-film-from-votes, changeset"
                    + " 20260212103000-drop-id-film-from-votes\n-- DESTROYS DATA: drops column votes.id_film; in this database: 1 row(s).");
            assertThat(sql).contains("-- Migration 20260212150000-add-vote-modification-tracking");
            SqlClient.run(db, sql);
            assertThat(schema.status().currentMigration()).contains("20260212150000-add-vote-modification-tracking");
        }
    }
}

package org.marsai.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.marsai.schema.testing.TestDatabase;
import org.marsai.schema.testing.TestServer;
import org.junit.jupiter.api.Test;

/** The Liquibase-on-MySQL traps the changelog avoids, checked with data in the tables. */
class PitfallsIT {

    private static final String PUBLICITE = "Vu une publicité du festival";
    private static final String APOSTROPHE = "Via le site internet ou application de l'IA";

    @Test
    void renameKeepsValuesTypeNullabilityDefaultAndPosition() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            schema.updateTo("20260219132833-add-fields-to-movies");
            seedMovie(db);
            db.execute("UPDATE movies SET youtbe_status = 'processing'");
            List<String> column = db.query("SELECT ORDINAL_POSITION, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT IS NULL"
                    + " OR COLUMN_DEFAULT = 'NULL', COLUMN_COMMENT FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '"
                    + db.name() + "' AND TABLE_NAME = 'movies' AND COLUMN_NAME = 'youtbe_status'").get(0);

            schema.updateTo("20260220123459-rename-youtbe-status-to-youtube-status");

            assertThat(db.query("SELECT youtube_status FROM movies")).containsExactly(List.of("processing"));
            assertThat(db.query("SELECT ORDINAL_POSITION, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT IS NULL"
                    + " OR COLUMN_DEFAULT = 'NULL', COLUMN_COMMENT FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '"
                    + db.name() + "' AND TABLE_NAME = 'movies' AND COLUMN_NAME = 'youtube_status'").get(0))
                    .as("position, type, nullability, default, comment").isEqualTo(column);

            schema.rollback(RollbackTarget.lastMigrations(1));
            assertThat(db.query("SELECT youtbe_status FROM movies")).containsExactly(List.of("processing"));
        }
    }

    @Test
    void widenedSelectionStatusKeepsNotNullAndItsDefault() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            schema.updateTo("20260216120000-alter-movies-selection-status");
            seedMovie(db);
            db.execute("INSERT INTO movies (title, duration, id_user, selection_status) VALUES ('Phobos', 5, 1, 'awarded')");

            assertThat(db.query("SELECT selection_status FROM movies ORDER BY id_movie"))
                    .containsExactly(List.of("submitted"), List.of("awarded"));
            assertThatThrownBy(() -> db.execute("INSERT INTO movies (title, duration, id_user, selection_status)"
                    + " VALUES ('Deimos', 5, 1, NULL)")).hasMessageContaining("selection_status");
        }
    }

    @Test
    void enumValuesWithAccentsAndAnApostropheSurviveEveryMigration() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            schema.updateTo("20260205131006-create-movies-juries");
            db.execute("INSERT INTO users (first_name, last_name, email, password, known_by_mars_ai) VALUES"
                    + " ('Émile', 'Zola', 'emile@example.org', 'x', 'Vu une publicité du festival'),"
                    + " ('Jeanne', 'd''Arc', 'jeanne@example.org', 'x', 'Via le site internet ou application de l''IA'),"
                    + " ('Paul', 'Ami', 'paul@example.org', 'x', 'Par un ami')");

            schema.update();

            assertThat(db.query("SELECT first_name, known_by_mars_ai FROM users ORDER BY id_user")).containsExactly(
                    List.of("Émile", PUBLICITE), List.of("Jeanne", APOSTROPHE), List.of("Paul", "Par un ami"));
            assertThat(db.query("SELECT COLUMN_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '" + db.name()
                    + "' AND TABLE_NAME = 'users' AND COLUMN_NAME = 'known_by_mars_ai'").get(0).get(0))
                    .isEqualTo("enum('Par un ami','Vu une publicité du festival','Via le site internet ou application de l''IA')");

            schema.rollback(RollbackTarget.toMigration("20260205131006-create-movies-juries"));
            assertThat(db.query("SELECT known_by_mars_ai FROM users ORDER BY id_user")).containsExactly(
                    List.of(PUBLICITE), List.of(APOSTROPHE), List.of("Par un ami"));
        }
    }

    @Test
    void everyChangeSetRunsOnThisServerNoneIsFilteredOutByDbms() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            UpdateResult result = schema.update();
            assertThat(result.executed().size() + result.markedRan().size()).isEqualTo(schema.changeSets().size());
            assertThat(result.markedRan()).extracting(ChangeSetInfo::id)
                    .containsExactly("20260212103000-drop-id-film-from-votes");
        }
    }

    private static void seedMovie(TestDatabase db) {
        db.execute(TestDatabase.ONE_USER,
                "INSERT INTO movies (title, duration, id_user) VALUES ('Mars', 12, 1)");
    }
}

package org.marsai.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import org.marsai.schema.testing.InProcessCli;
import org.marsai.schema.testing.HandMade;
import org.marsai.schema.testing.TestDatabase;
import org.marsai.schema.testing.TestServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * A rollback never destroys stored data silently: it refuses first, naming what would be lost, unless the
 * caller allowed it; and the server's sql_mode, strict or not, never lets a value be blanked unnoticed.
 */
class DataSafetyIT {

    private static final String STRICT = "STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION";
    private static final String LAX = "NO_ENGINE_SUBSTITUTION";

    @TempDir
    Path workingDirectory;

    /** Sets the server's default sql_mode for new connections; returns the previous one. */
    private static String serverSqlMode(String mode) throws Exception {
        try (Connection c = TestServer.get().rootConnection(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT @@GLOBAL.sql_mode");
            rs.next();
            String previous = rs.getString(1);
            s.execute("SET GLOBAL sql_mode = '" + mode + "'");
            return previous;
        }
    }

    private static void seedMovies(TestDatabase db, String... statuses) {
        db.execute(TestDatabase.ONE_USER);
        for (String status : statuses) {
            db.execute("INSERT INTO movies (title, duration, id_user, selection_status) VALUES ('Film " + status
                    + "', 10, 1, '" + status + "')");
        }
    }

    @ParameterizedTest(name = "server sql_mode {0}")
    @ValueSource(strings = {STRICT, LAX})
    void narrowingTheStatusesRefusesWhileRowsUseThemAndBlanksNothingUnlessAllowed(String serverMode) throws Exception {
        String previous = serverSqlMode(serverMode);
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            schema.update();
            seedMovies(db, "assigned", "candidate", "awarded", "submitted", "selected");
            List<String> picture = db.picture();
            List<HistoryEntry> history = schema.history();

            RollbackRefusedException refused = catchThrowableOfType(RollbackRefusedException.class,
                    () -> schema.rollback(RollbackTarget.toMigration("20260216100000-create-vote-histories")));

            assertThat(refused.code()).isEqualTo(ErrorCode.ROLLBACK_REFUSED);
            assertThat(refused.losses()).containsExactly(new DataLoss("movies", "selection_status",
                    "removes 'assigned', 'candidate', 'awarded' from movies.selection_status", 3));
            assertThat(refused).hasMessageContaining("nothing was changed")
                    .hasMessageContaining("removes 'assigned', 'candidate', 'awarded' from movies.selection_status: 3 row(s)")
                    .hasMessageContaining("--allow-data-loss");
            assertThat(db.picture()).as("schema after the refusal").isEqualTo(picture);
            assertThat(schema.history()).as("history after the refusal").isEqualTo(history);
            assertThat(db.query("SELECT selection_status FROM movies ORDER BY id_movie")).extracting(r -> r.get(0))
                    .containsExactly("assigned", "candidate", "awarded", "submitted", "selected");

            RollbackResult allowed = db.configure().allowDataLoss(true).load().rollback(RollbackTarget.toMigration("20260216100000-create-vote-histories"));

            assertThat(allowed.migrations()).contains("20260216120000-alter-movies-selection-status");
            assertThat(db.query("SELECT selection_status FROM movies ORDER BY id_movie")).extracting(r -> r.get(0))
                    .as("the allowed loss, and only it").containsExactly("", "", "", "submitted", "selected");
        } finally {
            serverSqlMode(previous);
        }
    }

    @ParameterizedTest(name = "server sql_mode {0}")
    @ValueSource(strings = {STRICT, LAX})
    void anUpdateNeverBlanksAValueEvenOnALaxServer(String serverMode) throws Exception {
        String previous = serverSqlMode(serverMode);
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            schema.updateTo("20260205131006-create-movies-juries");
            // A legacy database whose answers column still allows 'YES' (as before migration 14 was fixed).
            db.execute("ALTER TABLE users MODIFY known_by_mars_ai ENUM('YES','NO','Par un ami','Vu une publicité du festival',"
                            + "'Via le site internet ou application de l''IA') NULL",
                    "INSERT INTO users (first_name, last_name, email, password, known_by_mars_ai)"
                            + " VALUES ('Old', 'Answer', 'old@example.org', 'x', 'YES')");

            assertThatThrownBy(() -> schema.updateTo("20260210100000-alter-users-known-by-mars-ai"))
                    .isInstanceOf(MarsSchemaException.class)
                    .hasMessageContaining("Changeset 20260210100000-alter-users-known-by-mars-ai")
                    .hasMessageContaining("Update refused, nothing was changed").hasMessageContaining("1 row(s)")
                    .extracting(e -> ((MarsSchemaException) e).code()).isEqualTo(ErrorCode.DATA_BLOCKS_MIGRATION);
            assertThat(db.query("SELECT known_by_mars_ai FROM users")).containsExactly(List.of("YES"));
            assertThat(schema.status().pendingMigrations()).startsWith("20260210100000-alter-users-known-by-mars-ai");
        } finally {
            serverSqlMode(previous);
        }
    }

    @Test
    void aTableWithRowsIsNotDroppedWithoutPermission() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            db.schema().updateTo("20260302171000-create-newsletter-subscribers");
            db.execute("INSERT INTO newsletter_subscribers (email) VALUES ('a@example.org'), ('b@example.org')");

            InProcessCli.Run refused = cli(db, "rollback", "--count", "1");
            assertThat(refused.code()).isEqualTo(1);
            assertThat(refused.err()).contains("drops table newsletter_subscribers: 2 row(s)", "--allow-data-loss");
            assertThat(refused.err().lines().count()).isEqualTo(1);
            assertThat(db.tables()).contains("newsletter_subscribers");

            assertThat(cli(db, "db:migrate:undo").code()).as("the sequelize verb refuses too").isEqualTo(1);

            InProcessCli.Run allowed = cli(db, "db:migrate:undo", "--allow-data-loss");
            assertThat(allowed.code()).as(allowed.err()).isZero();
            assertThat(db.tables()).doesNotContain("newsletter_subscribers");
        }
    }

    @Test
    void aColumnWithValuesIsNotDroppedButEmptyOnesAre() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            schema.update();
            seedMovies(db, "submitted");
            db.execute("UPDATE movies SET admin_comment = 'Watch again'");

            RollbackRefusedException refused = catchThrowableOfType(RollbackRefusedException.class,
                    () -> schema.rollback(RollbackTarget.toMigration("20260212150000-add-vote-modification-tracking")));
            assertThat(refused.losses()).extracting(DataLoss::description).containsExactly("drops column movies.admin_comment");

            db.execute("UPDATE movies SET admin_comment = NULL");
            assertThat(schema.rollback(RollbackTarget.toMigration("20260212150000-add-vote-modification-tracking")).nothingToDo()).isFalse();
        }
    }

    @Test
    void undoingAMarkRanChangeSetDestroysNothingSoNeedsNoPermission() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            schema.updateTo("20260212103000-drop-id-film-from-votes");
            db.execute(HandMade.MODIFICATION_COUNT);
            db.execute(HandMade.voteWithModificationCount(3));
            schema.updateTo("20260212150000-add-vote-modification-tracking");

            schema.rollback(RollbackTarget.lastMigrations(1));

            assertThat(db.query("SELECT modification_count FROM votes")).containsExactly(List.of("3"));
        }
    }

    private InProcessCli.Run cli(TestDatabase db, String... args) {
        return new InProcessCli(workingDirectory).on(db, args);
    }
}

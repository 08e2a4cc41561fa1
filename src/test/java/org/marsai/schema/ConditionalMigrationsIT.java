package org.marsai.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.marsai.schema.testing.ExpectedSchema;
import org.marsai.schema.testing.HandMade;
import org.marsai.schema.testing.TestDatabase;
import org.marsai.schema.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * Migrations 15, 16, 18 and 20 act only where their change is missing, are recorded either way, and
 * their rollback never removes what someone made by hand.
 */
class ConditionalMigrationsIT {

    private final ExpectedSchema expected = ExpectedSchema.load();

    private int index(String migration) {
        return expected.migrations().indexOf(migration) + 1;
    }

    @Test
    void legacyIdFilmColumnIsDroppedAndItsRollbackBringsTheColumnBack() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            schema.updateTo("20260210100000-alter-users-known-by-mars-ai");
            db.execute("ALTER TABLE votes ADD id_film INT NULL");
            List<String> before = ExpectedSchema.sorted(db.picture());

            UpdateResult result = schema.updateTo("20260212103000-drop-id-film-from-votes");

            assertThat(result.executed()).extracting(ChangeSetInfo::id).containsExactly("20260212103000-drop-id-film-from-votes");
            assertThat(ExpectedSchema.sorted(db.picture())).containsExactlyElementsOf(
                    expected.after(index("20260212103000-drop-id-film-from-votes")));

            schema.rollback(RollbackTarget.lastMigrations(1));
            assertThat(ExpectedSchema.sorted(db.picture())).as("id_film INT NULL is back").containsExactlyElementsOf(before);
        }
    }

    @Test
    void handMadeModificationCountIsKeptWithItsValuesThroughUpdateAndRollback() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            schema.updateTo("20260212103000-drop-id-film-from-votes");
            db.execute(HandMade.MODIFICATION_COUNT);
            db.execute(HandMade.voteWithModificationCount(7));
            List<String> before = ExpectedSchema.sorted(db.picture());

            UpdateResult result = schema.updateTo("20260212150000-add-vote-modification-tracking");

            assertThat(result.executed()).isEmpty();
            assertThat(result.markedRan()).extracting(ChangeSetInfo::id)
                    .containsExactly("20260212150000-add-vote-modification-tracking");
            assertThat(schema.history().get(schema.history().size() - 1).execType()).isEqualTo(ExecType.MARK_RAN);
            assertThat(ExpectedSchema.sorted(db.picture())).containsExactlyElementsOf(
                    expected.after(index("20260212150000-add-vote-modification-tracking")));

            schema.rollback(RollbackTarget.lastMigrations(1));
            assertThat(ExpectedSchema.sorted(db.picture())).as("the hand-made column stays").containsExactlyElementsOf(before);
            assertThat(db.query("SELECT modification_count FROM votes")).containsExactly(List.of("7"));
            assertThat(schema.status().pendingMigrations()).startsWith("20260212150000-add-vote-modification-tracking");
        }
    }

    @Test
    void handMadeVoteHistoriesTableIsKeptWithItsRows() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            schema.updateTo("20260214130000-add-admin-comment-to-movies");
            db.execute(HandMade.VOTE_HISTORIES,
                    TestDatabase.ONE_USER,
                    "INSERT INTO movies (title, duration, id_user) VALUES ('Mars', 12, 1)",
                    "INSERT INTO votes (id_movie, id_user, note) VALUES (1, 1, 'YES')",
                    "INSERT INTO vote_histories (id_vote, id_user, id_movie, note) VALUES (1, 1, 1, 4.5)");
            List<String> before = ExpectedSchema.sorted(db.picture());

            UpdateResult result = schema.updateTo("20260216100000-create-vote-histories");

            assertThat(result.executed()).isEmpty();
            assertThat(result.markedRan()).hasSize(3);
            assertThat(ExpectedSchema.sorted(db.picture())).containsExactlyElementsOf(
                    expected.after(index("20260216100000-create-vote-histories")));

            schema.rollback(RollbackTarget.lastMigrations(1));
            assertThat(ExpectedSchema.sorted(db.picture())).containsExactlyElementsOf(before);
            assertThat(db.count("SELECT COUNT(*) FROM vote_histories")).isEqualTo(1);
        }
    }

    @Test
    void handMadeTableWithoutItsKeysGetsThemAndLosesOnlyThemOnRollback() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            schema.updateTo("20260214130000-add-admin-comment-to-movies");
            db.execute(HandMade.VOTE_HISTORIES_WITHOUT_KEYS);
            List<String> before = ExpectedSchema.sorted(db.picture());

            UpdateResult result = schema.updateTo("20260216100000-create-vote-histories");

            assertThat(result.markedRan()).extracting(ChangeSetInfo::id).containsExactly("20260216100000-create-vote-histories");
            assertThat(result.executed()).extracting(ChangeSetInfo::id).containsExactly(
                    "20260216100000-create-vote-histories-index-id_vote",
                    "20260216100000-create-vote-histories-fk-vote_histories_ibfk_1");
            assertThat(ExpectedSchema.sorted(db.picture())).containsExactlyElementsOf(
                    expected.after(index("20260216100000-create-vote-histories")));

            schema.rollback(RollbackTarget.lastMigrations(1));
            assertThat(ExpectedSchema.sorted(db.picture())).as("the table stays, without the keys we added")
                    .containsExactlyElementsOf(before);
        }
    }

    @Test
    void handMadeJuryCommentIsAcceptedAndKept() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            schema.updateTo("20260216120000-alter-movies-selection-status");
            db.execute("ALTER TABLE movies ADD jury_comment TEXT NULL AFTER admin_comment");
            List<String> before = ExpectedSchema.sorted(db.picture());

            UpdateResult result = schema.update();

            assertThat(result.markedRan()).extracting(ChangeSetInfo::id).containsExactly("20260216123000-add-jury-comment-to-movies");
            assertThat(ExpectedSchema.sorted(db.picture())).containsExactlyElementsOf(expected.afterAll());

            schema.rollback(RollbackTarget.toMigration("20260216120000-alter-movies-selection-status"));
            assertThat(ExpectedSchema.sorted(db.picture())).containsExactlyElementsOf(before);
        }
    }

    @Test
    void allFourHandMadeTogetherThenAFullUpdateReachesTheSpecifiedSchema() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            schema.updateTo("20260210100000-alter-users-known-by-mars-ai");
            db.execute("ALTER TABLE votes ADD id_film INT NULL",
                    HandMade.MODIFICATION_COUNT);
            schema.updateTo("20260214130000-add-admin-comment-to-movies");
            db.execute(HandMade.VOTE_HISTORIES,
                    "ALTER TABLE movies ADD jury_comment TEXT NULL AFTER admin_comment");

            schema.update();

            assertThat(ExpectedSchema.sorted(db.picture())).containsExactlyElementsOf(expected.afterAll());
            assertThat(schema.status().isUpToDate()).isTrue();
            assertThat(schema.history()).filteredOn(h -> h.execType() == ExecType.MARK_RAN)
                    .extracting(HistoryEntry::migration).containsExactlyInAnyOrder(
                            "20260212150000-add-vote-modification-tracking", "20260216100000-create-vote-histories",
                            "20260216100000-create-vote-histories", "20260216100000-create-vote-histories",
                            "20260216123000-add-jury-comment-to-movies");
        }
    }
}

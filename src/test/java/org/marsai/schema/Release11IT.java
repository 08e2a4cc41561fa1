package org.marsai.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;

import org.marsai.schema.testing.ExpectedSchema;
import org.marsai.schema.testing.SequelizeDatabase;
import org.marsai.schema.testing.TestDatabase;
import org.marsai.schema.testing.TestServer;
import org.marsai.schema.testing.UpstreamDatabase;
import org.junit.jupiter.api.Test;

/**
 * Release 1.1 (MARSAI-SCHEMA.md, "Release 1.1"): a database built from empty, one updated from 1.0 and one
 * built by upstream's sequelize-cli with all 26 files end up indistinguishable; the note values follow the data
 * rule both ways; databases upstream's files built are adopted at 24 (either movies_juries layout), 25 and 26.
 * The references are the pictures read from real sequelize-cli runs of upstream's files.
 */
class Release11IT {

    private static final String LAYOUT = "20260205131006-movies-juries-upstream-layout";
    private final ExpectedSchema expected = ExpectedSchema.load();

    @Test
    void aNewDatabaseGetsTheSchemaUpstreamsSequelizeCliBuilds() {
        try (TestDatabase ours = TestServer.get().createDatabase();
             TestDatabase theirs = TestServer.get().createDatabase()) {
            ours.schema().update();
            UpstreamDatabase.buildFresh(theirs);

            assertThat(ExpectedSchema.sorted(ours.picture())).as("built from empty by the changelog")
                    .containsExactlyElementsOf(UpstreamDatabase.reference(26))
                    .containsExactlyElementsOf(ExpectedSchema.sorted(theirs.picture()))
                    .containsExactlyElementsOf(expected.afterAll());
        }
    }

    @Test
    void aDatabaseAt10IsUpdatedKeepingEveryRowAndRollsBackTo10() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            db.schema().updateTo(UpstreamDatabase.LAST_OF_24);
            SequelizeDatabase.seed(db, 24); // notes 0
            Map<String, List<List<String>>> before = SequelizeDatabase.rows(db);
            List<String> at10 = ExpectedSchema.sorted(db.picture());
            assertThat(at10).containsExactlyElementsOf(expected.after(24));

            UpdateResult result = db.schema().update();

            assertThat(result.migrations()).containsExactly(LAYOUT, UpstreamDatabase.ALTER_VOTE_HISTORIES,
                    UpstreamDatabase.ADD_DECISION);
            assertThat(ExpectedSchema.sorted(db.picture())).containsExactlyElementsOf(UpstreamDatabase.reference(26));
            assertThat(db.query("SELECT id_movie_jury, id_movie, id_user FROM movies_juries ORDER BY id_movie_jury"))
                    .as("each pair kept, numbered").containsExactly(List.of("1", "1", "2"), List.of("2", "2", "2"),
                            List.of("3", "3", "4"));
            assertThat(db.query("SELECT DISTINCT note FROM vote_histories")).containsExactly(List.of("NO"));
            assertThat(db.query("SELECT DISTINCT decision FROM votes")).containsExactly(List.of("pending"));
            for (String table : List.of("users", "movies", "events", "reservations", "sponsors", "awards")) {
                assertThat(SequelizeDatabase.rows(db).get(table)).as("rows of %s", table).isEqualTo(before.get(table));
            }
            assertThat(SequelizeDatabase.rows(db).get("votes")).as("votes, each with one more column")
                    .extracting(row -> row.subList(0, row.size() - 1)).isEqualTo(before.get("votes"));

            // Back to 1.0: the ids of movies_juries are data; refused until the loss is allowed.
            assertThatThrownBy(() -> db.schema().rollback(RollbackTarget.toMigration(UpstreamDatabase.LAST_OF_24)))
                    .isInstanceOf(RollbackRefusedException.class)
                    .hasMessageContaining("movies_juries.id_movie_jury")
                    .satisfies(e -> assertThat(((RollbackRefusedException) e).losses())
                            .extracting(DataLoss::table, DataLoss::affectedRows)
                            .containsExactly(tuple("movies_juries", 3L)));
            assertThat(ExpectedSchema.sorted(db.picture())).as("nothing changed").containsExactlyElementsOf(
                    UpstreamDatabase.reference(26));

            db.configure().allowDataLoss(true).load().rollback(RollbackTarget.toMigration(UpstreamDatabase.LAST_OF_24));

            assertThat(ExpectedSchema.sorted(db.picture())).containsExactlyElementsOf(at10);
            assertThat(SequelizeDatabase.rows(db)).as("every row as it was at 1.0").isEqualTo(before);
            assertThat(db.schema().diff().hasDrift()).isFalse();
        }
    }

    @Test
    void notesOtherThanZeroRefuseTheUpdateBeforeAnythingChangesUnlessTheLossIsAllowed() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            db.schema().updateTo(UpstreamDatabase.LAST_OF_24);
            SequelizeDatabase.seed(db, 24); // notes 0
            db.execute("UPDATE vote_histories SET note = 1 WHERE id_vote_history = 1");
            db.execute("INSERT INTO vote_histories (id_vote, id_user, id_movie, note) VALUES (1, 2, 1, 0.5)");
            List<String> picture = db.picture();
            int history = db.schema().history().size();

            assertThatThrownBy(() -> db.schema().update())
                    .isInstanceOf(MarsSchemaException.class)
                    .hasMessageContaining("Update refused, nothing was changed")
                    .hasMessageContaining("vote_histories.note")
                    .hasMessageContaining("2 row(s)");
            assertThat(db.picture()).isEqualTo(picture);
            assertThat(db.schema().history()).hasSize(history);
            assertThat(db.schema().status().problems()).as("status says what update would refuse").isNotEmpty();
            assertThat(db.schema().updateSql()).contains("DESTROYS DATA: drops column vote_histories.note")
                    .contains("in this database: 2 row(s)");

            db.configure().allowDataLoss(true).load().update();

            assertThat(db.query("SELECT note, COUNT(*) FROM vote_histories GROUP BY note"))
                    .containsExactly(List.of("NO", "3"));
            assertThat(ExpectedSchema.sorted(db.picture())).containsExactlyElementsOf(UpstreamDatabase.reference(26));
        }
    }

    @Test
    void rollingBackTheNotesMapsNoToZeroAndRefusesYesAndToDiscuss() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            db.schema().update();
            SequelizeDatabase.seed(db, 24); // notes 'YES' and 'TO DISCUSS'
            RollbackTarget beforeNotes = RollbackTarget.throughMigration(UpstreamDatabase.ALTER_VOTE_HISTORIES);
            List<String> picture = db.picture();

            assertThat(db.schema().rollbackSql(beforeNotes))
                    .contains("DESTROYS DATA: drops column vote_histories.note (rows holding 'NO'");
            assertThatThrownBy(() -> db.schema().rollback(beforeNotes))
                    .isInstanceOf(RollbackRefusedException.class)
                    .satisfies(e -> assertThat(((RollbackRefusedException) e).losses())
                            .extracting(DataLoss::table, DataLoss::column, DataLoss::affectedRows)
                            .contains(tuple("vote_histories", "note", 2L)));
            assertThat(db.picture()).as("nothing changed").isEqualTo(picture);

            db.execute("UPDATE vote_histories SET note = 'NO'");
            db.schema().rollback(RollbackTarget.lastMigrations(1)); // decision: every vote 'pending', nothing to lose
            db.schema().rollback(RollbackTarget.lastMigrations(1));

            assertThat(db.query("SELECT COUNT(*), SUM(note = 0) FROM vote_histories")).as("every 'NO' is 0 again")
                    .containsExactly(List.of("2", "2"));
            assertThat(ExpectedSchema.sorted(db.picture())).contains(
                    "column vote_histories 5 note float NOT-NULL default=none");
        }
    }

    @Test
    void aDecisionOtherThanPendingIsDataARollbackRefusesToDrop() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            db.schema().update();
            SequelizeDatabase.seed(db, 24);
            db.execute("UPDATE votes SET decision = 'accepted' WHERE id_vote = 1");

            assertThatThrownBy(() -> db.schema().rollback(RollbackTarget.lastMigrations(1)))
                    .isInstanceOf(RollbackRefusedException.class)
                    .hasMessageContaining("votes.decision");

            db.execute("UPDATE votes SET decision = 'pending'");
            RollbackResult result = db.schema().rollback(RollbackTarget.lastMigrations(1));
            assertThat(result.rolledBack()).extracting(ChangeSetInfo::id)
                    .containsExactly(UpstreamDatabase.ADD_DECISION);
        }
    }

    @Test
    void databasesUpstreamsFilesBuiltAreAdoptedAtEveryStateWithoutChangingARowThenBroughtTo11() {
        for (int count : new int[] {24, 25, 26}) {
            try (TestDatabase db = TestServer.get().createDatabase()) {
                UpstreamDatabase.buildAsFollowed(db, count);
                assertThat(ExpectedSchema.sorted(db.picture())).as("fixture at %d = sequelize-cli's run", count)
                        .containsExactlyElementsOf(UpstreamDatabase.reference(count));
                Map<String, List<List<String>>> rows = SequelizeDatabase.rows(db);
                List<String> picture = db.picture();

                AdoptionPlan plan = db.schema().adopt();

                assertThat(plan.problems()).as("at %d", count).isEmpty();
                assertThat(plan.findings()).as("at %d", count).anyMatch(f -> f.contains(LAYOUT));
                assertThat(SequelizeDatabase.rows(db)).as("every row, at %d", count).isEqualTo(rows);
                assertThat(db.picture()).isEqualTo(picture);
                assertThat(db.schema().history()).filteredOn(h -> h.id().equals(LAYOUT))
                        .extracting(HistoryEntry::execType).containsExactly(ExecType.MARK_RAN);

                db.schema().update();

                assertThat(ExpectedSchema.sorted(db.picture())).as("at %d then updated", count)
                        .containsExactlyElementsOf(UpstreamDatabase.reference(26));
                assertThat(SequelizeDatabase.rows(db).get("movies_juries")).as("ids kept")
                        .isEqualTo(rows.get("movies_juries"));
                assertThat(db.schema().status().isUpToDate()).isTrue();
                assertThat(db.schema().diff().hasDrift()).isFalse();
                assertThat(SequelizeDatabase.sequelizeMeta(db)).as("SequelizeMeta lists upstream's 26, never ours")
                        .hasSize(26).noneMatch(n -> n.startsWith(LAYOUT));
            }
        }
    }

    @Test
    void aDatabaseWithTheFirstMoviesJuriesLayoutIsAdoptedAt24AndGetsTheUpstreamLayout() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            SequelizeDatabase.build(db, 24);
            SequelizeDatabase.seed(db, 24);
            Map<String, List<List<String>>> rows = SequelizeDatabase.rows(db);

            AdoptionPlan plan = db.schema().adopt();

            assertThat(plan.problems()).isEmpty();
            assertThat(plan.remaining()).extracting(ChangeSetInfo::migration).startsWith(LAYOUT);
            assertThat(SequelizeDatabase.rows(db)).isEqualTo(rows);
            assertThat(db.schema().update().migrations()).containsExactly(LAYOUT,
                    UpstreamDatabase.ALTER_VOTE_HISTORIES, UpstreamDatabase.ADD_DECISION);
            assertThat(ExpectedSchema.sorted(db.picture())).containsExactlyElementsOf(UpstreamDatabase.reference(26));
        }
    }

    @Test
    void aRetiredMigrationInSequelizeMetaIsNoReasonToRefuseButAnUnknownOneIs() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            UpstreamDatabase.buildAsFollowed(db, 26);
            db.execute("INSERT INTO `SequelizeMeta` (name) VALUES ('20260226120000-add-id_movie-to-votes.cjs')");

            AdoptionPlan plan = db.schema().adoptionPlan();

            assertThat(plan.problems()).isEmpty();
            assertThat(plan.findings()).anyMatch(f -> f.contains("20260226120000-add-id_movie-to-votes")
                    && f.contains("deleted"));
            db.schema().update();
            assertThat(ExpectedSchema.sorted(db.picture())).containsExactlyElementsOf(UpstreamDatabase.reference(26));
        }
        try (TestDatabase db = TestServer.get().createDatabase()) {
            UpstreamDatabase.buildAsFollowed(db, 26);
            db.execute("INSERT INTO `SequelizeMeta` (name) VALUES ('20260401000000-add-prizes.cjs')");
            List<String> picture = db.picture();

            assertThatThrownBy(() -> db.schema().update())
                    .hasMessageContaining("20260401000000-add-prizes")
                    .hasMessageContaining("does not know");
            assertThat(db.picture()).isEqualTo(picture);
        }
    }
}

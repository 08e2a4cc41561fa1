package org.marsai.schema.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.marsai.schema.ChangeSetInfo;
import org.marsai.schema.ErrorCode;
import org.marsai.schema.ExecType;
import org.marsai.schema.MarsSchemaException;
import org.marsai.schema.RollbackTarget;
import org.marsai.schema.internal.history.History;
import org.marsai.schema.internal.liquibase.Changelog;
import org.marsai.schema.internal.model.LossAnalysis;

/**
 * Which recorded changesets a rollback undoes, in which order, and what undoing each destroys: on the packaged
 * changelog, with histories written here.
 */
class RollbackPlanTest {

    private static final Changelog CHANGELOG = Changelog.packaged();
    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static final String ADD_FIELDS = "20260219132833-add-fields-to-movies";
    private static final String RENAME = "20260220123459-rename-youtbe-status-to-youtube-status";

    /** Every changeset up to and including {@code migration}'s, one deployment a minute, all EXECUTED. */
    private static List<History.Row> rowsUpTo(String migration) {
        List<History.Row> rows = new ArrayList<>();
        for (ChangeSetInfo changeSet : CHANGELOG.upTo(CHANGELOG.changeSets(), Optional.of(migration))) {
            rows.add(row(changeSet, rows.size() + 1, "EXECUTED", null));
        }
        return rows;
    }

    private static History.Row row(ChangeSetInfo changeSet, int order, String execType, String tag) {
        return new History.Row(changeSet.id(), changeSet.author(), Changelog.logicalPath(changeSet),
                START.plusSeconds(60L * order), order, execType, CHANGELOG.checksumOf(changeSet), tag, "0000000001");
    }

    private static List<String> ids(List<History.Row> rows) {
        return rows.stream().map(History.Row::id).toList();
    }

    private static List<String> idsOf(String migration) {
        return CHANGELOG.changeSetsOf(migration).stream().map(ChangeSetInfo::id).toList();
    }

    @Test
    void lastMigrationUndoesItsChangeSetsNewestFirst() {
        History history = History.of(CHANGELOG, rowsUpTo(RENAME));
        RollbackPlan plan = RollbackPlan.of(history, RollbackTarget.lastMigrations(2));
        List<String> expected = new ArrayList<>(idsOf(ADD_FIELDS));
        expected.addAll(idsOf(RENAME));
        assertThat(ids(plan.rows())).as("rows in the order they ran").containsExactlyElementsOf(expected);
        List<String> newestFirst = new ArrayList<>(expected);
        Collections.reverse(newestFirst);
        assertThat(plan.steps()).extracting(step -> step.row().id())
                .as("steps newest first").containsExactlyElementsOf(newestFirst);
    }

    @Test
    void eachStepSaysWhatUndoingItDestroysUnderTheColumnsNameInTheDatabase() {
        RollbackPlan plan = RollbackPlan.of(History.of(CHANGELOG, rowsUpTo(RENAME)),
                RollbackTarget.toMigration("20260216123000-add-jury-comment-to-movies"));
        RollbackPlan.Step rename = plan.steps().get(0);
        assertThat(rename.changeSet().migration()).isEqualTo(RENAME);
        assertThat(rename.losses()).as("renaming back loses nothing").isEmpty();
        assertThat(rename.before().tables().get("movies").columns()).extracting(c -> c.name()).contains("youtube_status");
        assertThat(rename.after().tables().get("movies").columns()).extracting(c -> c.name()).contains("youtbe_status");

        List<LossAnalysis.Loss> dropped = plan.steps().get(plan.steps().size() - 1).losses();
        assertThat(dropped).extracting(LossAnalysis.Loss::description)
                .contains("drops column movies.youtbe_status", "drops column movies.youtube_movie_id");
        assertThat(dropped).filteredOn(loss -> loss.column().equals("youtbe_status"))
                .extracting(LossAnalysis.Loss::liveColumn).as("the database still calls it by its later name")
                .containsExactly("youtube_status");
        assertThat(plan.losses()).containsExactlyElementsOf(plan.steps().stream()
                .flatMap(step -> step.losses().stream()).toList());
    }

    @Test
    void aChangeSetRecordedMarkRanDestroysNothingWhenUndone() {
        List<History.Row> rows = rowsUpTo(ADD_FIELDS);
        History.Row last = rows.remove(rows.size() - 1);
        rows.add(new History.Row(last.id(), last.author(), last.fileName(), last.executedAt(), last.orderExecuted(),
                "MARK_RAN", last.checksum(), null, last.deploymentId()));
        RollbackPlan.Step step = RollbackPlan.of(History.of(CHANGELOG, rows), RollbackTarget.lastMigrations(1))
                .steps().get(0);
        assertThat(step.execType()).isEqualTo(ExecType.MARK_RAN);
        assertThat(step.losses()).isEmpty();
        assertThat(LossAnalysis.between(step.before(), step.after())).as("the same change, EXECUTED").isNotEmpty();
    }

    @Test
    void rowsOfChangeSetsThisVersionDoesNotKnowAreNeverPlanned() {
        List<History.Row> rows = rowsUpTo(ADD_FIELDS);
        rows.add(0, new History.Row("dropped-long-ago", "marsai", "marsai-schema/20250101000000-gone.yaml", START, 0,
                "EXECUTED", null, null, "0000000001"));
        History history = History.of(CHANGELOG, rows);
        assertThat(ids(RollbackPlan.of(history, RollbackTarget.all()).rows())).doesNotContain("dropped-long-ago")
                .hasSize(rows.size() - 1);
    }

    @Test
    void aRowLiquibaseWouldUndoFirstButThePlanLeavesIsRefused() {
        List<History.Row> rows = rowsUpTo(ADD_FIELDS);
        rows.add(new History.Row("from-a-newer-version", "marsai", "marsai-schema/20990101000000-later.yaml",
                START.plusSeconds(86_400), rows.size() + 1, "EXECUTED", null, null, "0000000002"));
        assertThatThrownBy(() -> RollbackPlan.of(History.of(CHANGELOG, rows), RollbackTarget.lastMigrations(1)))
                .isInstanceOf(MarsSchemaException.class)
                .satisfies(e -> assertThat(((MarsSchemaException) e).code()).isEqualTo(ErrorCode.VALIDATION_FAILED))
                .hasMessageContaining("not in changelog order");
    }

    @Test
    void aTagKeepsItsOwnChangeSetAndADateKeepsWhatRanUntilThen() {
        List<History.Row> rows = rowsUpTo(ADD_FIELDS);
        History.Row tagged = rows.get(2);
        rows.set(2, row(CHANGELOG.changeSets().get(2), tagged.orderExecuted(), "EXECUTED", "v1"));
        History history = History.of(CHANGELOG, rows);
        assertThat(ids(RollbackPlan.of(history, RollbackTarget.toTag("v1")).rows()))
                .containsExactlyElementsOf(ids(rows.subList(3, rows.size())));
        assertThat(ids(RollbackPlan.of(history, RollbackTarget.toDate(rows.get(4).executedAt())).rows()))
                .containsExactlyElementsOf(ids(rows.subList(5, rows.size())));
        assertThatThrownBy(() -> RollbackPlan.of(history, RollbackTarget.toTag("v2")))
                .hasMessageContaining("No changeset of this database is tagged 'v2'").hasMessageContaining("(v1)");
    }

    @Test
    void nothingAfterTheTargetMigrationIsAnEmptyPlan() {
        RollbackPlan plan = RollbackPlan.of(History.of(CHANGELOG, rowsUpTo(ADD_FIELDS)),
                RollbackTarget.toMigration(ADD_FIELDS));
        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.steps()).isEmpty();
    }

    @Test
    void throughAMigrationUndoesItToo() {
        RollbackPlan plan = RollbackPlan.of(History.of(CHANGELOG, rowsUpTo(RENAME)),
                RollbackTarget.throughMigration(ADD_FIELDS));
        List<String> expected = new ArrayList<>(idsOf(ADD_FIELDS));
        expected.addAll(idsOf(RENAME));
        assertThat(ids(plan.rows())).containsExactlyElementsOf(expected);
    }
}

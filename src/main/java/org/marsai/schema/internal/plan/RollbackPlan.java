package org.marsai.schema.internal.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.marsai.schema.ChangeSetInfo;
import org.marsai.schema.DataLoss;
import org.marsai.schema.ErrorCode;
import org.marsai.schema.ExecType;
import org.marsai.schema.MarsSchemaException;
import org.marsai.schema.RollbackTarget;
import org.marsai.schema.internal.history.History;
import org.marsai.schema.internal.jdbc.Session;
import org.marsai.schema.internal.liquibase.Changelog;
import org.marsai.schema.internal.liquibase.LiveSchema;
import org.marsai.schema.internal.model.LossAnalysis;
import org.marsai.schema.internal.model.SchemaModel;

/**
 * Which recorded changesets a rollback undoes (the most recent ones, as Liquibase undoes them), and what
 * undoing each destroys according to the changelog. Shared by the rollback and its SQL preview.
 */
public final class RollbackPlan {

    /**
     * One changeset to undo, newest first: its history row, what undoing it destroys according to the
     * changelog, and the schema before and after undoing it.
     */
    public record Step(History.Row row, ChangeSetInfo changeSet, List<LossAnalysis.Loss> losses, SchemaModel before,
                SchemaModel after) {

        public ExecType execType() {
            return row.execType();
        }
    }

    private final History history;
    private final List<History.Row> undo;
    private List<Step> steps;

    private RollbackPlan(History history, List<History.Row> undo) {
        this.history = history;
        this.undo = undo;
    }

    /** The target with its migration name checked and in canonical form: fails before anything is opened. */
    public static RollbackTarget resolved(Changelog changelog, RollbackTarget target) {
        if (target instanceof RollbackTarget.ToMigration t) {
            return RollbackTarget.toMigration(changelog.resolve(t.migration()));
        }
        if (target instanceof RollbackTarget.ThroughMigration t) {
            return RollbackTarget.throughMigration(changelog.resolve(t.migration()));
        }
        return target;
    }

    public static RollbackPlan of(History history, RollbackTarget target) {
        Changelog changelog = history.changelog();
        List<History.Row> undo;
        if (target instanceof RollbackTarget.LastMigrations t) {
            undo = lastMigrations(history, t.count());
        } else if (target instanceof RollbackTarget.ToMigration t) {
            undo = after(history, changelog.resolve(t.migration()), false);
        } else if (target instanceof RollbackTarget.ThroughMigration t) {
            undo = after(history, changelog.resolve(t.migration()), true);
        } else if (target instanceof RollbackTarget.ToTag t) {
            undo = afterTag(history.rows(), t.tag());
        } else if (target instanceof RollbackTarget.ToDate t) {
            undo = history.rows().stream().filter(r -> r.executedAt().isAfter(t.instant())).toList();
        } else {
            undo = history.known();
        }
        if (!undo.isEmpty()) {
            requireTail(history.rows(), undo);
        }
        return new RollbackPlan(history, undo);
    }

    /** The rows to undo, in the order they ran. */
    public List<History.Row> rows() {
        return undo;
    }

    public boolean isEmpty() {
        return undo.isEmpty();
    }

    /** The changesets to undo, newest first, each with what undoing it destroys; worked out once. */
    public List<Step> steps() {
        if (steps == null) {
            steps = List.copyOf(workOutSteps());
        }
        return steps;
    }

    private List<Step> workOutSteps() {
        Changelog changelog = history.changelog();
        Set<ChangeSetInfo> current = new LinkedHashSet<>(history.applied());
        Map<String, String> liveNames = new HashMap<>();
        List<Step> steps = new ArrayList<>();
        for (int i = undo.size() - 1; i >= 0; i--) {
            History.Row row = undo.get(i);
            ChangeSetInfo changeSet = history.changeSet(row).orElseThrow();
            SchemaModel before = changelog.expectedSchema(current);
            current.remove(changeSet);
            SchemaModel after = changelog.expectedSchema(current);
            // A changeset recorded MARK_RAN found its change already there; its rollback leaves it in place.
            List<LossAnalysis.Loss> losses = row.execType() == ExecType.MARK_RAN ? List.of()
                    : LossAnalysis.between(before, after).stream().map(loss -> loss.inLive(
                            liveNames.getOrDefault(loss.table() + "." + loss.column(), loss.column()))).toList();
            // A column renamed back by an earlier undo still has its live name in the database.
            LossAnalysis.renames(before, after).forEach((table, renamed) -> renamed.forEach((from, to) ->
                    liveNames.put(table + "." + to, liveNames.getOrDefault(table + "." + from, from))));
            steps.add(new Step(row, changeSet, losses, before, after));
        }
        return steps;
    }

    /** Every loss of every step. */
    public List<LossAnalysis.Loss> losses() {
        return steps().stream().flatMap(step -> step.losses().stream()).toList();
    }

    /** The losses that would destroy rows the database behind {@code session} holds now. */
    public List<DataLoss> atRisk(Session session) {
        return LossAnalysis.count(session.connection, LiveSchema.read(session), losses()).stream()
                .filter(loss -> loss.affectedRows() > 0).toList();
    }

    /** The applied changesets of the last {@code count} migrations that have any applied. */
    private static List<History.Row> lastMigrations(History history, int count) {
        List<History.Row> known = history.known();
        List<String> appliedMigrations = history.changelog().migrations().stream()
                .filter(m -> known.stream().anyMatch(r -> Changelog.migrationOf(r.fileName()).equals(m)))
                .toList();
        Set<String> undo = new HashSet<>(appliedMigrations.subList(Math.max(0, appliedMigrations.size() - count),
                appliedMigrations.size()));
        return known.stream().filter(r -> undo.contains(Changelog.migrationOf(r.fileName()))).toList();
    }

    /** The rows after {@code migration}'s changesets; with {@code inclusive}, its own too. */
    private static List<History.Row> after(History history, String migration, boolean inclusive) {
        Changelog changelog = history.changelog();
        List<ChangeSetInfo> changeSets = changelog.changeSetsOf(migration);
        int bound = inclusive ? changelog.indexOf(changeSets.get(0)) - 1
                : changelog.indexOf(changeSets.get(changeSets.size() - 1));
        return history.known().stream().filter(r -> history.indexOf(r) > bound).toList();
    }

    private static List<History.Row> afterTag(List<History.Row> rows, String tag) {
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (tag.equals(rows.get(i).tag())) {
                return rows.subList(i + 1, rows.size());
            }
        }
        List<String> tags = rows.stream().map(History.Row::tag).filter(t -> t != null && !t.isEmpty()).toList();
        throw new MarsSchemaException(ErrorCode.UNKNOWN_TAG, "No changeset of this database is tagged '" + tag
                + "': use a tag that `history` shows" + (tags.isEmpty() ? " (this database has no tags yet)"
                : " (" + String.join(", ", tags) + ")") + ".");
    }

    /** Liquibase undoes the most recently applied changesets: they must be exactly the ones planned. */
    private static void requireTail(List<History.Row> rows, List<History.Row> undo) {
        List<History.Row> tail = rows.subList(rows.size() - undo.size(), rows.size());
        if (!new HashSet<>(tail).equals(new HashSet<>(undo))) {
            throw new MarsSchemaException(ErrorCode.VALIDATION_FAILED, "The history of this database is not in"
                    + " changelog order (changeset " + tail.get(0).id() + " ran after later ones), so undoing by"
                    + " migration would undo the wrong changesets: check `history`, and roll back by tag or date (API RollbackTarget.toTag, RollbackTarget.toDate).");
        }
    }
}

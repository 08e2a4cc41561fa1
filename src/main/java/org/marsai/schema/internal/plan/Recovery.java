package org.marsai.schema.internal.plan;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.marsai.schema.ChangeSetInfo;
import org.marsai.schema.ErrorCode;
import org.marsai.schema.MarsSchemaException;
import org.marsai.schema.internal.history.History;
import org.marsai.schema.internal.history.HistoryTable;
import org.marsai.schema.internal.jdbc.Failures;
import org.marsai.schema.internal.jdbc.Log;
import org.marsai.schema.internal.jdbc.Session;
import org.marsai.schema.internal.liquibase.Changelog;
import org.marsai.schema.internal.liquibase.LiquibaseCommands;
import org.marsai.schema.internal.liquibase.LiveSchema;
import org.marsai.schema.internal.model.SchemaComparator;
import org.marsai.schema.internal.model.SchemaModel;

/**
 * Brings the history back in line with the schema after a run that was killed (process, connection or
 * server) and left its marker. MySQL commits each DDL statement by itself, so the schema is then either as
 * recorded, or one changeset ahead of the history (its DDL ran, its row was not written) or one behind (a
 * rollback's DDL ran, its row was not removed), or several ahead for an interrupted adoption. If the schema
 * matches none of these, the run goes on and reports the changeset that fails. Runs under the migration lock.
 */
public final class Recovery {

    private final Session session;
    private final Changelog changelog;
    private final LiquibaseCommands liquibase;

    public Recovery(Session session, Changelog changelog, LiquibaseCommands liquibase) {
        this.session = session;
        this.changelog = changelog;
        this.liquibase = liquibase;
    }

    /** The history, read now, as it is after recovery. */
    public History recovered() {
        return recover(History.read(session, changelog));
    }

    /** The history as it is after recovery: {@code history} itself when no run was interrupted. */
    public History recover(History history) {
        if (!history.interrupted()) {
            return history;
        }
        if (!history.unknown().isEmpty()) {
            // The interrupted run may have been the newer version's, over changesets this one cannot model.
            throw new MarsSchemaException(ErrorCode.DATABASE_NEWER_THAN_LIBRARY, "A run on "
                    + session.where() + " was interrupted" + (history.interruptedRun().isEmpty() ? "" : " ("
                    + history.interruptedRun() + ")") + ", and " + history.held().substring(0, 1)
                    .toLowerCase(Locale.ROOT) + history.held().substring(1) + ": only a"
                    + " version that knows every applied changeset can tell what the run left. Run update with the"
                    + " newest version once; it finishes the interrupted run.");
        }
        String run = history.interruptedRun().isEmpty() ? "" : " (" + history.interruptedRun() + ")";
        return reconcile(history, "a previous run on " + session.where() + run + " was interrupted",
                Integer.MAX_VALUE);
    }

    /**
     * After this run failed with its connection still alive: bring the history in line with what the failure
     * can have left (the one changeset under way, its DDL run but its row not written, or its undo run but its
     * row not removed) and remove the marker, so that the next run starts clean. With the connection gone,
     * the marker stays for the next run.
     */
    public void afterFailure(RuntimeException failure) {
        if (Failures.connectionLost(failure) || session.lockLost()) {
            return; // the marker stays for the next run, which holds the lock
        }
        try {
            reconcile(History.read(session, changelog), "this run on " + session.where() + " failed", 1);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** {@code reach}: how many changesets the schema may be ahead of or behind the history. */
    private History reconcile(History history, String what, int reach) {
        HistoryTable table = HistoryTable.ensure(session);
        List<String> restored;
        try {
            restored = GuardedDrop.restore(session);
        } catch (SQLException e) {
            throw Failures.of(e, session.where(), "put back what the interrupted run had moved aside");
        }
        SchemaModel live = LiveSchema.read(session);
        List<ChangeSetInfo> applied = history.applied();
        String outcome;
        History recovered;
        if (!history.gaps().isEmpty()) {
            // A history that lost rows (a repair was cut off): only `repair` may record them, after its check.
            outcome = "its history does not record " + history.gaps().size() + " changeset(s) although later ones are"
                    + " recorded, so nothing was recorded or forgotten; `repair` records them after checking the schema";
            recovered = history;
        } else if (matches(live, expected(applied))) {
            outcome = "the schema matches the history";
            recovered = history;
        } else {
            Optional<List<History.Row>> undone = undone(history, live, Math.min(reach, 3));
            if (undone.isPresent()) {
                undone.get().forEach(table::forget);
                outcome = "the rollback of " + undone.get().stream().map(History.Row::id).toList()
                        + " had run; their history rows were removed";
                recovered = history.without(undone.get());
            } else {
                Optional<List<ChangeSetInfo>> ran = ranUnrecorded(history, live, reach);
                if (ran.isPresent()) {
                    record(table, applied, ran.get());
                    outcome = ran.get().size() + " changeset(s) had run without being recorded, up to "
                            + ran.get().get(ran.get().size() - 1).id() + "; they were recorded";
                    recovered = History.read(session, changelog);
                } else {
                    outcome = "the schema matches no state next to the history, so nothing was recorded or forgotten"
                            + " (see `diff`)";
                    recovered = history;
                }
            }
        }
        table.clearMarker();
        String message = outcome + (restored.isEmpty() ? "" : "; put back what it had moved aside to drop: "
                + String.join(", ", restored));
        if (recovered != history || !restored.isEmpty() || reach > 1) {
            Log.LOG.warn("marsai-schema: {}: {}", what, message);
        } else {
            // this run's own failure, which changed nothing: its error says all
            Log.LOG.debug("marsai-schema: {}: {}", what, message);
        }
        return recovered.markerCleared();
    }

    /** The last one to three recorded changesets, if the schema is what it was before them: their undo ran. */
    private Optional<List<History.Row>> undone(History history, SchemaModel live, int reach) {
        List<History.Row> known = history.known();
        for (int count = 1; count <= Math.min(reach, known.size()); count++) {
            List<History.Row> kept = known.subList(0, known.size() - count);
            List<ChangeSetInfo> keptChangeSets = kept.stream().map(history::changeSet).flatMap(Optional::stream).toList();
            if (matches(live, expected(keptChangeSets))) {
                return Optional.of(List.copyOf(known.subList(known.size() - count, known.size())));
            }
        }
        return Optional.empty();
    }

    /** The pending changesets, from the first, whose DDL the schema already shows. */
    private Optional<List<ChangeSetInfo>> ranUnrecorded(History history, SchemaModel live, int reach) {
        List<ChangeSetInfo> pending = history.pending(Optional.empty());
        SchemaModel model = expected(history.applied());
        if (model == null) {
            return Optional.empty();
        }
        for (int done = 1; done <= Math.min(reach, pending.size()); done++) {
            try {
                model = changelog.after(model, pending.get(done - 1));
            } catch (MarsSchemaException e) {
                return Optional.empty();
            }
            if (matches(live, model)) {
                return Optional.of(pending.subList(0, done));
            }
        }
        return Optional.empty();
    }

    private void record(HistoryTable table, List<ChangeSetInfo> applied, List<ChangeSetInfo> ran) {
        liquibase.changelogSync(ran.get(ran.size() - 1));
        table.recordAsMarkRan(changelog.alreadyPresent(changelog.expectedSchema(applied), ran));
    }

    /**
     * The pending changesets, from the first, whose change the schema already shows although no run of ours was
     * interrupted: a DBA's script stopped between a DDL statement and its history row. {@code repair} records them.
     */
    public Optional<List<ChangeSetInfo>> ranUnrecorded(History history, SchemaModel live) {
        if (!history.gaps().isEmpty() || matches(live, expected(history.applied()))) {
            return Optional.empty();
        }
        return ranUnrecorded(history, live, Integer.MAX_VALUE);
    }

    /** The same, reading the live schema now. */
    public Optional<List<ChangeSetInfo>> ranUnrecorded(History history) {
        return ranUnrecorded(history, LiveSchema.read(session));
    }

    /** Records changesets whose change the schema shows ({@link #ranUnrecorded(History, SchemaModel)}). */
    public void recordRan(HistoryTable table, History history, List<ChangeSetInfo> ran) {
        record(table, history.applied(), ran);
    }

    /** The schema the changesets imply, or null when it cannot be worked out (it then matches nothing). */
    private SchemaModel expected(List<ChangeSetInfo> changeSets) {
        try {
            return changelog.expectedSchema(changeSets);
        } catch (MarsSchemaException e) {
            return null;
        }
    }

    private static boolean matches(SchemaModel live, SchemaModel expected) {
        return expected != null && SchemaComparator.compare(expected, live).isEmpty();
    }
}

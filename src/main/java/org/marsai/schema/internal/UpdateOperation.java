package org.marsai.schema.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.marsai.schema.AdoptionPlan;
import org.marsai.schema.ChangeSetInfo;
import org.marsai.schema.ErrorCode;
import org.marsai.schema.MarsSchemaException;
import org.marsai.schema.UpdateResult;

/**
 * Applies pending changesets: recovers an interrupted run first, adopts a database sequelize-cli built,
 * then lets Liquibase run what is pending, under the migration lock. An up-to-date database is answered
 * without the lock and without starting Liquibase.
 */
public final class UpdateOperation {

    private static final UpdateResult NOTHING = new UpdateResult(List.of(), List.of(), List.of());

    private final Context context;
    /** What {@link #upToDate} read: a history without a row or a marker (the only kind a consolidated install takes). */
    private boolean emptyHistory;

    public UpdateOperation(Context context) {
        this.context = context;
    }

    /** Applies every pending changeset, or those up to and including the migration {@code target}. */
    public UpdateResult update(Optional<String> target) {
        Changelog changelog = context.changelog;
        Optional<String> migration = target.map(changelog::resolve);
        if (upToDate(migration)) {
            return NOTHING;
        }
        if (emptyHistory && context.settings.consolidatedInstall()) {
            Optional<UpdateResult> installed = new ConsolidatedInstall(changelog, context.runner, context.settings).install(migration);
            if (installed.isPresent()) {
                return installed.get();
            }
        }
        return context.runner.underLock("update" + migration.map(m -> " to " + m).orElse(""), true, session -> {
            // Read again under the lock: another process may have changed the history since the check above.
            Recovery recovery = new Recovery(changelog);
            History history = recovery.recover(session, History.read(session, changelog));
            HistoryGuard.requireSafe(history, context.settings.refuseNewerChangesets());
            Optional<String> sequelizeMeta = session.sequelizeMeta();
            Adoption adoption = new Adoption(changelog);
            AdoptionPlan plan = sequelizeMeta.isPresent() && history.isEmpty()
                    ? adoption.plan(session, sequelizeMeta.get()) : null;
            List<ChangeSetInfo> pending = plan != null ? changelog.upTo(plan.remaining(), migration)
                    : history.pending(migration);
            if (plan == null && pending.isEmpty()) {
                Adoption.syncSequelizeMeta(session, sequelizeMeta, changelog, history.applied());
                return NOTHING;
            }
            if (plan != null) {
                Adoption.refuseUnlessPossible(plan);
            }
            Preflight.require(session, history, pending, context.settings);
            String historyTable = HistoryTable.ensure(session);
            HistoryTable.mark(session, historyTable, "update");
            List<ChangeSetInfo> adopted = List.of();
            if (plan != null) {
                adoption.record(session, historyTable, plan);
                adopted = plan.changeSetsToRecord();
            }
            ChangeSetListener listener = new ChangeSetListener(session);
            List<ChangeSetInfo> applied = new ArrayList<>(history.applied());
            applied.addAll(adopted);
            try {
                new MetadataLocks(session).retryingCommand(() -> listener.failed == null ? "apply the pending changesets"
                        : "apply changeset " + listener.failed.id() + " of migration " + listener.failed.migration(), () -> {
                            LiquibaseCommands.update(session.database(), migration, listener);
                            return null;
                        });
            } catch (MarsSchemaException e) {
                MarsSchemaException failure = withDrift(session, e);
                recovery.afterFailure(session, failure);
                failure = recordedByRecovery(session, failure, listener.failed);
                applied.addAll(listener.executed);
                applied.addAll(listener.markedRan);
                Adoption.syncSequelizeMetaAfterFailure(session, sequelizeMeta, changelog, applied, failure);
                throw failure;
            }
            applied.addAll(listener.executed);
            applied.addAll(listener.markedRan);
            Adoption.syncSequelizeMeta(session, sequelizeMeta, changelog, applied);
            HistoryTable.clearMarker(session, historyTable);
            UpdateResult result = new UpdateResult(listener.executed, listener.markedRan, adopted);
            Log.LOG.info("marsai-schema: update of {} done: {} changeset(s) executed, {} recorded as already"
                    + " present, {} adopted from SequelizeMeta", session.where(), result.executed().size(),
                    result.markedRan().size(), adopted.size());
            return result;
        });
    }

    /**
     * The common case at every start of an application: nothing to do. Answered with one query and no
     * lock, without starting Liquibase; anything else (an empty history, an interrupted run, something
     * pending) goes the full way, under the lock.
     */
    private boolean upToDate(Optional<String> migration) {
        return context.runner.withSession(session -> {
            History history = History.read(session, context.changelog);
            emptyHistory = history.isEmpty() && !history.interrupted();
            if (history.interrupted() || history.isEmpty()) {
                return false;
            }
            HistoryGuard.requireSafe(history, context.settings.refuseNewerChangesets());
            boolean upToDate = history.pending(migration).isEmpty();
            List<History.Row> newer = HistoryGuard.tolerated(history, context.settings.refuseNewerChangesets());
            if (upToDate && !newer.isEmpty()) {
                Log.LOG.warn("marsai-schema: {} was migrated by a newer version: its history holds {} changeset(s)"
                        + " this version does not know ({}). Every changeset this version knows is applied, so the"
                        + " update changes nothing and leaves them alone; use the newer version for rollbacks, repair"
                        + " and diff (refuseNewerChangesets makes this an error)", session.where(), newer.size(),
                        HistoryGuard.ids(newer));
            } else if (upToDate) {
                Log.LOG.info("marsai-schema: {} is up to date ({} changeset(s) applied), nothing to do",
                        session.where(), history.applied().size());
            }
            return upToDate;
        });
    }

    /**
     * A changeset that failed because the schema already had its change (a DBA's script ran it and stopped before
     * its history row), which recovery then recorded: said as it is, with the one thing left to do.
     */
    private MarsSchemaException recordedByRecovery(Session session, MarsSchemaException failure, ChangeSetInfo failed) {
        if (failure.code() != ErrorCode.MIGRATION_FAILED || failed == null || Failures.connectionLost(failure)) {
            return failure;
        }
        try {
            if (!History.read(session, context.changelog).applied().contains(failed)) {
                return failure;
            }
        } catch (RuntimeException e) {
            return failure;
        }
        return new MarsSchemaException(failure.code(), "Changeset " + failed.id() + " of migration " + failed.migration()
                + " failed (" + Failures.oneLine(Failures.rootMessage(failure)) + ") because the schema already had its"
                + " change, which no history row recorded (a script that ran it stopped before its history row?);"
                + " the schema matches it exactly, so it is now recorded as run: run update again.", failure.getCause());
    }

    /** A failed changeset's message, with how the schema differs from what the history implies, if it does. */
    private MarsSchemaException withDrift(Session session, MarsSchemaException failure) {
        if (failure.code() != ErrorCode.MIGRATION_FAILED) {
            return failure;
        }
        try {
            History now = History.read(session, context.changelog);
            List<org.marsai.schema.Difference> differences = SchemaComparator.compare(
                    context.changelog.expectedSchema(now.applied()), SchemaReader.read(session));
            if (differences.isEmpty()) {
                return failure;
            }
            return new MarsSchemaException(failure.code(), failure.getMessage() + " The schema also differs from what"
                    + " the applied changesets imply (" + String.join("; ", differences.stream().limit(5)
                    .map(org.marsai.schema.Difference::message).toList()) + (differences.size() > 5 ? "; …" : "")
                    + "): see `diff`, bring those objects in line, and run update again.", failure.getCause());
        } catch (RuntimeException e) {
            return failure;
        }
    }
}

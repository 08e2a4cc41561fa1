package org.marsai.schema.internal.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.marsai.schema.AdoptionPlan;
import org.marsai.schema.ChangeSetInfo;
import org.marsai.schema.Difference;
import org.marsai.schema.ErrorCode;
import org.marsai.schema.MarsSchemaException;
import org.marsai.schema.UpdateResult;
import org.marsai.schema.internal.history.History;
import org.marsai.schema.internal.history.HistoryTable;
import org.marsai.schema.internal.jdbc.Failures;
import org.marsai.schema.internal.jdbc.Log;
import org.marsai.schema.internal.jdbc.Session;
import org.marsai.schema.internal.liquibase.Changelog;
import org.marsai.schema.internal.liquibase.LiquibaseCommands;
import org.marsai.schema.internal.lock.MetadataLocks;
import org.marsai.schema.internal.plan.Adoption;
import org.marsai.schema.internal.plan.Drift;
import org.marsai.schema.internal.plan.Preflight;
import org.marsai.schema.internal.plan.Recovery;

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
            LiquibaseCommands liquibase = LiquibaseCommands.on(session);
            Recovery recovery = new Recovery(session, changelog, liquibase);
            History history = recovery.recovered();
            history.requireSafe(context.settings.refuseNewerChangesets());
            Adoption adoption = new Adoption(session, changelog);
            Optional<String> sequelizeMeta = adoption.sequelizeMeta();
            AdoptionPlan plan = sequelizeMeta.isPresent() && history.isEmpty()
                    ? adoption.plan(sequelizeMeta.get()) : null;
            List<ChangeSetInfo> pending = plan != null ? changelog.upTo(plan.remaining(), migration)
                    : history.pending(migration);
            if (plan == null && pending.isEmpty()) {
                adoption.syncSequelizeMeta(history.applied());
                return NOTHING;
            }
            if (plan != null) {
                Adoption.refuseUnlessPossible(plan);
            }
            Preflight.require(session, history, pending, context.settings);
            HistoryTable historyTable = HistoryTable.ensure(session);
            historyTable.mark("update");
            List<ChangeSetInfo> adopted = List.of();
            if (plan != null) {
                adoption.record(historyTable, liquibase, plan);
                adopted = plan.changeSetsToRecord();
            }
            List<ChangeSetInfo> applied = new ArrayList<>(history.applied());
            applied.addAll(adopted);
            try {
                new MetadataLocks(session).retryingCommand(() -> liquibase.failed() == null
                        ? "apply the pending changesets" : "apply changeset " + liquibase.failed().id()
                        + " of migration " + liquibase.failed().migration(), () -> {
                            liquibase.update(migration);
                            return null;
                        });
            } catch (MarsSchemaException e) {
                MarsSchemaException failure = withDrift(session, e);
                recovery.afterFailure(failure);
                failure = recordedByRecovery(session, failure, liquibase.failed());
                applied.addAll(liquibase.executed());
                applied.addAll(liquibase.markedRan());
                adoption.syncSequelizeMetaAfterFailure(applied, failure);
                throw failure;
            }
            applied.addAll(liquibase.executed());
            applied.addAll(liquibase.markedRan());
            adoption.syncSequelizeMeta(applied);
            historyTable.clearMarker();
            UpdateResult result = new UpdateResult(liquibase.executed(), liquibase.markedRan(), adopted);
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
            history.requireSafe(context.settings.refuseNewerChangesets());
            boolean upToDate = history.pending(migration).isEmpty();
            List<History.Row> newer = history.tolerated(context.settings.refuseNewerChangesets());
            if (upToDate && !newer.isEmpty()) {
                Log.LOG.warn("marsai-schema: {} was migrated by a newer version: its history holds {} changeset(s)"
                        + " this version does not know ({}). Every changeset this version knows is applied, so the"
                        + " update changes nothing and leaves them alone; use the newer version for rollbacks, repair"
                        + " and diff (refuseNewerChangesets makes this an error)", session.where(), newer.size(),
                        History.ids(newer));
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
            List<Difference> differences = new Drift(session, context.changelog).from(now.applied());
            if (differences.isEmpty()) {
                return failure;
            }
            return new MarsSchemaException(failure.code(), failure.getMessage() + " The schema also differs from what"
                    + " the applied changesets imply (" + String.join("; ", differences.stream().limit(5)
                    .map(Difference::message).toList()) + (differences.size() > 5 ? "; …" : "")
                    + "): see `diff`, bring those objects in line, and run update again.", failure.getCause());
        } catch (RuntimeException e) {
            return failure;
        }
    }
}

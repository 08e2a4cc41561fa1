package org.marsai.schema.internal.command;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.marsai.schema.ChangeSetInfo;
import org.marsai.schema.DataLoss;
import org.marsai.schema.LockTimeoutException;
import org.marsai.schema.MarsSchemaException;
import org.marsai.schema.RollbackRefusedException;
import org.marsai.schema.RollbackResult;
import org.marsai.schema.RollbackTarget;
import org.marsai.schema.internal.jdbc.ServerErrors;
import org.marsai.schema.internal.liquibase.LiveSchema;
import org.marsai.schema.internal.history.History;
import org.marsai.schema.internal.history.HistoryGuard;
import org.marsai.schema.internal.history.HistoryTable;
import org.marsai.schema.internal.jdbc.Failures;
import org.marsai.schema.internal.jdbc.Log;
import org.marsai.schema.internal.jdbc.Session;
import org.marsai.schema.internal.liquibase.ChangeSetListener;
import org.marsai.schema.internal.liquibase.LiquibaseCommands;
import org.marsai.schema.internal.lock.MetadataLocks;
import org.marsai.schema.internal.model.LossAnalysis;
import org.marsai.schema.internal.plan.Adoption;
import org.marsai.schema.internal.plan.ApplicationReferences;
import org.marsai.schema.internal.plan.GuardedDrop;
import org.marsai.schema.internal.plan.Recovery;
import org.marsai.schema.internal.plan.RollbackPlan;
import org.marsai.schema.internal.liquibase.LiquibaseDatabase;

/**
 * Undoes recorded changesets, newest first, under the migration lock: plans which ones, checks what that
 * would destroy and refuses before changing anything unless data loss is allowed, then undoes them. A step
 * that drops tables or columns does so through {@link GuardedDrop}, so that rows written while the rollback
 * runs stop it instead of being lost; other steps run as the changelog says, in strict mode, where the
 * server itself refuses to drop a value (an ENUM value in use, a NULL into NOT NULL).
 */
public final class RollbackOperation {

    private final Context context;

    public RollbackOperation(Context context) {
        this.context = context;
    }

    public RollbackResult rollback(RollbackTarget requested) {
        RollbackTarget target = RollbackPlan.resolved(context.changelog, requested);
        boolean allowDataLoss = context.settings.allowDataLoss();
        String operation = "rollback of " + target.description();
        return context.runner.underLock(operation, !allowDataLoss, session -> {
            Recovery recovery = new Recovery(context.changelog);
            History history = recovery.recover(session, History.read(session, context.changelog));
            HistoryGuard.requireUndoable(history);
            RollbackPlan plan = RollbackPlan.of(history, target);
            if (plan.isEmpty()) {
                return new RollbackResult(List.of());
            }
            new ApplicationReferences(context.changelog).requireNoneBlock(session, plan);
            List<DataLoss> atRisk = LossAnalysis.count(session.connection, LiveSchema.read(session), plan.losses())
                    .stream().filter(loss -> loss.affectedRows() > 0).toList();
            if (!atRisk.isEmpty() && !allowDataLoss) {
                throw new RollbackRefusedException(atRisk);
            }
            String historyTable = HistoryTable.ensure(session);
            HistoryTable.mark(session, historyTable, operation);
            HistoryTable.alignTimesWithOrder(session, historyTable, history);
            List<ChangeSetInfo> undone = new ArrayList<>();
            List<ChangeSetInfo> applied = new ArrayList<>(history.applied());
            try {
                undo(session, historyTable, plan.steps(), allowDataLoss, undone);
            } catch (RuntimeException e) {
                recovery.afterFailure(session, e);
                applied.removeAll(undone);
                Adoption.syncSequelizeMetaAfterFailure(session, session.tables().sequelizeMeta(), context.changelog, applied, e);
                throw e;
            }
            applied.removeAll(undone);
            Adoption.syncSequelizeMeta(session, session.tables().sequelizeMeta(), context.changelog, applied);
            HistoryTable.clearMarker(session, historyTable);
            Log.LOG.info("marsai-schema: rollback of {} done: {} changeset(s) undone{}", session.where(),
                    undone.size(), atRisk.isEmpty() ? "" : ", data loss allowed: " + atRisk);
            return new RollbackResult(undone);
        });
    }

    /**
     * Undoes the steps in order: each one that only drops goes through a guarded drop; the others run in
     * Liquibase, consecutive ones in one call.
     */
    private void undo(Session session, String historyTable, List<RollbackPlan.Step> steps, boolean allowDataLoss,
                      List<ChangeSetInfo> undone) {
        List<Optional<GuardedDrop.Plan>> guards = steps.stream().map(step -> allowDataLoss || step.losses().isEmpty()
                ? Optional.<GuardedDrop.Plan>empty() : GuardedDrop.of(step.before(), step.after())).toList();
        ChangeSetListener listener = new ChangeSetListener(session);
        MetadataLocks waits = new MetadataLocks(session);
        int next = 0;
        while (next < steps.size()) {
            RollbackPlan.Step step = steps.get(next);
            requireLock(session);
            if (guards.get(next).isPresent()) {
                List<DataLoss> written;
                try {
                    written = GuardedDrop.run(session, guards.get(next).get(), waits);
                } catch (SQLException e) {
                    throw Failures.of(e, session.where(), "undo changeset " + step.changeSet().id());
                }
                if (!written.isEmpty()) {
                    throw stopped(step.changeSet(), written, undone);
                }
                HistoryTable.forget(session, historyTable, step.row());
                undone.add(step.changeSet());
                next++;
                continue;
            }
            int run = 1;
            while (next + run < steps.size() && guards.get(next + run).isEmpty()) {
                run++;
            }
            int before = listener.rolledBack.size();
            try {
                LiquibaseCommands.rollback(LiquibaseDatabase.of(session), run, listener);
            } catch (MarsSchemaException e) {
                List<ChangeSetInfo> done = listener.rolledBack.subList(before, listener.rolledBack.size());
                undone.addAll(done);
                if (MetadataLocks.timedOut(e) && !(e instanceof LockTimeoutException)) {
                    // waited for an application's transaction: stepped back, tried again from where it stopped
                    waits.pauseOrGiveUp("undo changeset " + (listener.failed == null ? step.changeSet()
                            : listener.failed).id(), e);
                    next += done.size();
                    continue;
                }
                throw allowDataLoss ? e : refusedIfStrict(e, listener, undone);
            }
            undone.addAll(listener.rolledBack.subList(before, listener.rolledBack.size()));
            next += run;
        }
    }

    private static void requireLock(Session session) {
        boolean held;
        try {
            held = !session.lockLost() && session.fence();
            if (!session.connection.getAutoCommit()) {
                session.connection.commit(); // the lease row is not kept locked while the step runs
            }
        } catch (SQLException e) {
            throw Failures.of(e, session.where(), "check the migration lock");
        }
        if (!held) {
            throw new LockTimeoutException("The migration lock on " + session.where() + " was lost (its lease could"
                    + " not be renewed in time), so this rollback stopped between two changesets; run it again.");
        }
    }

    /** A strict server's refusal to destroy a value written while the rollback ran, as the refusal it is. */
    private static MarsSchemaException refusedIfStrict(MarsSchemaException failure, ChangeSetListener listener,
                                                       List<ChangeSetInfo> undone) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ServerErrors.strictRefusal(sql) && listener.failed != null) {
                return stopped(listener.failed, List.of(new DataLoss(listener.failed.migration(), "",
                        "the server refused to undo changeset " + listener.failed.id() + " in strict mode: "
                                + Failures.oneLine(sql.getMessage()), 0)), undone);
            }
        }
        return failure;
    }

    private static RollbackRefusedException stopped(ChangeSetInfo changeSet, List<DataLoss> written,
                                                    List<ChangeSetInfo> undone) {
        return new RollbackRefusedException("Rollback stopped at changeset " + changeSet.id() + " of migration "
                + changeSet.migration() + ": undoing it would destroy data written while the rollback ran ("
                + String.join("; ", written.stream().map(DataLoss::message).toList()) + "). Nothing was lost; "
                + (undone.isEmpty() ? "nothing was undone." : "the " + undone.size() + " changeset(s) undone before"
                + " it stay undone (see `status`; `update` applies them again).") + " Back the data up or move it, or"
                + " allow the loss explicitly (CLI --allow-data-loss, API configure()...allowDataLoss(true)).", written);
    }
}

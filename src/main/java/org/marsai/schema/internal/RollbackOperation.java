package org.marsai.schema.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.marsai.schema.ChangeSetInfo;
import org.marsai.schema.DataLoss;
import org.marsai.schema.RollbackRefusedException;
import org.marsai.schema.RollbackResult;
import org.marsai.schema.RollbackTarget;

/**
 * Undoes recorded changesets, newest first, under the migration lock: plans which ones, checks what that
 * would destroy and refuses before changing anything unless data loss is allowed, then lets Liquibase undo
 * them.
 */
public final class RollbackOperation {

    private final Context context;

    public RollbackOperation(Context context) {
        this.context = context;
    }

    public RollbackResult rollback(RollbackTarget requested) {
        RollbackTarget target = RollbackPlan.resolved(context.changelog, requested);
        boolean allowDataLoss = context.settings.allowDataLoss();
        return context.runner.underLock("rollback of " + target.description(), !allowDataLoss, session -> {
            History history = new Recovery(context.changelog).recover(session,
                    History.read(session.connection, context.changelog));
            HistoryGuard.requireSafe(history);
            RollbackPlan plan = RollbackPlan.of(history, target);
            if (plan.isEmpty()) {
                return new RollbackResult(List.of());
            }
            List<DataLoss> atRisk = LossAnalysis.count(session.connection, SchemaReader.read(session), plan.losses())
                    .stream().filter(loss -> loss.affectedRows() > 0).toList();
            if (!atRisk.isEmpty() && !allowDataLoss) {
                throw new RollbackRefusedException(atRisk);
            }
            String historyTable = HistoryTable.ensure(session);
            HistoryTable.mark(session.connection, historyTable, "rollback of " + target.description());
            ChangeSetListener listener = new ChangeSetListener();
            Optional<String> sequelizeMeta = Sequelize.table(session.connection);
            try {
                LiquibaseCommands.rollback(session.database(), plan.rows().size(), listener);
            } finally {
                List<ChangeSetInfo> applied = new ArrayList<>(history.applied());
                applied.removeAll(listener.rolledBack);
                Adoption.syncSequelizeMeta(session, sequelizeMeta, context.changelog, applied);
            }
            HistoryTable.clearMarker(session.connection, historyTable);
            Runner.LOG.info("marsai-schema: rollback of {} done: {} changeset(s) undone{}", session.where(),
                    listener.rolledBack.size(), atRisk.isEmpty() ? "" : ", data loss allowed: " + atRisk);
            return new RollbackResult(listener.rolledBack);
        });
    }
}

package org.marsai.schema.internal.command;

import java.util.ArrayList;
import java.util.List;

import org.marsai.schema.ChangeSetInfo;
import org.marsai.schema.DataLoss;
import org.marsai.schema.RollbackRefusedException;
import org.marsai.schema.RollbackResult;
import org.marsai.schema.RollbackTarget;
import org.marsai.schema.internal.history.History;
import org.marsai.schema.internal.history.HistoryTable;
import org.marsai.schema.internal.jdbc.Log;
import org.marsai.schema.internal.liquibase.LiquibaseCommands;
import org.marsai.schema.internal.plan.Adoption;
import org.marsai.schema.internal.plan.ApplicationReferences;
import org.marsai.schema.internal.plan.Recovery;
import org.marsai.schema.internal.plan.RollbackPlan;
import org.marsai.schema.internal.plan.Undo;

/**
 * Undoes recorded changesets, newest first, under the migration lock: plans which ones, checks what that
 * would destroy and refuses before changing anything unless data loss is allowed, then undoes them
 * ({@link Undo}: guarded drops, so that rows written meanwhile stop the rollback instead of being lost).
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
            LiquibaseCommands liquibase = LiquibaseCommands.on(session);
            Recovery recovery = new Recovery(session, context.changelog, liquibase);
            History history = recovery.recovered();
            history.requireUndoable();
            RollbackPlan plan = RollbackPlan.of(history, target);
            if (plan.isEmpty()) {
                return new RollbackResult(List.of());
            }
            new ApplicationReferences(context.changelog).requireNoneBlock(session, plan);
            List<DataLoss> atRisk = plan.atRisk(session);
            if (!atRisk.isEmpty() && !allowDataLoss) {
                throw new RollbackRefusedException(atRisk);
            }
            HistoryTable historyTable = HistoryTable.ensure(session);
            historyTable.mark(operation);
            historyTable.alignTimesWithOrder(history);
            Adoption sequelize = new Adoption(session, context.changelog);
            List<ChangeSetInfo> undone = new ArrayList<>();
            List<ChangeSetInfo> applied = new ArrayList<>(history.applied());
            try {
                new Undo(session, historyTable, liquibase, allowDataLoss).run(plan.steps(), undone);
            } catch (RuntimeException e) {
                recovery.afterFailure(e);
                applied.removeAll(undone);
                sequelize.syncSequelizeMetaAfterFailure(applied, e);
                throw e;
            }
            applied.removeAll(undone);
            sequelize.syncSequelizeMeta(applied);
            historyTable.clearMarker();
            Log.LOG.info("marsai-schema: rollback of {} done: {} changeset(s) undone{}", session.where(),
                    undone.size(), atRisk.isEmpty() ? "" : ", data loss allowed: " + atRisk);
            return new RollbackResult(undone);
        });
    }
}

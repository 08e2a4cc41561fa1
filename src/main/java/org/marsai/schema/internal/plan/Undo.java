package org.marsai.schema.internal.plan;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.marsai.schema.ChangeSetInfo;
import org.marsai.schema.DataLoss;
import org.marsai.schema.LockTimeoutException;
import org.marsai.schema.MarsSchemaException;
import org.marsai.schema.RollbackRefusedException;
import org.marsai.schema.internal.history.HistoryTable;
import org.marsai.schema.internal.jdbc.Failures;
import org.marsai.schema.internal.jdbc.ServerErrors;
import org.marsai.schema.internal.jdbc.Session;
import org.marsai.schema.internal.liquibase.LiquibaseCommands;
import org.marsai.schema.internal.lock.MetadataLocks;

/**
 * Undoes a rollback plan's steps in order, under the migration lock. A step that drops tables or columns does so
 * through {@link GuardedDrop}, so that rows written while the rollback runs stop it instead of being lost (unless
 * data loss is allowed); other steps run as the changelog says, in Liquibase, in strict mode, where the server
 * itself refuses to drop a value (an ENUM value in use, a NULL into NOT NULL).
 */
public final class Undo {

    private final Session session;
    private final HistoryTable historyTable;
    private final LiquibaseCommands liquibase;
    private final boolean allowDataLoss;

    public Undo(Session session, HistoryTable historyTable, LiquibaseCommands liquibase, boolean allowDataLoss) {
        this.session = session;
        this.historyTable = historyTable;
        this.liquibase = liquibase;
        this.allowDataLoss = allowDataLoss;
    }

    /**
     * Undoes the steps in order, adding each changeset undone to {@code undone}: each one that only drops goes
     * through a guarded drop; the others run in Liquibase, consecutive ones in one call.
     */
    public void run(List<RollbackPlan.Step> steps, List<ChangeSetInfo> undone) {
        List<Optional<GuardedDrop.Plan>> guards = steps.stream().map(step -> allowDataLoss || step.losses().isEmpty()
                ? Optional.<GuardedDrop.Plan>empty() : GuardedDrop.of(step.before(), step.after())).toList();
        MetadataLocks waits = new MetadataLocks(session);
        int next = 0;
        while (next < steps.size()) {
            RollbackPlan.Step step = steps.get(next);
            requireLock();
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
                historyTable.forget(step.row());
                undone.add(step.changeSet());
                next++;
                continue;
            }
            int run = 1;
            while (next + run < steps.size() && guards.get(next + run).isEmpty()) {
                run++;
            }
            List<ChangeSetInfo> rolledBack = liquibase.rolledBack();
            int before = rolledBack.size();
            try {
                liquibase.rollback(run);
            } catch (MarsSchemaException e) {
                List<ChangeSetInfo> done = rolledBack.subList(before, rolledBack.size());
                undone.addAll(done);
                if (MetadataLocks.timedOut(e) && !(e instanceof LockTimeoutException)) {
                    // waited for an application's transaction: stepped back, tried again from where it stopped
                    waits.pauseOrGiveUp("undo changeset " + (liquibase.failed() == null ? step.changeSet()
                            : liquibase.failed()).id(), e);
                    next += done.size();
                    continue;
                }
                throw allowDataLoss ? e : refusedIfStrict(e, undone);
            }
            undone.addAll(rolledBack.subList(before, rolledBack.size()));
            next += run;
        }
    }

    private void requireLock() {
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
    private MarsSchemaException refusedIfStrict(MarsSchemaException failure, List<ChangeSetInfo> undone) {
        ChangeSetInfo failed = liquibase.failed();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ServerErrors.strictRefusal(sql) && failed != null) {
                return stopped(failed, List.of(new DataLoss(failed.migration(), "",
                        "the server refused to undo changeset " + failed.id() + " in strict mode: "
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

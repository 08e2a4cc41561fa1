package org.marsai.schema.internal.liquibase;

import java.util.ArrayList;
import java.util.List;

import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.database.Database;
import org.marsai.schema.ChangeSetInfo;
import org.marsai.schema.LockTimeoutException;
import org.marsai.schema.internal.jdbc.Session;

/** Collects what a Liquibase command ran, recorded as already present, rolled back, or failed on. */
public final class ChangeSetListener extends AbstractChangeExecListener {

    private final Session session;

    public final List<ChangeSetInfo> executed = new ArrayList<>();
    public final List<ChangeSetInfo> markedRan = new ArrayList<>();
    public final List<ChangeSetInfo> rolledBack = new ArrayList<>();
    public ChangeSetInfo failed;

    public ChangeSetListener(Session session) {
        this.session = session;
    }

    /** A run whose lease was taken over stops before its next changeset: another run now holds the lock. */
    @Override
    public void willRun(ChangeSet changeSet, DatabaseChangeLog log, Database database, ChangeSet.RunStatus runStatus) {
        if (session.lockLost()) {
            throw new LockTimeoutException("The migration lock on " + session.where() + " was lost (its lease could"
                    + " not be renewed in time), so this run stopped before changeset " + changeSet.getId()
                    + "; run it again.");
        }
    }

    @Override
    public void ran(ChangeSet changeSet, DatabaseChangeLog log, Database database, ChangeSet.ExecType execType) {
        if (execType == ChangeSet.ExecType.MARK_RAN) {
            markedRan.add(Changelog.info(changeSet));
        } else if (execType != ChangeSet.ExecType.SKIPPED) {
            executed.add(Changelog.info(changeSet));
        }
    }

    @Override
    public void rolledBack(ChangeSet changeSet, DatabaseChangeLog log, Database database) {
        rolledBack.add(Changelog.info(changeSet));
    }

    @Override
    public void runFailed(ChangeSet changeSet, DatabaseChangeLog log, Database database, Exception exception) {
        failed = Changelog.info(changeSet);
    }

    @Override
    public void rollbackFailed(ChangeSet changeSet, DatabaseChangeLog log, Database database, Exception exception) {
        failed = Changelog.info(changeSet);
    }
}

package org.marsai.schema.internal.lock;

import liquibase.database.Database;
import liquibase.database.core.MySQLDatabase;
import liquibase.exception.LockException;
import liquibase.lockservice.DatabaseChangeLogLock;
import liquibase.lockservice.LockService;
import org.marsai.schema.internal.command.Runner;
import org.marsai.schema.internal.jdbc.Session;
import org.marsai.schema.internal.liquibase.LiquibaseDatabase;

/**
 * Liquibase's lock service for the databases this library opens only: the migration lock is already held
 * by the operation that runs Liquibase ({@link Runner}), so Liquibase's own locking steps take nothing and
 * create no table. Other Liquibase users in the same JVM keep Liquibase's own lock service.
 */
public class HeldLockService implements LockService {

    private Database database;

    @Override
    public int getPriority() {
        return PRIORITY_DATABASE + 100;
    }

    @Override
    public boolean supports(Database database) {
        return database instanceof MySQLDatabase && LiquibaseDatabase.sessionOf(database) != null;
    }

    @Override
    public void setDatabase(Database database) {
        this.database = database;
    }

    @Override
    public void setChangeLogLockWaitTime(long changeLogLockWaitTime) {
        // The wait is the library's: it takes the lock before Liquibase asks for it.
    }

    @Override
    public void setChangeLogLockRecheckTime(long changeLogLockRecheckTime) {
        // nothing to poll
    }

    @Override
    public boolean hasChangeLogLock() {
        return acquired();
    }

    @Override
    public void waitForLock() throws LockException {
        if (!acquired()) {
            throw new LockException("The migration lock on " + database.getDefaultCatalogName() + " was lost.");
        }
    }

    @Override
    public boolean acquireLock() {
        return acquired();
    }

    /**
     * Whether the operation running Liquibase holds the migration lock; an operation that only previews
     * holds none and needs none, since it changes nothing.
     */
    private boolean acquired() {
        Session session = LiquibaseDatabase.sessionOf(database);
        return session == null || !session.lockLost();
    }

    @Override
    public void releaseLock() {
        // Released by the operation that took it.
    }

    @Override
    public DatabaseChangeLogLock[] listLocks() {
        return new DatabaseChangeLogLock[0];
    }

    @Override
    public void forceReleaseLock() {
        // Released by the operation that took it.
    }

    @Override
    public void reset() {
        // nothing held here
    }

    @Override
    public void init() {
        // No lock table: the lock is the library's.
    }

    @Override
    public void destroy() {
        // Nothing persistent to remove.
    }
}

package org.marsai.schema.internal;

import java.sql.Connection;
import java.sql.SQLException;

import liquibase.database.Database;
import liquibase.database.core.MySQLDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.lockservice.DatabaseChangeLogLock;
import liquibase.lockservice.LockService;
import liquibase.exception.LockException;

/**
 * Liquibase's lock, for the databases this library opens only: the same {@code GET_LOCK} as
 * {@link MigrationLock}, so it dies with the connection. Other Liquibase users in the same JVM keep
 * Liquibase's own lock service.
 */
public class MarsLockService implements LockService {

    private Database database;
    private boolean held;

    @Override
    public int getPriority() {
        return PRIORITY_DATABASE + 100;
    }

    @Override
    public boolean supports(Database database) {
        return database instanceof MySQLDatabase && Session.isOwn(database);
    }

    @Override
    public void setDatabase(Database database) {
        this.database = database;
    }

    @Override
    public void setChangeLogLockWaitTime(long changeLogLockWaitTime) {
        // The wait is the engine's: it takes the lock before Liquibase asks for it.
    }

    @Override
    public void setChangeLogLockRecheckTime(long changeLogLockRecheckTime) {
        // GET_LOCK waits on the server; there is nothing to poll.
    }

    @Override
    public boolean hasChangeLogLock() {
        return held;
    }

    @Override
    public void waitForLock() throws LockException {
        if (!acquireLock()) {
            throw new LockException("The migration lock on " + schema() + " is held by another process.");
        }
    }

    @Override
    public boolean acquireLock() throws LockException {
        if (held) {
            return true;
        }
        try {
            held = MigrationLock.tryAcquire(connection(), schema());
            return held;
        } catch (SQLException e) {
            throw new LockException(e);
        }
    }

    @Override
    public void releaseLock() {
        if (held) {
            MigrationLock.release(connection(), schema());
            held = false;
        }
    }

    @Override
    public DatabaseChangeLogLock[] listLocks() {
        return new DatabaseChangeLogLock[0];
    }

    @Override
    public void forceReleaseLock() {
        releaseLock();
    }

    @Override
    public void reset() {
        held = false;
    }

    @Override
    public void init() {
        // No lock table: the lock lives in the server's session.
    }

    @Override
    public void destroy() {
        // Nothing persistent to remove.
    }

    private Connection connection() {
        return ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
    }

    private String schema() {
        return database.getDefaultCatalogName();
    }
}

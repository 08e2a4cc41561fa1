package org.marsai.schema.internal;

import java.time.Duration;

/**
 * The migration lock: one run at a time changes a database, across every process and every node of a
 * cluster. On a single server it is the server's named lock ({@link ServerLock}), which the server drops the
 * moment its holder's connection ends; on a cluster, where named locks are local to one node, a lease in
 * Liquibase's lock table ({@link LeaseLock}), renewed while held and taken over once it expires.
 */
interface MigrationLock {

    /** Takes the lock, waiting up to {@code wait}; fails naming the holder. */
    void acquire(Duration wait);

    /** Whether this run still holds the lock: a lease can be lost if it could not be renewed in time. */
    boolean isHeld();

    /**
     * Whether the lock is provably this run's now, checked on {@code connection} inside its open transaction
     * (locking what it reads until that transaction ends), so that a write in the same transaction happens only
     * while it is held. A server's named lock cannot be lost while its connection lives: always true.
     */
    default boolean fence(java.sql.Connection connection) throws java.sql.SQLException {
        return true;
    }

    void release();

    /** Who holds it, for markers and messages: user, host, process and operation. */
    String owner();

    /** Which lock this is, for the log. */
    String description();

    /** Who the lock is for, as {@code user@host pid N: operation}. */
    static String owner(String operation) {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "unknown host";
        }
        return System.getProperty("user.name", "?") + "@" + host + " pid " + ProcessHandle.current().pid() + ": "
                + operation;
    }
}

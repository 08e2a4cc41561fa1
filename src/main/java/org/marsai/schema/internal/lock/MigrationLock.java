package org.marsai.schema.internal.lock;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;

import org.marsai.schema.internal.jdbc.HeldLock;

/**
 * The migration lock: one run at a time changes a database, across every process and every node of a
 * cluster. On a single server it is the server's named lock ({@link ServerLock}), which the server drops the
 * moment its holder's connection ends; on a cluster, where named locks are local to one node, a lease in
 * Liquibase's lock table ({@link LeaseLock}), renewed while held and taken over once it expires.
 */
public interface MigrationLock extends HeldLock {

    /** Takes the lock, waiting up to {@code wait}; fails naming the holder. */
    void acquire(Duration wait);

    void release();

    /** Which lock this is, for the log. */
    String description();

    /** Who the lock is for, as {@code user@host pid N: operation}. */
    static String owner(String operation) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown host";
        }
        return System.getProperty("user.name", "?") + "@" + host + " pid " + ProcessHandle.current().pid() + ": "
                + operation;
    }
}

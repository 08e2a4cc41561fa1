package org.marsai.schema.internal.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** The migration lock as a session working under it sees it: who holds it, and whether this run still does. */
public interface HeldLock {

    /** Who holds it, for markers and messages: user, host, process and operation. */
    String owner();

    /** Whether this run still holds the lock: a lease can be lost if it could not be renewed in time. */
    boolean isHeld();

    /**
     * Whether the lock is provably this run's now, checked on {@code connection} inside its open transaction
     * (locking what it reads until that transaction ends), so that a write in the same transaction happens only
     * while it is held. A server's named lock cannot be lost while its connection lives: always true.
     */
    default boolean fence(Connection connection) throws SQLException {
        return true;
    }
}

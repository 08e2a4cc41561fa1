package org.marsai.schema.internal.lock;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.marsai.schema.LockTimeoutException;
import org.marsai.schema.internal.jdbc.Failures;
import org.marsai.schema.internal.jdbc.Session;

/**
 * Liquibase's own lock table, {@code DATABASECHANGELOGLOCK}: on a single server this library does not lock
 * with it but respects it (Liquibase's CLI or Spring Boot may be migrating the same database, and an older
 * run may have left the lock set when it was killed); on a cluster its row 1 carries this library's lease.
 */
public final class LockTable {

    private LockTable() {
    }

    /** Waits while another tool holds Liquibase's table lock; fails after {@code wait}, naming it and the fix. */
    static void awaitFree(Session session, Duration wait) {
        Optional<String> table = session.tables().lock();
        if (table.isEmpty()) {
            return;
        }
        Instant deadline = Instant.now().plus(wait);
        try {
            while (true) {
                Optional<String> holder = holder(session, table.get());
                if (holder.isEmpty()) {
                    return;
                }
                if (!Instant.now().isBefore(deadline)) {
                    throw new LockTimeoutException("Liquibase's lock table DATABASECHANGELOGLOCK says " + holder.get()
                            + ". If no Liquibase run (Liquibase CLI, Spring Boot) is working on this database now, that"
                            + " lock was left by a killed process: clear it with releaseLocks() (CLI: release-locks), then retry.");
                }
                Thread.sleep(Math.min(1000, Math.max(1, Duration.between(Instant.now(), deadline).toMillis())));
            }
        } catch (SQLException e) {
            throw Failures.of(e, session.where(), "read DATABASECHANGELOGLOCK");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LockTimeoutException("Interrupted while waiting for Liquibase's lock table.");
        }
    }

    private static Optional<String> holder(Session session, String table) throws SQLException {
        try (PreparedStatement statement = session.connection.prepareStatement(
                "SELECT LOCKEDBY, LOCKGRANTED FROM `" + table + "` WHERE LOCKED <> 0 AND NOT (LOCKEDBY LIKE"
                        + " 'marsai-schema lease %' AND " + LeaseLock.expired("LOCKGRANTED") + ")");
             ResultSet rs = statement.executeQuery()) {
            Optional<String> holder = rs.next()
                    ? Optional.of("'" + rs.getString(1) + "' has held it since " + rs.getString(2)) : Optional.empty();
            if (!session.connection.getAutoCommit()) {
                session.connection.commit();
            }
            return holder;
        }
    }

    /**
     * Clears a lock another tool left set, or an expired lease of this library's; a live lease is named and
     * left alone. Returns what was cleared or found.
     */
    public static List<String> release(Session session) {
        List<String> released = new ArrayList<>();
        Optional<String> table = session.tables().lock();
        if (table.isEmpty()) {
            return released;
        }
        try (PreparedStatement statement = session.connection.prepareStatement("SELECT LOCKEDBY, LOCKGRANTED,"
                + " TIMESTAMPDIFF(SECOND, LOCKGRANTED, UTC_TIMESTAMP()) FROM `" + table.get() + "` WHERE LOCKED <> 0");
             ResultSet rs = statement.executeQuery()) {
            if (!rs.next()) {
                return released;
            }
            String by = rs.getString(1) == null ? "" : rs.getString(1);
            long age = rs.getLong(3);
            if (by.startsWith(LeaseLock.PREFIX) && age < LeaseLock.LEASE.toSeconds() && age > -LeaseLock.LEASE.toSeconds()) {
                released.add("The marsai-schema lock is held by " + by.substring(LeaseLock.PREFIX.length())
                        + ", renewed " + rs.getLong(3) + " s ago: it is a live run, and if it dies its lease expires"
                        + " " + LeaseLock.LEASE.toSeconds() + " s after its last renewal.");
                return released;
            }
            try (PreparedStatement clear = session.connection.prepareStatement("UPDATE `" + table.get()
                    + "` SET LOCKED = 0, LOCKGRANTED = NULL, LOCKEDBY = NULL WHERE LOCKED <> 0")) {
                clear.executeUpdate();
            }
            if (!session.connection.getAutoCommit()) {
                session.connection.commit();
            }
            released.add("Released the lock in DATABASECHANGELOGLOCK: '" + by + "' had held it since " + rs.getString(2)
                    + ".");
            return released;
        } catch (SQLException e) {
            throw Failures.of(e, session.where(), "clear DATABASECHANGELOGLOCK (the user needs UPDATE on it)");
        }
    }
}

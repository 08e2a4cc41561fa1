package org.marsai.schema.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.marsai.schema.ErrorCode;
import org.marsai.schema.LockTimeoutException;
import org.marsai.schema.MarsSchemaException;

/**
 * Liquibase's own lock table, {@code DATABASECHANGELOGLOCK}, which this library does not use but respects:
 * Liquibase's CLI or Spring Boot may be migrating the same database, and an older run may have left the
 * lock set when it was killed.
 */
final class LockTable {

    private LockTable() {
    }

    private static Optional<String> table(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT TABLE_NAME FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = DATABASE() AND UPPER(TABLE_NAME) = 'DATABASECHANGELOGLOCK'");
             ResultSet rs = statement.executeQuery()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }

    /** Waits while another tool holds Liquibase's table lock; fails after {@code wait}, naming it and the fix. */
    static void awaitFree(Connection connection, Duration wait) {
        try {
            Optional<String> table = table(connection);
            if (table.isEmpty()) {
                return;
            }
            Instant deadline = Instant.now().plus(wait);
            while (true) {
                Optional<String> holder = holder(connection, table.get());
                if (holder.isEmpty()) {
                    return;
                }
                if (!Instant.now().isBefore(deadline)) {
                    throw new LockTimeoutException("Liquibase's lock table DATABASECHANGELOGLOCK says " + holder.get()
                            + ". If no Liquibase run (Liquibase CLI, Spring Boot) is working on this database now, that"
                            + " lock was left by a killed process: clear it with `release-locks`, then retry.");
                }
                Thread.sleep(Math.min(1000, Math.max(1, Duration.between(Instant.now(), deadline).toMillis())));
            }
        } catch (SQLException e) {
            throw new MarsSchemaException(ErrorCode.UNEXPECTED, "Cannot read DATABASECHANGELOGLOCK: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LockTimeoutException("Interrupted while waiting for Liquibase's lock table.");
        }
    }

    private static Optional<String> holder(Connection connection, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT LOCKEDBY, LOCKGRANTED FROM `" + table + "` WHERE LOCKED = 1");
             ResultSet rs = statement.executeQuery()) {
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            return rs.next() ? Optional.of("'" + rs.getString(1) + "' has held it since " + rs.getString(2)) : Optional.empty();
        }
    }

    /** Clears the table lock; returns what was cleared. */
    static List<String> release(Connection connection) {
        List<String> released = new ArrayList<>();
        try {
            Optional<String> table = table(connection);
            if (table.isEmpty()) {
                return released;
            }
            Optional<String> holder = holder(connection, table.get());
            if (holder.isPresent()) {
                try (PreparedStatement statement = connection.prepareStatement("UPDATE `" + table.get()
                        + "` SET LOCKED = 0, LOCKGRANTED = NULL, LOCKEDBY = NULL WHERE LOCKED = 1")) {
                    statement.executeUpdate();
                }
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
                released.add("Released the lock in DATABASECHANGELOGLOCK: " + holder.get() + ".");
            }
            return released;
        } catch (SQLException e) {
            throw new MarsSchemaException(ErrorCode.UNEXPECTED, "Cannot clear DATABASECHANGELOGLOCK: " + e.getMessage()
                    + ". The user needs UPDATE on it.", e);
        }
    }
}

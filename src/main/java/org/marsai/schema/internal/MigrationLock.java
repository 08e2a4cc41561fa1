package org.marsai.schema.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;

import org.marsai.schema.ErrorCode;
import org.marsai.schema.LockTimeoutException;
import org.marsai.schema.MarsSchemaException;

/**
 * The migration lock: a server-side named lock ({@code GET_LOCK}) held by the connection doing the work.
 * The server releases it when that connection ends, so a killed process never leaves a stale lock.
 * {@code GET_LOCK} is re-entrant within a session, so the engine and Liquibase's lock service can both
 * take it on the same connection.
 */
final class MigrationLock {

    private static final String PREFIX = "marsai-schema:";
    private static final int MAX_NAME = 64;

    private MigrationLock() {
    }

    /** The lock's name for a database: one lock per schema, shared by every process. */
    static String name(String schema) {
        String name = PREFIX + schema;
        if (name.length() <= MAX_NAME) {
            return name;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(schema.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(hash).substring(0, MAX_NAME - PREFIX.length());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits up to {@code wait} for the lock; fails with a message naming the holder where the server tells it. */
    static void acquire(Connection connection, String schema, Duration wait) {
        String name = name(schema);
        try (PreparedStatement statement = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
            statement.setString(1, name);
            statement.setLong(2, Math.max(0, wait.toSeconds()));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                int result = rs.getInt(1);
                if (!rs.wasNull() && result == 1) {
                    return;
                }
            }
        } catch (SQLException e) {
            throw new MarsSchemaException(ErrorCode.UNEXPECTED,
                    "Cannot take the migration lock on database '" + schema + "': " + e.getMessage(), e);
        }
        throw new LockTimeoutException("Another process held the migration lock on database '" + schema + "' ("
                + holder(connection, name) + ") for longer than the " + wait.toSeconds()
                + " s allowed: it is probably applying or rolling back migrations. Wait for it to finish and retry,"
                + " or raise the wait (lockWaitTimeout, CLI --lock-wait).");
    }

    /** Takes the lock only if it is free right now. */
    static boolean tryAcquire(Connection connection, String schema) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT GET_LOCK(?, 0)")) {
            statement.setString(1, name(schema));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }

    static void release(Connection connection, String schema) {
        try (PreparedStatement statement = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            statement.setString(1, name(schema));
            statement.executeQuery().close();
        } catch (SQLException e) {
            // The server releases the lock anyway when the connection closes.
        }
    }

    /** Who holds the lock now, or null when it is free. */
    static String currentHolder(Connection connection, String schema) {
        String name = name(schema);
        try (PreparedStatement used = connection.prepareStatement("SELECT IS_USED_LOCK(?)")) {
            used.setString(1, name);
            try (ResultSet rs = used.executeQuery()) {
                rs.next();
                rs.getLong(1);
                if (rs.wasNull()) {
                    return null;
                }
            }
        } catch (SQLException e) {
            return null;
        }
        return holder(connection, name);
    }

    /** Who holds the lock, as far as this user may see. */
    static String holder(Connection connection, String name) {
        try (PreparedStatement used = connection.prepareStatement("SELECT IS_USED_LOCK(?)")) {
            used.setString(1, name);
            long id;
            try (ResultSet rs = used.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
                if (rs.wasNull()) {
                    return "the holder has just released it";
                }
            }
            try (PreparedStatement process = connection.prepareStatement(
                    "SELECT USER, HOST, TIME FROM information_schema.PROCESSLIST WHERE ID = ?")) {
                process.setLong(1, id);
                try (ResultSet rs = process.executeQuery()) {
                    if (rs.next()) {
                        return "held by connection " + id + " of " + rs.getString(1) + "@" + rs.getString(2)
                                + ", connected for " + rs.getLong(3) + " s";
                    }
                }
            }
            return "held by connection " + id;
        } catch (SQLException e) {
            return "holder unknown";
        }
    }
}

package org.marsai.schema.internal.lock;

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
import org.marsai.schema.internal.jdbc.Failures;
import org.marsai.schema.internal.jdbc.Session;

/**
 * The migration lock on a single server: a named lock ({@code GET_LOCK}) held by the connection doing the
 * work. The server releases it when that connection ends, so a killed process never leaves a stale lock.
 * Liquibase's own lock table is respected too: another tool (Liquibase's CLI, Spring Boot) may be at work.
 */
public final class ServerLock implements MigrationLock {

    private static final String PREFIX = "marsai-schema:";
    private static final int MAX_NAME = 64;

    private final Session session;
    private final String owner;
    private boolean held;

    public ServerLock(Session session, String operation) {
        this.session = session;
        this.owner = MigrationLock.owner(operation);
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

    @Override
    public void acquire(Duration wait) {
        Connection connection = session.connection;
        String name = name(session.schema);
        session.bound(wait.plus(session.readBound()));
        try (PreparedStatement statement = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
            statement.setString(1, name);
            statement.setLong(2, wait.toSeconds());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                held = rs.getInt(1) == 1 && !rs.wasNull();
            }
        } catch (SQLException e) {
            throw Failures.of(e, session.where(), "take the migration lock");
        }
        if (!held) {
            throw new LockTimeoutException("Another process held the migration lock on database '" + session.schema
                    + "' (" + holder(connection, name) + ") for longer than the " + wait.toSeconds()
                    + " s allowed: it is probably applying or rolling back migrations. Wait for it to finish and retry,"
                    + " or raise the wait, lockWait (CLI: --lock-wait).");
        }
        try {
            LockTable.awaitFree(session, wait);
        } catch (RuntimeException e) {
            release();
            throw e;
        }
    }

    @Override
    public boolean isHeld() {
        return held;
    }

    @Override
    public void release() {
        if (!held) {
            return;
        }
        held = false;
        try (PreparedStatement statement = session.connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            statement.setString(1, name(session.schema));
            statement.executeQuery().close();
        } catch (SQLException e) {
            // The server releases the lock anyway when the connection closes.
        }
    }

    @Override
    public String owner() {
        return owner;
    }

    @Override
    public String description() {
        return "the server's named lock GET_LOCK('" + name(session.schema) + "')";
    }

    /** Who holds the lock now, or null when it is free. */
    public static String currentHolder(Connection connection, String schema) {
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
    private static String holder(Connection connection, String name) {
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

package org.marsai.schema.internal.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One connection to the target database for one operation, opened by {@link Connector}: what it talks to, the
 * bookkeeping tables it holds, the migration lock it works under. Closing it restores the session settings
 * and closes the connection (or returns it to its pool).
 */
public final class Session implements AutoCloseable {

    public final Connection connection;
    /** The database the server says this session uses ({@code SELECT DATABASE()}), not what a URL suggested. */
    public final String schema;
    private final String where;
    private final Settings settings;
    private final Topology topology;
    private Bookkeeping tables;
    private HeldLock lock;
    private final List<SqlAction> onClose = new ArrayList<>();
    private AutoCloseable closer;

    /** Work with the connection that may fail with an {@link SQLException}. */
    public interface SqlAction {
        void run() throws SQLException;
    }

    Session(Connection connection, String schema, String where, Settings settings, Topology topology,
            Bookkeeping tables) {
        this.connection = connection;
        this.schema = schema;
        this.where = where;
        this.settings = settings;
        this.topology = topology;
        this.tables = tables;
        this.closer = connection;
    }

    public Settings settings() {
        return settings;
    }

    /** Where the session works, for messages: the redacted URL, or the database of a DataSource. */
    public String where() {
        return where;
    }

    /** What the session talks to: a single server or a cluster, whose reads it then makes causal. */
    public Topology topology() {
        return topology;
    }

    /** The bookkeeping tables as this database spells them. */
    public Bookkeeping tables() {
        return tables;
    }

    /** Reads the bookkeeping tables' names again, after this library created one. */
    public void refreshTables() {
        tables = Bookkeeping.read(connection, where);
    }

    /**
     * How long a statement the library issues while it holds nothing may go unanswered before the server is
     * given up for gone (a stopped VM, a half-dead proxy must not hang a caller forever): three times the
     * connect timeout, at least 5 s.
     */
    public Duration readBound() {
        Duration bound = settings.connectTimeout().multipliedBy(3);
        return bound.compareTo(Duration.ofSeconds(5)) < 0 ? Duration.ofSeconds(5) : bound;
    }

    /**
     * Bounds how long the server may stay silent on this connection ({@code Duration.ZERO}: no bound, for
     * schema changes, which may take long on large tables). A driver or pool without network timeouts keeps
     * its own setting.
     */
    public void bound(Duration silence) {
        try {
            connection.setNetworkTimeout(Runnable::run, (int) Math.min(Integer.MAX_VALUE, silence.toMillis()));
        } catch (SQLException | UnsupportedOperationException e) {
            // not supported by this driver or pool: its own timeouts apply
        }
    }

    /** The migration lock this session works under from now on ({@code null}: none any more). */
    public void workUnder(HeldLock lock) {
        this.lock = lock;
    }

    /** Who holds the migration lock this session works under; empty when it works without one (previews). */
    public Optional<String> lockOwner() {
        return Optional.ofNullable(lock).map(HeldLock::owner);
    }

    /** Whether this session works under a migration lock that it has lost (a lease not renewed in time). */
    public boolean lockLost() {
        return lock != null && !lock.isHeld();
    }

    /** Whether the migration lock is provably held, checked inside the connection's open transaction. */
    public boolean fence() throws SQLException {
        return lock == null || lock.fence(connection);
    }

    /** Statements that give session settings back their values, run before the connection is closed or pooled. */
    public void restoreOnClose(List<String> statements) {
        for (String sql : statements) {
            onClose(() -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(sql);
                }
            });
        }
    }

    /** Something to undo on the connection before it is closed or goes back to its pool, e.g. a session setting. */
    public void onClose(SqlAction action) {
        onClose.add(0, action);
    }

    /** What closes the connection in the end, when something wraps it (Liquibase's database). */
    public void closeWith(AutoCloseable closer) {
        this.closer = closer;
    }

    @Override
    public void close() {
        for (SqlAction action : onClose) {
            try {
                action.run();
            } catch (SQLException e) {
                // the connection is closed next; a pool resets or discards it
            }
        }
        onClose.clear();
        try {
            closer.close();
        } catch (Exception e) {
            closeQuietly(connection);
        }
    }

    static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the connection is unusable anyway
        }
    }
}

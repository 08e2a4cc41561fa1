package org.marsai.schema.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.WeakHashMap;

import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.MySQLDatabase;
import liquibase.database.jvm.JdbcConnection;
import org.marsai.schema.ConnectionException;
import org.marsai.schema.ErrorCode;
import org.marsai.schema.MarsSchemaException;

/**
 * One connection to the target database for one operation, wrapped as a Liquibase {@link Database}.
 * Closing it closes (or returns to its pool) the connection.
 */
final class Session implements AutoCloseable {

    /** Databases opened by this library, with their sessions: only these get our lock service. */
    private static final Map<Database, Session> OWN_DATABASES = Collections.synchronizedMap(new WeakHashMap<>());


    final Connection connection;
    /** The database the server says this session uses ({@code SELECT DATABASE()}), not what a URL suggested. */
    final String schema;
    private final String where;
    private final Settings settings;
    private Database database;
    /** The migration lock this session works under: who holds it, and whether it still does. */
    private String lockOwner;
    private java.util.function.BooleanSupplier lockHeld;
    private final List<SqlAction> onClose = new ArrayList<>();

    /** Work with the connection that may fail with an {@link SQLException}. */
    interface SqlAction {
        void run() throws SQLException;
    }

    /** Statements that give session settings back their values, run before the connection is closed or pooled. */
    void restoreOnClose(List<String> statements) {
        for (String sql : statements) {
            onClose(() -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(sql);
                }
            });
        }
    }

    /** Something to undo on the connection before it is closed or goes back to its pool, e.g. a session setting. */
    void onClose(SqlAction action) {
        onClose.add(0, action);
    }

    private Session(Connection connection, String schema, String where, Settings settings) {
        this.connection = connection;
        this.schema = schema;
        this.where = where;
        this.settings = settings;
    }

    /** The bookkeeping tables' names as they are in this database, by their upper-case name. */
    private static final String BOOKKEEPING_QUERY = "(SELECT GROUP_CONCAT(TABLE_NAME SEPARATOR ',')"
            + " FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND UPPER(TABLE_NAME) IN"
            + " ('DATABASECHANGELOG', 'DATABASECHANGELOGLOCK', 'SEQUELIZEMETA'))";

    private Map<String, List<String>> tables;
    private Topology topology;

    Settings settings() {
        return settings;
    }

    /** What the session talks to: a single server or a cluster, whose reads it then makes causal. */
    Topology topology() {
        return topology;
    }

    /**
     * How long a statement the library issues while it holds nothing may go unanswered before the server is
     * given up for gone (a stopped VM, a half-dead proxy must not hang a caller forever): three times the
     * connect timeout, at least 5 s.
     */
    Duration readBound() {
        Duration bound = settings.connectTimeout().multipliedBy(3);
        return bound.compareTo(Duration.ofSeconds(5)) < 0 ? Duration.ofSeconds(5) : bound;
    }

    /**
     * Liquibase's history table, whatever the case of its name; refuses when two tables differ only in case
     * (a case-sensitive server can hold both), since either could be the real history.
     */
    Optional<String> historyTable() {
        List<String> found = tables.getOrDefault("DATABASECHANGELOG", List.of());
        if (found.size() > 1) {
            throw new MarsSchemaException(ErrorCode.VALIDATION_FAILED, where + " holds " + found.size()
                    + " history tables whose names differ only in case (" + String.join(", ", found) + "), so either"
                    + " could be this database's history: keep the one with the rows (SELECT COUNT(*) FROM each)"
                    + " and drop or rename the other, then retry.");
        }
        return found.stream().findFirst();
    }

    /** Liquibase's lock table, whatever the case of its name. */
    Optional<String> lockTable() {
        return tables.getOrDefault("DATABASECHANGELOGLOCK", List.of()).stream().findFirst();
    }

    /** The original tool's {@code SequelizeMeta}, whatever the case of its name. */
    Optional<String> sequelizeMeta() {
        return tables.getOrDefault("SEQUELIZEMETA", List.of()).stream().findFirst();
    }

    /** Reads the bookkeeping tables' names again, after this library created one. */
    void refreshTables() {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT " + BOOKKEEPING_QUERY)) {
            rs.next();
            tables = names(rs.getString(1));
        } catch (SQLException e) {
            throw Failures.of(e, where, "read the names of the history tables");
        }
        if (database != null) {
            historyTable().ifPresent(database::setDatabaseChangeLogTableName);
            lockTable().ifPresent(database::setDatabaseChangeLogLockTableName);
        }
    }

    private static Map<String, List<String>> names(String list) {
        Map<String, List<String>> names = new HashMap<>();
        if (list != null && !list.isEmpty()) {
            for (String name : list.split(",")) {
                names.computeIfAbsent(name.toUpperCase(Locale.ROOT), k -> new ArrayList<>()).add(name);
            }
        }
        return names;
    }

    /** Records the migration lock this session works under ({@code null}: none any more). */
    void holding(String owner, java.util.function.BooleanSupplier held) {
        holding(owner, held, null);
    }

    /** The same, with the check that the lock is provably held, made in the transaction of each history write. */
    void holding(String owner, java.util.function.BooleanSupplier held, MigrationLock lock) {
        this.lockOwner = owner;
        this.lockHeld = held;
        this.lock = lock;
    }

    private MigrationLock lock;

    /** Whether the migration lock is provably held, checked inside the connection's open transaction. */
    boolean fence() throws SQLException {
        return lock == null || lock.fence(connection);
    }

    /** Who holds the migration lock this session works under; empty when it works without one (previews). */
    Optional<String> lockOwner() {
        return Optional.ofNullable(lockOwner);
    }

    /** Whether this session works under a migration lock that it has lost (a lease not renewed in time). */
    boolean lockLost() {
        return lockHeld != null && !lockHeld.getAsBoolean();
    }

    /**
     * Bounds how long the server may stay silent on this connection ({@code Duration.ZERO}: no bound, for
     * schema changes, which may take long on large tables). A driver or pool without network timeouts keeps
     * its own setting.
     */
    void bound(Duration silence) {
        try {
            connection.setNetworkTimeout(Runnable::run, (int) Math.min(Integer.MAX_VALUE, silence.toMillis()));
        } catch (SQLException | UnsupportedOperationException e) {
            // not supported by this driver or pool: its own timeouts apply
        }
    }

    /** The connection as a Liquibase database, made on first use (inside a Liquibase scope). */
    Database database() {
        if (database == null) {
            try {
                database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            } catch (Exception e) {
                throw new ConnectionException(ErrorCode.UNEXPECTED, "Liquibase cannot use the connection to " + where
                        + ": " + e.getMessage(), e);
            }
            if (!(database instanceof MySQLDatabase)) {
                throw new ConnectionException(ErrorCode.UNSUPPORTED_DATABASE, where + " is a "
                        + database.getDatabaseProductName() + " database: marsai-schema manages MySQL 8 and MariaDB"
                        + " 10.11 databases only.", null);
            }
            // Liquibase looks for its tables by exact name: tell it theirs, whatever their case, so that a
            // lower-case databasechangelog (restored from a case-insensitive server) is not split in two.
            historyTable().ifPresent(database::setDatabaseChangeLogTableName);
            lockTable().ifPresent(database::setDatabaseChangeLogLockTableName);
            OWN_DATABASES.put(database, this);
        }
        return database;
    }

    /** The session of a database this library opened, if it is one. */
    static Session of(Database database) {
        return OWN_DATABASES.get(database);
    }

    /** Opens a session: a JDBC connection, checked to be MySQL or MariaDB with a database selected. */
    static Session open(Settings settings) {
        if (!settings.hasDatabase()) {
            throw new MarsSchemaException(ErrorCode.NO_DATABASE,
                    "This operation needs a database and none is configured: pass a DataSource or a JDBC URL"
                            + " (CLI: --url, or DB_HOST, DB_NAME and DB_USER in the environment or .env).");
        }
        String where = settings.url() != null ? Redact.url(settings.url()) : "the configured DataSource";
        Connection connection = connect(settings, where);
        String tables;
        try {
            String product = connection.getMetaData().getDatabaseProductName();
            String lower = product == null ? "" : product.toLowerCase(java.util.Locale.ROOT);
            if (!lower.contains("mysql") && !lower.contains("mariadb")) {
                throw new ConnectionException(ErrorCode.UNSUPPORTED_DATABASE, where + " is a " + product
                        + " database: marsai-schema manages MySQL 8 and MariaDB 10.11 databases only;"
                        + " point it at the MarsAI MySQL/MariaDB database.", null);
            }
            String schema;
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT DATABASE(), " + BOOKKEEPING_QUERY)) {
                rs.next();
                schema = rs.getString(1);
                tables = rs.getString(2);
            }
            if (schema == null || schema.isEmpty()) {
                throw new ConnectionException(ErrorCode.INVALID_CONFIGURATION, "No database is selected on "
                        + where + ": add the database name to the URL, jdbc:mysql://HOST:3306/DATABASE (CLI: or DB_NAME).",
                        null);
            }
            SessionSettings.refuseSystemSchema(schema);
            Session session = new Session(connection, schema, settings.url() != null ? where
                    : "database '" + schema + "' (DataSource)", settings);
            String version = connection.getMetaData().getDatabaseProductVersion();
            session.restoreOnClose(SessionSettings.apply(connection, lower.contains("mariadb")
                    || (version != null && version.toLowerCase(java.util.Locale.ROOT).contains("mariadb"))));
            session.topology = Topology.detect(connection);
            ClusterReads.causal(connection, session.topology).ifPresent(restore -> session.onClose(() -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(restore);
                }
            }));
            session.tables = names(tables);
            session.bound(session.readBound());
            return session;
        } catch (MarsSchemaException e) {
            closeQuietly(connection);
            throw e;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw ConnectionFailures.translate(e, settings, where);
        } catch (Exception e) {
            closeQuietly(connection);
            throw new ConnectionException(ErrorCode.CONNECTION_FAILED,
                    "Cannot use the connection to " + where + ": " + e.getMessage(), e);
        }
    }

    private static Connection connect(Settings settings, String where) {
        try {
            if (settings.dataSource() != null) {
                return settings.dataSource().getConnection();
            }
            Properties properties = new Properties();
            if (settings.user() != null) {
                properties.setProperty("user", settings.user());
            }
            if (settings.password() != null) {
                properties.setProperty("password", settings.password());
            }
            // The TCP connect and the handshake are both bounded: a server that accepts connections and never
            // answers must not hang the caller. Session.open narrows the bound afterwards.
            String timeout = Long.toString(settings.connectTimeout().toMillis());
            properties.setProperty("connectTimeout", timeout);
            properties.setProperty("socketTimeout", timeout);
            return DriverManager.getConnection(settings.url(), properties);
        } catch (SQLException e) {
            throw ConnectionFailures.translate(e, settings, where);
        } catch (RuntimeException e) {
            // a pool's own exception (HikariCP's PoolInitializationException) around the driver's refusal
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                if (t instanceof SQLException sql) {
                    throw ConnectionFailures.translate(sql, settings, where);
                }
            }
            throw e;
        }
    }

    String where() {
        return where;
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
        if (database == null) {
            closeQuietly(connection);
            return;
        }
        OWN_DATABASES.remove(database);
        try {
            database.close();
        } catch (Exception e) {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the connection is unusable anyway
        }
    }
}

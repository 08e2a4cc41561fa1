package org.marsai.schema.internal;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Properties;
import java.util.Set;
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

    /** Databases opened by this library: only these get our lock service. */
    private static final Set<Database> OWN_DATABASES = Collections.synchronizedSet(
            Collections.newSetFromMap(new WeakHashMap<>()));

    final Connection connection;
    final String schema;
    private final String where;
    private Database database;

    private Session(Connection connection, String schema, String where) {
        this.connection = connection;
        this.schema = schema;
        this.where = where;
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
            OWN_DATABASES.add(database);
        }
        return database;
    }

    static boolean isOwn(Database database) {
        return OWN_DATABASES.contains(database);
    }

    /** Opens a session: a JDBC connection, checked to be MySQL or MariaDB with a database selected. */
    static Session open(Settings settings) {
        if (!settings.hasDatabase()) {
            throw new MarsSchemaException(ErrorCode.NO_DATABASE,
                    "This operation needs a database and none is configured: pass a DataSource or a JDBC URL"
                            + " (CLI: --url, or DB_HOST/DB_NAME/DB_USER in the environment or .env).");
        }
        String where = settings.url() != null ? Redact.url(settings.url()) : "the configured DataSource";
        Connection connection = connect(settings, where);
        try {
            String product = connection.getMetaData().getDatabaseProductName();
            String schema = connection.getCatalog();
            String lower = product == null ? "" : product.toLowerCase(java.util.Locale.ROOT);
            if (!lower.contains("mysql") && !lower.contains("mariadb")) {
                throw new ConnectionException(ErrorCode.UNSUPPORTED_DATABASE, where + " is a " + product
                        + " database: marsai-schema manages MySQL 8 and MariaDB 10.11 databases only;"
                        + " point it at the MarsAI MySQL/MariaDB database.", null);
            }
            if (schema == null || schema.isEmpty()) {
                throw new ConnectionException(ErrorCode.INVALID_CONFIGURATION, "No database is selected on "
                        + where + ": add the database name to the URL (jdbc:mysql://HOST:3306/DATABASE) or set DB_NAME.",
                        null);
            }
            return new Session(connection, schema, where);
        } catch (MarsSchemaException e) {
            closeQuietly(connection);
            throw e;
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
            String timeout = Long.toString(settings.connectTimeout().toMillis());
            properties.setProperty("connectTimeout", timeout);
            return DriverManager.getConnection(settings.url(), properties);
        } catch (SQLException e) {
            throw translate(e, settings, where);
        }
    }

    /** Turns a connection failure into one message that names the problem and the fix. */
    static ConnectionException translate(SQLException e, Settings settings, String where) {
        String user = settings.user() != null ? settings.user() : "the configured user";
        int code = e.getErrorCode();
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String detail = Redact.secret(e.getMessage(), settings.password());
        if (code == 1045 || state.startsWith("28")) {
            return new ConnectionException(ErrorCode.AUTHENTICATION_FAILED, "The server at " + where
                    + " refused user '" + user + "' (wrong password, or the user does not exist):"
                    + " check --username/--password, or DB_USER/DB_PASSWORD.", e);
        }
        if (code == 1049) {
            return new ConnectionException(ErrorCode.DATABASE_NOT_FOUND, "The database in " + where
                    + " does not exist (" + detail + "): create it with CREATE DATABASE ... CHARACTER SET utf8mb4,"
                    + " or correct the database name in the URL or DB_NAME.", e);
        }
        if (code == 1044) {
            return new ConnectionException(ErrorCode.INSUFFICIENT_PRIVILEGES, "User '" + user
                    + "' may not use the database in " + where + " (" + detail + "): grant it access, or use another user.",
                    e);
        }
        if (state.startsWith("08") || hasCause(e, UnknownHostException.class) || hasCause(e, ConnectException.class)
                || hasCause(e, SocketTimeoutException.class)) {
            String reason = hasCause(e, UnknownHostException.class) ? "unknown host"
                    : hasCause(e, ConnectException.class) ? "connection refused"
                    : hasCause(e, SocketTimeoutException.class) ? "no answer within "
                            + settings.connectTimeout().toSeconds() + " s"
                    : "communication failure";
            return new ConnectionException(ErrorCode.CONNECTION_FAILED, "Cannot connect to " + where + " ("
                    + reason + "): check that the server is running and that the host and port are right"
                    + " (--url, or DB_HOST/DB_PORT).", e);
        }
        if (detail != null && detail.startsWith("No suitable driver")) {
            return new ConnectionException(ErrorCode.UNSUPPORTED_DATABASE, "No driver accepts " + where
                    + ": use a jdbc:mysql:// URL.", e);
        }
        return new ConnectionException(ErrorCode.CONNECTION_FAILED, "Cannot connect to " + where + ": " + detail
                + " (SQLState " + state + ", error " + code + ").", e);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    String where() {
        return where;
    }

    @Override
    public void close() {
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

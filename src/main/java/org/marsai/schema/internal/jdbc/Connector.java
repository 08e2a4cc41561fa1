package org.marsai.schema.internal.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;

import org.marsai.schema.ConnectionException;
import org.marsai.schema.ErrorCode;
import org.marsai.schema.MarsSchemaException;

/**
 * Opens sessions: a JDBC connection from the settings' DataSource or URL, checked to be MySQL or MariaDB with a
 * database selected, with this library's session settings applied and reads made causal on a cluster. A
 * failure is translated into one error naming the problem and the fix.
 */
public final class Connector {

    private Connector() {
    }

    public static Session open(Settings settings) {
        if (!settings.hasDatabase()) {
            throw new MarsSchemaException(ErrorCode.NO_DATABASE,
                    "This operation needs a database and none is configured: pass a DataSource or a JDBC URL"
                            + " (CLI: --url, or DB_HOST, DB_NAME and DB_USER in the environment or .env).");
        }
        String where = settings.url() != null ? Redact.url(settings.url()) : "the configured DataSource";
        Connection connection = connect(settings, where);
        try {
            String product = connection.getMetaData().getDatabaseProductName();
            String lower = product == null ? "" : product.toLowerCase(Locale.ROOT);
            if (!lower.contains("mysql") && !lower.contains("mariadb")) {
                throw new ConnectionException(ErrorCode.UNSUPPORTED_DATABASE, where + " is a " + product
                        + " database: marsai-schema manages MySQL 8 and MariaDB 10.11 databases only;"
                        + " point it at the MarsAI MySQL/MariaDB database.", null);
            }
            String schema;
            String tables;
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT DATABASE(), " + Bookkeeping.QUERY)) {
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
            String version = connection.getMetaData().getDatabaseProductVersion();
            boolean mariaDb = lower.contains("mariadb")
                    || (version != null && version.toLowerCase(Locale.ROOT).contains("mariadb"));
            String named = settings.url() != null ? where : "database '" + schema + "' (DataSource)";
            Session session = new Session(connection, schema, named, settings, Topology.detect(connection),
                    new Bookkeeping(tables, named));
            session.restoreOnClose(SessionSettings.apply(connection, mariaDb));
            ClusterReads.causal(connection, session.topology()).ifPresent(restore -> session.onClose(() -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(restore);
                }
            }));
            session.bound(session.readBound());
            return session;
        } catch (MarsSchemaException e) {
            Session.closeQuietly(connection);
            throw e;
        } catch (SQLException e) {
            Session.closeQuietly(connection);
            throw ConnectionFailures.translate(e, settings, where);
        } catch (Exception e) {
            Session.closeQuietly(connection);
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
            // answers must not hang the caller. open() narrows the bound afterwards.
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
}

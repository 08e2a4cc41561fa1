package org.marsai.schema.testing;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.marsai.schema.MarsSchema;
import org.marsai.schema.internal.model.TestAccess;

/** One empty utf8mb4 database of the test server, dropped on close. */
public final class TestDatabase implements AutoCloseable {

    /** One user, id 1: what a movie, a vote or a jury assignment needs to exist. */
    public static final String ONE_USER =
            "INSERT INTO users (first_name, last_name, email, password) VALUES ('Ada', 'Jury', 'ada@example.org', 'x')";

    private final TestServer server;
    private final String name;

    TestDatabase(TestServer server, String name) {
        this.server = server;
        this.name = name;
    }

    public String name() {
        return name;
    }

    public String url() {
        return server.jdbcUrl(name);
    }

    /** The URL with one more connection property ({@code name=value}), after {@code ?} or {@code &} as it needs. */
    public String urlWith(String property) {
        String url = url();
        return url + (url.contains("?") ? "&" : "?") + property;
    }

    public String user() {
        return server.user();
    }

    public String password() {
        return server.password();
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), server.user(), server.password());
    }

    /** A facade on this database, connecting by URL. */
    public MarsSchema schema() {
        return configure().load();
    }

    /** The configuration of a facade on this database, connecting by URL, for a test to complete. */
    public MarsSchema.Builder configure() {
        return MarsSchema.configure().url(url()).username(user()).password(password());
    }

    /** A plain DataSource: a new connection per call. */
    public DataSource dataSource() {
        return dataSource(new String[0]);
    }

    /**
     * A DataSource whose connections each run {@code sessionSettings} first (e.g. {@code SET time_zone = ...}): what a
     * server or pool default would give.
     */
    public DataSource dataSource(String... sessionSettings) {
        return new DataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                Connection c = connect();
                try (Statement s = c.createStatement()) {
                    for (String setting : sessionSettings) {
                        s.execute(setting);
                    }
                }
                return c;
            }

            @Override
            public Connection getConnection(String user, String password) throws SQLException {
                return DriverManager.getConnection(url(), user, password);
            }

            @Override
            public PrintWriter getLogWriter() {
                return null;
            }

            @Override
            public void setLogWriter(PrintWriter out) {
            }

            @Override
            public void setLoginTimeout(int seconds) {
            }

            @Override
            public int getLoginTimeout() {
                return 0;
            }

            @Override
            public Logger getParentLogger() {
                return Logger.getGlobal();
            }

            @Override
            public <T> T unwrap(Class<T> iface) throws SQLException {
                throw new SQLException("not a wrapper");
            }

            @Override
            public boolean isWrapperFor(Class<?> iface) {
                return false;
            }
        };
    }

    /** The schema's picture: one line per table, column, index and foreign key. */
    public List<String> picture() {
        try (Connection c = connect()) {
            return TestAccess.picture(c, name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void execute(String... statements) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage() + " in: " + String.join("; ", statements), e);
        }
    }

    public List<List<String>> query(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage() + " in: " + sql, e);
        }
    }

    public long count(String sql) {
        return Long.parseLong(query(sql).get(0).get(0));
    }

    public List<String> tables() {
        return query("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = '" + name
                + "' ORDER BY TABLE_NAME").stream().map(r -> r.get(0)).toList();
    }

    @Override
    public void close() {
        try (Connection c = server.rootConnection(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + name + "`");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop test database " + name + ": " + e.getMessage(), e);
        }
    }
}

package org.marsai.schema.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The MySQL-family server the integration tests run against: one shared per test JVM ({@link #get()}), of the kind
 * chosen in this order:
 * <ol>
 *   <li>{@code MARSAI_TEST_JDBC_URL} (with {@code MARSAI_TEST_USER}, {@code MARSAI_TEST_PASSWORD}): a server
 *       you run; the user must be able to create and drop databases ({@link ExternalServer});</li>
 *   <li>Testcontainers, when a Docker engine answers: {@code MARSAI_TEST_IMAGE}, default {@value #DEFAULT_IMAGE};
 *       {@code mariadb:10.11}, {@code marsai-test/mysql:9.7} and {@code marsai-test/mariadb:10.11} (built by
 *       {@code .ci/build-images}) work the same way ({@link ContainerServer});</li>
 *   <li>a private {@code mariadbd}/{@code mysqld} from PATH, started in a temporary directory ({@link PrivateServer}).</li>
 * </ol>
 * A test that stops, kills or restarts a server, or needs server options of its own, starts a server of the same
 * kind with {@link #startOwn(String...)} and drives it through {@link #control()}.
 * There is no fallback to skipping: without a server the tests fail, saying how to provide one.
 */
public final class TestServer implements AutoCloseable {

    public static final String DEFAULT_IMAGE = "mysql:8.4";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static TestServer shared;

    private final ServerControl control;

    private TestServer(ServerControl control) {
        this.control = control;
    }

    /** The shared server, started on first use. */
    public static synchronized TestServer get() {
        if (shared == null) {
            shared = new TestServer(start(List.of()));
            System.out.println("[marsai-schema tests] server: " + shared.control.description());
        }
        return shared;
    }

    /**
     * A server of the caller's own, of the same kind as the shared one, with {@code serverArgs} added to its
     * command line (e.g. {@code --sql-require-primary-key=ON}); closing it removes it. On a server named by
     * {@code MARSAI_TEST_JDBC_URL} it is that server, which closing leaves running, and serverArgs cannot be applied.
     */
    public static TestServer startOwn(String... serverArgs) {
        TestServer own = new TestServer(start(List.of(serverArgs)));
        System.out.println("[marsai-schema tests] own server: " + own.control.description()
                + (serverArgs.length == 0 ? "" : " with " + String.join(" ", serverArgs)));
        return own;
    }

    private static ServerControl start(List<String> serverArgs) {
        Optional<ExternalServer> external = ExternalServer.fromEnvironment();
        if (external.isPresent()) {
            if (!serverArgs.isEmpty()) {
                throw new IllegalStateException("This test needs a server started with " + String.join(" ", serverArgs)
                        + ", and MARSAI_TEST_JDBC_URL names one the tests do not start: unset it (Docker or a private"
                        + " mariadbd then serves), or start yours with those options.");
            }
            return external.get();
        }
        if (Docker.available()) {
            return ContainerServer.start(Optional.ofNullable(System.getenv("MARSAI_TEST_IMAGE"))
                    .filter(i -> !i.isBlank()).orElse(DEFAULT_IMAGE), serverArgs);
        }
        return PrivateServer.start(PrivateServer.requireBinary(), serverArgs);
    }

    /** Stop, kill and restart this server; the URLs stay valid. */
    public ServerControl control() {
        return control;
    }

    public String description() {
        return control.description();
    }

    public String jdbcUrl(String database) {
        return control.jdbcUrl(database);
    }

    public String user() {
        return control.user();
    }

    public String password() {
        return control.password();
    }

    public Connection rootConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(""), user(), password());
    }

    /** A new, empty utf8mb4 database; closing it drops it. */
    public TestDatabase createDatabase() {
        String name = "marsai_t" + DATABASES.incrementAndGet() + "_" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        try (Connection c = rootConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name + ": " + e.getMessage(), e);
        }
        return new TestDatabase(this, name);
    }

    public boolean isMariaDb() {
        try (Connection c = rootConnection()) {
            return c.getMetaData().getDatabaseProductVersion().toLowerCase().contains("mariadb");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removes a server from {@link #startOwn(String...)}; the shared one goes when the JVM ends. */
    @Override
    public void close() {
        if (this != shared) {
            control.close();
        }
    }
}

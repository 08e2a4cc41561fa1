package org.marsai.schema.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.containers.MariaDBContainer;
import org.testcontainers.containers.MySQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The MySQL-family server every integration test runs against, one per test JVM, chosen in this order:
 * <ol>
 *   <li>{@code MARSAI_TEST_JDBC_URL} (with {@code MARSAI_TEST_USER}, {@code MARSAI_TEST_PASSWORD}): a server
 *       you run; the user must be able to create and drop databases;</li>
 *   <li>Testcontainers, when Docker is available: {@code MARSAI_TEST_IMAGE}, default {@code mysql:8.4}
 *       ({@code mariadb:10.11} also works);</li>
 *   <li>a private {@code mariadbd}/{@code mysqld} from PATH, started in a temporary directory.</li>
 * </ol>
 * There is no fallback to skipping: without a server the tests fail, saying how to provide one.
 */
public final class TestServer {

    public static final String DEFAULT_IMAGE = "mysql:8.4";
    private static final Pattern URL = Pattern.compile("^(jdbc:(?:mysql|mariadb)://[^/?]+)(/[^?]*)?(\\?.*)?$");
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static TestServer instance;

    private final String baseUrl;
    private final String options;
    private final String user;
    private final String password;
    private final String description;
    private final PrivateServer privateServer;

    private TestServer(String baseUrl, String options, String user, String password, String description,
                       PrivateServer privateServer) {
        this.baseUrl = baseUrl;
        this.options = options;
        this.user = user;
        this.password = password;
        this.description = description;
        this.privateServer = privateServer;
    }

    public static synchronized TestServer get() {
        if (instance == null) {
            instance = start();
            System.out.println("[marsai-schema tests] server: " + instance.description);
        }
        return instance;
    }

    private static TestServer start() {
        String url = System.getenv("MARSAI_TEST_JDBC_URL");
        if (url != null && !url.isBlank()) {
            Matcher m = URL.matcher(url.trim());
            if (!m.matches()) {
                throw new IllegalStateException("MARSAI_TEST_JDBC_URL must look like jdbc:mysql://HOST:PORT/, got " + url);
            }
            String user = Optional.ofNullable(System.getenv("MARSAI_TEST_USER")).orElse("root");
            String password = Optional.ofNullable(System.getenv("MARSAI_TEST_PASSWORD")).orElse("");
            return new TestServer(m.group(1), m.group(3) == null ? "" : m.group(3), user, password,
                    "MARSAI_TEST_JDBC_URL " + m.group(1), null);
        }
        if (dockerAvailable()) {
            String image = Optional.ofNullable(System.getenv("MARSAI_TEST_IMAGE")).orElse(DEFAULT_IMAGE);
            JdbcDatabaseContainer<?> container = image.startsWith("mariadb")
                    ? new MariaDBContainer<>(DockerImageName.parse(image)).withUsername("root").withPassword("test")
                    : new MySQLContainer<>(DockerImageName.parse(image)).withUsername("root").withPassword("test");
            container.withCommand("--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci");
            container.start();
            Matcher m = URL.matcher(container.getJdbcUrl());
            m.matches();
            return new TestServer("jdbc:mysql://" + container.getHost() + ":" + container.getMappedPort(3306),
                    "?allowPublicKeyRetrieval=true&useSSL=false", "root", "test", "Testcontainers " + image, null);
        }
        PrivateServer server = PrivateServer.start(PrivateServer.findBinary().orElseThrow(() -> new IllegalStateException(
                "No MySQL-family server for the tests: set MARSAI_TEST_JDBC_URL, or start Docker, or install"
                        + " mariadb-server (apt-get install mariadb-server) so that mariadbd is on PATH.")));
        return new TestServer("jdbc:mysql://127.0.0.1:" + server.port(), "?allowPublicKeyRetrieval=true&useSSL=false",
                "root", "", "private " + (server.isMariaDb() ? "mariadbd" : "mysqld") + " on port " + server.port(),
                server);
    }

    private static boolean dockerAvailable() {
        boolean socket = java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"))
                || java.nio.file.Files.exists(java.nio.file.Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"));
        if (System.getenv("DOCKER_HOST") == null && !socket) {
            return false; // no engine to ask: spare the log Testcontainers' long "no Docker" error
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    public String jdbcUrl(String database) {
        return baseUrl + "/" + database + options;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The private server, when the tests run on one: tests that stop or kill the server need it. */
    public Optional<PrivateServer> privateServer() {
        return Optional.ofNullable(privateServer);
    }

    public Connection rootConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(""), user, password);
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
}

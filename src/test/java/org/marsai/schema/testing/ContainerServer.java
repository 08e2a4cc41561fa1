package org.marsai.schema.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.containers.MariaDBContainer;
import org.testcontainers.containers.MySQLContainer;

/**
 * A MySQL or MariaDB server in a container, through Testcontainers' {@link MySQLContainer} or
 * {@link MariaDBContainer}: the official images or the project's own (see {@link Docker}). Its port is published
 * on a fixed free loopback port, so that after {@link #stop()}, {@link #kill()} and {@link #restart()} it answers
 * at the same URL with the same data.
 */
public final class ContainerServer implements ServerControl {

    static final String ROOT_PASSWORD = "test";
    /** Settings every test server gets (the Testcontainers default my.cnf is tuned for a tiny footprint). */
    static final String CONFIGURATION = "marsai-test-server";
    private static final String OPTIONS = "?allowPublicKeyRetrieval=true&useSSL=false";

    private final String image;
    private final JdbcDatabaseContainer<?> container;
    private final int port;
    private final boolean mariaDb;

    private ContainerServer(String image, JdbcDatabaseContainer<?> container, int port, boolean mariaDb) {
        this.image = image;
        this.container = container;
        this.port = port;
        this.mariaDb = mariaDb;
    }

    /**
     * Starts a container of {@code image} ("mariadb" in the name: MariaDB, else MySQL) with root's password
     * {@value #ROOT_PASSWORD}, utf8mb4, and {@code serverArgs} added to the server's command line.
     */
    public static ContainerServer start(String image, List<String> serverArgs) {
        boolean mariaDb = image.contains("mariadb");
        int port = Docker.freeLoopbackPort();
        JdbcDatabaseContainer<?> container = mariaDb
                ? new MariaDb(image).withConfigurationOverride(CONFIGURATION)
                : new MySQLContainer<>(Docker.image(image, "mysql")).withConfigurationOverride(CONFIGURATION);
        List<String> command = new ArrayList<>(List.of("--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_unicode_ci"));
        command.addAll(serverArgs);
        container.withUsername("root").withPassword(ROOT_PASSWORD)
                .withCommand(command.toArray(String[]::new))
                .withCreateContainerCmdModifier(Docker.publish(3306, port))
                .withStartupAttempts(1)
                .withStartupTimeoutSeconds(180);
        try {
            container.start();
        } catch (RuntimeException e) {
            String log = container.getContainerId() == null ? "" : "\n" + Docker.tail(container, 30);
            container.stop();
            throw new IllegalStateException("The container of " + image + " did not start: " + e.getMessage() + log, e);
        }
        ContainerServer server = new ContainerServer(image, container, port, mariaDb);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        return server;
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:mysql://" + container.getHost() + ":" + port + "/" + database + OPTIONS;
    }

    @Override
    public String user() {
        return "root";
    }

    @Override
    public String password() {
        return ROOT_PASSWORD;
    }

    @Override
    public String description() {
        return "Testcontainers " + image + " (" + (mariaDb ? "MariaDBContainer" : "MySQLContainer") + ") on "
                + container.getHost() + ":" + port;
    }

    public boolean isMariaDb() {
        return mariaDb;
    }

    @Override
    public boolean isRunning() {
        return Docker.running(container);
    }

    @Override
    public void stop() {
        Docker.stop(container, Duration.ofSeconds(120));
    }

    @Override
    public void kill() {
        Docker.kill(container);
    }

    @Override
    public void restart() {
        stop();
        Docker.start(container);
        awaitConnections(container, jdbcUrl(""), user(), password(), Duration.ofMinutes(3));
    }

    /** Polls until the server accepts a connection; fails with the container's log. */
    static void awaitConnections(JdbcDatabaseContainer<?> container, String url, String user, String password,
                                 Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!Docker.running(container)) {
                throw new IllegalStateException("The server's container exited:\n" + Docker.tail(container, 30));
            }
            try (Connection ignored = DriverManager.getConnection(url, user, password)) {
                return;
            } catch (SQLException e) {
                last = e;
            }
            Docker.sleep(200);
        }
        throw new IllegalStateException("The server did not accept connections within " + timeout.toSeconds() + " s: "
                + (last == null ? "" : last.getMessage()) + "\n" + Docker.tail(container, 30));
    }

    @Override
    public void close() {
        container.stop(); // removes the container and its volumes
    }

    /**
     * {@link MariaDBContainer} speaking to the server with Connector/J, the driver this project uses and ships
     * (MariaDB's own driver is not on the test classpath).
     */
    private static final class MariaDb extends MariaDBContainer<MariaDb> {
        MariaDb(String image) {
            super(Docker.image(image, "mariadb"));
        }

        @Override
        public String getDriverClassName() {
            return "com.mysql.cj.jdbc.Driver";
        }

        @Override
        public String getJdbcUrl() {
            return "jdbc:mysql://" + getHost() + ":" + getMappedPort(3306) + "/" + getDatabaseName() + OPTIONS;
        }
    }
}

package org.marsai.schema.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A MariaDB or MySQL server of the test's own: a {@code mariadbd}/{@code mysqld} from PATH, started on a
 * free port with its data in a temporary directory. The test can stop, kill and restart it; it is removed
 * when the JVM ends. This is the tests' server on machines without Docker.
 */
public final class PrivateServer implements ServerControl {

    private static final List<String> SEARCH_DIRS = List.of("/usr/sbin", "/usr/local/sbin", "/usr/local/mysql/bin",
            "/usr/local/bin", "/usr/bin");

    private final Path binary;
    private final boolean mariaDb;
    private final Path home;
    private final Path dataDir;
    private final int port;
    private final List<String> serverArgs;
    private Process process;

    private PrivateServer(Path binary, boolean mariaDb, Path home, int port, List<String> serverArgs) {
        this.binary = binary;
        this.mariaDb = mariaDb;
        this.home = home;
        this.dataDir = home.resolve("data");
        this.port = port;
        this.serverArgs = List.copyOf(serverArgs);
    }

    /** The server binary on this machine, if any. */
    public static Optional<Path> findBinary() {
        List<Path> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    dirs.add(Path.of(dir));
                }
            }
        }
        SEARCH_DIRS.forEach(d -> dirs.add(Path.of(d)));
        for (String name : List.of("mariadbd", "mysqld")) {
            for (Path dir : dirs) {
                Path candidate = dir.resolve(name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** The server binary on this machine, or a failure that says how to get one. */
    public static Path requireBinary() {
        return findBinary().orElseThrow(() -> new IllegalStateException(
                "No MySQL-family server for the tests: set MARSAI_TEST_JDBC_URL, or start Docker, or install"
                        + " mariadb-server (apt-get install mariadb-server) so that mariadbd is on PATH."));
    }

    /** Initialises a data directory and starts the server. */
    public static PrivateServer start(Path binary) {
        return start(binary, List.of());
    }

    /** Initialises a data directory and starts the server with {@code serverArgs} added to its command line. */
    public static PrivateServer start(Path binary, List<String> serverArgs) {
        try {
            boolean mariaDb = run(List.of(binary.toString(), "--version"), Duration.ofSeconds(30))
                    .toLowerCase().contains("mariadb");
            Path home = Files.createTempDirectory("marsai-test-server-");
            PrivateServer server = new PrivateServer(binary, mariaDb, home, freePort(), serverArgs);
            server.initialise();
            server.startProcess();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void initialise() throws IOException {
        Files.createDirectories(dataDir);
        List<String> command = new ArrayList<>();
        if (mariaDb) {
            Path installer = sibling("mariadb-install-db").or(() -> sibling("mysql_install_db"))
                    .orElseThrow(() -> new IllegalStateException("mariadb-install-db not found next to " + binary
                            + " or on PATH: install the mariadb-server package"));
            command.addAll(List.of(installer.toString(), "--no-defaults", "--datadir=" + dataDir,
                    "--auth-root-authentication-method=normal", "--skip-test-db", "--skip-name-resolve"));
        } else {
            command.addAll(List.of(binary.toString(), "--no-defaults", "--initialize-insecure", "--datadir=" + dataDir));
        }
        if (isRoot()) {
            command.add("--user=root");
        }
        run(command, Duration.ofMinutes(3));
    }

    private Optional<Path> sibling(String name) {
        Path next = binary.resolveSibling(name);
        if (Files.isExecutable(next)) {
            return Optional.of(next);
        }
        for (String dir : List.of("/usr/bin", "/usr/local/bin", "/usr/local/mysql/bin", "/usr/sbin")) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private void startProcess() throws IOException {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--no-defaults",
                "--datadir=" + dataDir, "--port=" + port, "--bind-address=127.0.0.1",
                "--socket=" + home.resolve("server.sock"), "--pid-file=" + home.resolve("server.pid"),
                "--log-error=" + home.resolve("error.log"), "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_unicode_ci", "--skip-name-resolve", "--max-connections=500",
                "--innodb-buffer-pool-size=128M", "--innodb-flush-log-at-trx-commit=2"));
        command.add(mariaDb ? "--skip-log-bin" : "--disable-log-bin");
        if (isRoot()) {
            command.add("--user=root");
        }
        command.addAll(serverArgs);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve("stdout.log").toFile()).start();
        awaitReady();
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        SQLException last = null;
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The test server exited at start-up: " + errorLog());
            }
            try (Connection ignored = DriverManager.getConnection(jdbcUrl(""), "root", "")) {
                return;
            } catch (SQLException e) {
                last = e;
            }
            sleep(200);
        }
        throw new IllegalStateException("The test server did not accept connections within 2 minutes: "
                + (last == null ? "" : last.getMessage()) + " " + errorLog());
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database + "?allowPublicKeyRetrieval=true&useSSL=false";
    }

    @Override
    public String user() {
        return "root";
    }

    @Override
    public String password() {
        return "";
    }

    @Override
    public String description() {
        return "private " + (mariaDb ? "mariadbd" : "mysqld") + " (" + binary + ") on port " + port;
    }

    public int port() {
        return port;
    }

    public boolean isMariaDb() {
        return mariaDb;
    }

    @Override
    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** A clean shutdown, as a service manager would do it. */
    @Override
    public void stop() {
        if (isRunning()) {
            process.destroy();
            waitForExit(Duration.ofMinutes(1));
        }
    }

    /** The server dies at once, as in a power cut. */
    @Override
    public void kill() {
        if (isRunning()) {
            process.destroyForcibly();
            waitForExit(Duration.ofSeconds(30));
        }
    }

    /** Starts the server again on the same data and port. */
    @Override
    public void restart() {
        stop();
        try {
            startProcess();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void waitForExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        kill();
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory: the system cleans it eventually
        }
    }

    private String errorLog() {
        try {
            Path log = home.resolve("error.log");
            return Files.exists(log) ? Files.readString(log) : "(no error log)";
        } catch (IOException e) {
            return "(error log unreadable)";
        }
    }

    private static String run(List<String> command, Duration timeout) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: "
                        + new String(out, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

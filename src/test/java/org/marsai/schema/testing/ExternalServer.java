package org.marsai.schema.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server the developer runs, named by {@code MARSAI_TEST_JDBC_URL} (with {@code MARSAI_TEST_USER},
 * {@code MARSAI_TEST_PASSWORD}). The tests can stop, kill and restart it only through a command of the developer's,
 * {@code MARSAI_TEST_SERVER_CONTROL}, run with one argument, {@code stop}, {@code kill} or {@code start}, that
 * returns when done (e.g. {@code .ci/mysql-chroot}); the server must come back at the same address with its data.
 */
public final class ExternalServer implements ServerControl {

    private static final Pattern URL = Pattern.compile("^(jdbc:(?:mysql|mariadb)://[^/?]+)(/[^?]*)?(\\?.*)?$");

    private final String base;
    private final String options;
    private final String user;
    private final String password;
    private final Optional<String> control;

    private ExternalServer(String base, String options, String user, String password, Optional<String> control) {
        this.base = base;
        this.options = options;
        this.user = user;
        this.password = password;
        this.control = control;
    }

    /** The server {@code MARSAI_TEST_JDBC_URL} names, if set. */
    public static Optional<ExternalServer> fromEnvironment() {
        String url = System.getenv("MARSAI_TEST_JDBC_URL");
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        Matcher m = URL.matcher(url.trim());
        if (!m.matches()) {
            throw new IllegalStateException("MARSAI_TEST_JDBC_URL must look like jdbc:mysql://HOST:PORT/[?OPTIONS], got "
                    + url);
        }
        return Optional.of(new ExternalServer(m.group(1), m.group(3) == null ? "" : m.group(3),
                Optional.ofNullable(System.getenv("MARSAI_TEST_USER")).orElse("root"),
                Optional.ofNullable(System.getenv("MARSAI_TEST_PASSWORD")).orElse(""),
                Optional.ofNullable(System.getenv("MARSAI_TEST_SERVER_CONTROL")).filter(c -> !c.isBlank())));
    }

    @Override
    public String jdbcUrl(String database) {
        return base + "/" + database + options;
    }

    @Override
    public String user() {
        return user;
    }

    @Override
    public String password() {
        return password;
    }

    @Override
    public String description() {
        return "MARSAI_TEST_JDBC_URL " + base + control.map(c -> " (controlled by " + c + ")").orElse("");
    }

    @Override
    public boolean isRunning() {
        try (Connection ignored = DriverManager.getConnection(jdbcUrl(""), user, password)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void stop() {
        control("stop");
    }

    @Override
    public void kill() {
        control("kill");
    }

    @Override
    public void restart() {
        control("stop");
        control("start");
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!isRunning()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The server at " + base + " did not answer within 2 minutes of "
                        + control.orElseThrow() + " start");
            }
            Docker.sleep(200);
        }
    }

    private void control(String action) {
        String command = control.orElseThrow(() -> new IllegalStateException("This test stops and restarts the"
                + " server, and MARSAI_TEST_JDBC_URL names one the tests cannot control: set"
                + " MARSAI_TEST_SERVER_CONTROL to a command that takes stop, kill or start (e.g. .ci/mysql-chroot),"
                + " or let the tests start their own server (unset MARSAI_TEST_JDBC_URL)."));
        try {
            Process p = new ProcessBuilder(List.of(command, action)).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(3, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException(command + " " + action + " failed: " + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException(command + " " + action + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Leaves the server running: it is the developer's. */
    @Override
    public void close() {
    }
}

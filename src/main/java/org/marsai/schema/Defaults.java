package org.marsai.schema;

import java.time.Duration;

/**
 * The defaults and bounds of the configuration, in one place: {@link MarsSchema.Builder}, the command line and the
 * Spring Boot properties ({@code marsai.schema.*}) all start from them and check against them.
 */
public final class Defaults {

    /** How long connecting through a JDBC URL may take, in seconds: {@value}. */
    public static final int CONNECT_TIMEOUT_SECONDS = 10;
    /** The longest connect timeout accepted, in seconds: {@value} (an hour). */
    public static final int MAX_CONNECT_TIMEOUT_SECONDS = 3_600;
    /** How long to wait for another process's migration to finish, in seconds: {@value} (5 minutes). */
    public static final int LOCK_WAIT_SECONDS = 300;
    /** The longest lock wait accepted, in seconds: {@value} (a year; the server's own bounds are not much wider). */
    public static final int MAX_LOCK_WAIT_SECONDS = 31_536_000;

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(CONNECT_TIMEOUT_SECONDS);
    public static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(MAX_CONNECT_TIMEOUT_SECONDS);
    public static final Duration LOCK_WAIT = Duration.ofSeconds(LOCK_WAIT_SECONDS);
    public static final Duration MAX_LOCK_WAIT = Duration.ofSeconds(MAX_LOCK_WAIT_SECONDS);

    private Defaults() {
    }
}

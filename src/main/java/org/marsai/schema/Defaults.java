package org.marsai.schema;

import java.time.Duration;

/**
 * The defaults of the configuration, in one place: {@link MarsSchema.Builder}, the command line and the
 * Spring Boot properties ({@code marsai.schema.*}) all start from them.
 */
public final class Defaults {

    /** How long connecting through a JDBC URL may take, in seconds: {@value}. */
    public static final int CONNECT_TIMEOUT_SECONDS = 10;
    /** How long to wait for another process's migration to finish, in seconds: {@value} (5 minutes). */
    public static final int LOCK_WAIT_TIMEOUT_SECONDS = 300;

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(CONNECT_TIMEOUT_SECONDS);
    public static final Duration LOCK_WAIT_TIMEOUT = Duration.ofSeconds(LOCK_WAIT_TIMEOUT_SECONDS);

    private Defaults() {
    }
}

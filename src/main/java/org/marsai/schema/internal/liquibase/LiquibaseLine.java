package org.marsai.schema.internal.liquibase;

import liquibase.util.LiquibaseUtil;
import org.marsai.schema.ErrorCode;
import org.marsai.schema.MarsSchemaException;

/**
 * The Liquibase lines this library runs on, chosen by the host application's build: 4.33.x (what it is compiled
 * against and what the CLI bundles) and 5.0.x (what Spring Boot 4 manages). Both run the same changelog to the same
 * schema, history rows and checksums; the integration tests run on 4.33.0 and on 5.0.4. Any other line is refused
 * before anything touches a database: an older one lacks API this library calls, a newer one may generate
 * other SQL from the same changelog (as 5.0.0 did for {@code renameColumn}) and has not been tested.
 */
public final class LiquibaseLine {

    static final String SUPPORTED = "4.33.x and 5.0.x";
    static final String TESTED = "4.33.0 and 5.0.4";
    /** The version on the class path, as Liquibase reports it ({@code null} when it does not say). */
    static final String FOUND = found();

    private LiquibaseLine() {
    }

    static boolean supported(String version) {
        return version == null || version.startsWith("4.33.") || version.startsWith("5.0.")
                || version.equals(LiquibaseUtil.DEV_VERSION) || version.equals("UNKNOWN");
    }

    /** Refuses a Liquibase of another line, naming it and what to pin instead. */
    public static void require() {
        if (!supported(FOUND)) {
            throw new MarsSchemaException(ErrorCode.UNSUPPORTED_LIQUIBASE, "Liquibase " + FOUND + " is on the class"
                    + " path and marsai-schema runs on Liquibase " + SUPPORTED + " (tested with " + TESTED + "):"
                    + " pin org.liquibase:liquibase-core to 4.33.0 or 5.0.4 in the application's build.");
        }
    }

    private static String found() {
        try {
            return LiquibaseUtil.getBuildVersion();
        } catch (LinkageError e) {
            return null;
        }
    }
}

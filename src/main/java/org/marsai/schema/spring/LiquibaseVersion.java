package org.marsai.schema.spring;

import org.marsai.schema.ErrorCode;
import org.marsai.schema.MarsSchemaException;

/**
 * The Liquibase on the application's classpath must be the one this library is built for. Spring Boot 4's
 * dependency management (the starter parent or the {@code spring-boot-dependencies} BOM) otherwise replaces
 * it with Liquibase 5, silently.
 */
final class LiquibaseVersion {

    static final String REQUIRED = "4.33.";

    private LiquibaseVersion() {
    }

    /** The version on the classpath, or {@code null} when Liquibase does not say. */
    static String found() {
        try {
            return liquibase.util.LiquibaseUtil.getBuildVersion();
        } catch (LinkageError e) {
            return null;
        }
    }

    static void require(String found) {
        if (found != null && !found.startsWith(REQUIRED) && !found.equals(liquibase.util.LiquibaseUtil.DEV_VERSION)) {
            throw new MarsSchemaException(ErrorCode.INVALID_CONFIGURATION, "marsai-schema needs Liquibase 4.33.x and"
                    + " the application has Liquibase " + found + " (Spring Boot's dependency management chooses 5.x):"
                    + " set the Maven property liquibase.version to 4.33.0 (Gradle: ext['liquibase.version'] = '4.33.0').");
        }
    }
}

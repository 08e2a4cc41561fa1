package org.marsai.schema.spring;

import org.marsai.schema.MarsSchemaException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a start-up failure caused by a {@link MarsSchemaException}, however deep in Spring's bean-creation
 * exceptions, into our one-line message (what failed, then the fix) and the Spring setting that goes with it.
 * Registered in {@code META-INF/spring.factories}.
 */
class MarsSchemaFailureAnalyzer extends AbstractFailureAnalyzer<MarsSchemaException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MarsSchemaException cause) {
        return new FailureAnalysis("marsai-schema: " + cause.getMessage() + " [" + cause.code() + "]",
                action(cause), cause);
    }

    static String action(MarsSchemaException cause) {
        return switch (cause.code()) {
            case INVALID_CONFIGURATION, UNSUPPORTED_DATABASE, NO_DATABASE ->
                    "Correct the setting the message names (marsai.schema.* or the application's DataSource).";
            case CONNECTION_FAILED, AUTHENTICATION_FAILED, DATABASE_NOT_FOUND, INSUFFICIENT_PRIVILEGES ->
                    "Fix the connection as the message says: spring.datasource.* for the application's DataSource,"
                            + " or marsai.schema.url, marsai.schema.username and marsai.schema.password.";
            case LOCK_TIMEOUT -> "Let the other node's migration finish and start again, or raise marsai.schema.lock-wait.";
            default -> "Do what the message says, then start again. Meanwhile marsai.schema.on-startup=none starts"
                    + " the application without touching the schema.";
        };
    }
}

package org.marsai.schema.spring;

import java.util.regex.Pattern;

import org.marsai.schema.ErrorCode;
import org.marsai.schema.MarsSchemaException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a start-up failure caused by a {@link MarsSchemaException}, however deep in Spring's bean-creation
 * exceptions, into our one-line message (what failed) and a Spring-shaped action: the property, the build
 * property or the bean that fixes it. Hints meant for the command line, written {@code (CLI: …)} in the
 * library's messages, are left out. Registered in {@code META-INF/spring.factories}.
 */
class MarsSchemaFailureAnalyzer extends AbstractFailureAnalyzer<MarsSchemaException> {

    private static final Pattern CLI_HINT = Pattern.compile("\\s*\\(CLI: [^()]*\\)");
    private static final String PREFIX = "marsai-schema: ";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MarsSchemaException cause) {
        return new FailureAnalysis(description(cause), action(cause), cause);
    }

    /** The message for a Spring application: one line, no command-line hints, one "marsai-schema:" prefix. */
    static String description(MarsSchemaException cause) {
        String message = CLI_HINT.matcher(String.valueOf(cause.getMessage())).replaceAll("");
        return (message.startsWith(PREFIX) ? message : PREFIX + message) + " [" + cause.code() + "]";
    }

    static String action(MarsSchemaException cause) {
        return switch (cause.code()) {
            case UNSUPPORTED_LIQUIBASE -> "Pin Liquibase in the application's build: the property liquibase.version"
                    + " (<liquibase.version>4.33.0</liquibase.version> under <properties> with spring-boot-starter-parent;"
                    + " Gradle: ext['liquibase.version'] = '4.33.0'), or org.liquibase:liquibase-core 4.33.0 in your own"
                    + " <dependencyManagement> when you import the spring-boot-dependencies BOM. 5.0.4 works too.";
            case INVALID_CONFIGURATION -> "Correct the property the message names (in application.properties or"
                    + " application.yaml), then start again.";
            case NO_DATABASE -> "Give the application one DataSource (spring.datasource.url with"
                    + " spring-boot-starter-jdbc; with several, mark one @Primary), or set marsai.schema.url.";
            case UNSUPPORTED_DATABASE -> "Point spring.datasource.url (or marsai.schema.url, when set) at the MarsAI"
                    + " database: jdbc:mysql://HOST:3306/DATABASE.";
            case CONNECTION_FAILED, DATABASE_NOT_FOUND -> "Check spring.datasource.url (host, port, database), or"
                    + " marsai.schema.url when marsai-schema has a connection of its own, and that the server is running.";
            case AUTHENTICATION_FAILED -> "Check spring.datasource.username and spring.datasource.password, or"
                    + " marsai.schema.url, marsai.schema.username and marsai.schema.password when they are set.";
            case INSUFFICIENT_PRIVILEGES -> "Grant the user the privileges the message names, or give marsai-schema a"
                    + " user with DDL rights of its own: marsai.schema.url, marsai.schema.username and"
                    + " marsai.schema.password.";
            case LOCK_TIMEOUT -> "Let the other node's migration finish and start again, or raise marsai.schema.lock-wait."
                    + " A lock left by a killed process: call releaseLocks() on the MarsSchema bean once.";
            case VALIDATION_FAILED -> "Start once with marsai.schema.on-startup=update to apply what is pending, or"
                    + " correct the schema; marsai.schema.on-startup=none starts without looking at it.";
            default -> "Do what the message says, then start again. Meanwhile marsai.schema.on-startup=none starts"
                    + " the application without touching the schema.";
        };
    }
}

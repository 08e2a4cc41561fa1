package org.marsai.schema.spring;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * {@code spring.jpa.defer-datasource-initialization=true} makes Spring Boot start JPA before the database
 * initializers, and marsai-schema's start-up step is one that JPA must wait for: Spring reports the two orders as
 * a bare "Circular depends-on relationship" with a long stack. This names the property and the fix instead.
 * Registered in {@code META-INF/spring.factories}; Spring Boot passes the application's environment.
 */
class DeferredInitializationFailureAnalyzer implements FailureAnalyzer {

    static final String PROPERTY = "spring.jpa.defer-datasource-initialization";
    private static final String CIRCULAR = "Circular depends-on relationship";

    private final Environment environment;

    DeferredInitializationFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.contains(CIRCULAR) && message.contains("marsSchemaInitializer")
                    && environment.getProperty(PROPERTY, Boolean.class, false)) {
                return new FailureAnalysis("marsai-schema: " + PROPERTY + "=true makes Spring Boot start JPA before"
                        + " the database initializers, and marsai-schema's start-up step (bean 'marsSchemaInitializer')"
                        + " is one that JPA waits for, so the two cannot be ordered (Spring: "
                        + message.substring(message.indexOf(CIRCULAR)) + ").",
                        "Remove " + PROPERTY + " (or set it to false): marsai-schema already applies the schema before"
                                + " JPA and before spring.sql.init, so schema.sql and data.sql run on the migrated"
                                + " tables without it. Tables of the application's own belong in a changelog of its own"
                                + " (spring.liquibase.*, run after marsai-schema), not in spring.jpa.hibernate.ddl-auto.",
                        failure);
            }
        }
        return null;
    }
}

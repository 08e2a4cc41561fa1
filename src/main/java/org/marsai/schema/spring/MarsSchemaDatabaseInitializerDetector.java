package org.marsai.schema.spring;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.core.Ordered;

/**
 * Tells Spring Boot that a {@link MarsSchemaInitializer} initializes the database, so that JPA,
 * {@code JdbcTemplate}, {@code spring.sql.init} and beans marked {@code @DependsOnDatabaseInitialization}
 * start after it. Registered in {@code META-INF/spring.factories}.
 *
 * <p>Its order puts the MarsAI schema before Flyway's and Liquibase's own initializers (order 0), whose
 * changelogs may build on MarsAI tables, and before {@code spring.sql.init} scripts.
 */
class MarsSchemaDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(MarsSchemaInitializer.class);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}

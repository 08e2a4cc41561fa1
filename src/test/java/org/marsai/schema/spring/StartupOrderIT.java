package org.marsai.schema.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.junit.jupiter.api.Test;
import org.marsai.schema.testing.TestDatabase;
import org.marsai.schema.testing.TestServer;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Adding the jar is enough: on an empty database the schema is there before anything that uses the database
 * starts — JdbcTemplate users, {@code spring.sql.init}, beans marked {@code @DependsOnDatabaseInitialization},
 * JPA with Hibernate validating its mappings, and the application's own Liquibase changelog.
 */
class StartupOrderIT {

    /** Counts users when it is created: the table must exist by then. */
    record UsersAtStartup(long count) {
    }

    record UsersThroughDataSource(long count) {
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class UsersApp {

        @Bean
        UsersAtStartup usersAtStartup(JdbcTemplate jdbc) {
            return new UsersAtStartup(jdbc.queryForObject("SELECT COUNT(*) FROM users", Long.class));
        }

        @Bean
        @DependsOnDatabaseInitialization
        UsersThroughDataSource usersThroughDataSource(DataSource dataSource) throws SQLException {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM users")) {
                rs.next();
                return new UsersThroughDataSource(rs.getLong(1));
            }
        }
    }

    @Test
    void emptyDatabaseIsMigratedThenSeededBySqlInitBeforeBeansThatQueryUsers() {
        try (TestDatabase db = TestServer.get().createDatabase();
             ConfigurableApplicationContext context = SpringApps.app(db, UsersApp.class).run(
                     "--spring.sql.init.mode=always", "--spring.sql.init.data-locations=classpath:spring/seed-user.sql")) {
            assertThat(context.getBean(UsersAtStartup.class).count())
                    .as("users seen by a JdbcTemplate bean at start-up: the table exists and sql.init seeded it first")
                    .isEqualTo(1);
            assertThat(context.getBean(UsersThroughDataSource.class).count())
                    .as("users seen by a @DependsOnDatabaseInitialization bean").isEqualTo(1);
            assertThat(db.schema().status().isUpToDate()).as("up to date after start-up").isTrue();
        }
    }

    /** Maps two columns of {@code users}; Hibernate validates the mapping against the live table at start-up. */
    @Entity(name = "MarsUser")
    @Table(name = "users")
    static class MarsUser {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        @Column(name = "id_user")
        Integer id;

        @Column(name = "email", nullable = false)
        String email;
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class JpaApp {
    }

    @Test
    void jpaStartsOnTheMigratedSchemaWithHibernateValidatingIt() {
        try (TestDatabase db = TestServer.get().createDatabase();
             ConfigurableApplicationContext context = SpringApps.app(db, JpaApp.class).run(
                     "--spring.autoconfigure.exclude=", "--spring.jpa.hibernate.ddl-auto=validate",
                     "--spring.jpa.open-in-view=false")) {
            EntityManagerFactory factory = context.getBean(EntityManagerFactory.class);
            var entityManager = factory.createEntityManager();
            try {
                assertThat(entityManager.createQuery("select count(u) from MarsUser u", Long.class)
                        .getSingleResult()).as("users through JPA").isZero();
            } finally {
                entityManager.close();
            }
            assertThat(db.tables()).as("tables").contains("users", "movies", "DATABASECHANGELOG");
        }
    }

    @Test
    void deferredDatasourceInitializationIsExplainedInsteadOfACircularStack() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            SpringApps.Run run = SpringApps.capture(SpringApps.app(db, JpaApp.class), "--spring.autoconfigure.exclude=",
                    "--spring.jpa.defer-datasource-initialization=true", "--spring.jpa.open-in-view=false");

            assertThat(run.failure()).as("start-up failure").isNotNull();
            assertThat(run.err()).as("what the user sees")
                    .contains("APPLICATION FAILED TO START")
                    .contains("marsai-schema: spring.jpa.defer-datasource-initialization=true makes Spring Boot start JPA")
                    .contains("Remove spring.jpa.defer-datasource-initialization")
                    .doesNotContain("\tat ");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class PlainApp {
    }

    @Test
    void theApplicationsOwnLiquibaseChangelogRunsAfterTheMarsSchema() {
        // the application's changelog has a foreign key to users, and its own history tables
        String[] ownLiquibase = {"--spring.liquibase.enabled=true",
                "--spring.liquibase.change-log=classpath:spring/app-changelog.yaml",
                "--spring.liquibase.database-change-log-table=APP_DATABASECHANGELOG",
                "--spring.liquibase.database-change-log-lock-table=APP_DATABASECHANGELOGLOCK"};
        try (TestDatabase db = TestServer.get().createDatabase()) {
            try (ConfigurableApplicationContext context = SpringApps.app(db, PlainApp.class).run(ownLiquibase)) {
                assertThat(context.isActive()).as("first start").isTrue();
                assertThat(db.tables()).as("tables after the first start").contains("users", "user_notes");
            }
            try (ConfigurableApplicationContext context = SpringApps.app(db, PlainApp.class).run(ownLiquibase)) {
                assertThat(context.isActive()).as("second start").isTrue();
                assertThat(db.schema().status().unknown()).as("changesets the library does not know").isEmpty();
                assertThat(db.count("SELECT COUNT(*) FROM APP_DATABASECHANGELOG")).as("application's history").isEqualTo(1);
            }
        }
    }
}

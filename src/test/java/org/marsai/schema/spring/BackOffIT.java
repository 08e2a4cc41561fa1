package org.marsai.schema.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.marsai.schema.MarsSchema;
import org.marsai.schema.testing.TestDatabase;
import org.marsai.schema.testing.TestServer;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which database the start-up step manages: the application's own {@code MarsSchema} bean wins over ours,
 * {@code marsai.schema.url} over the application's DataSource.
 */
class BackOffIT {

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {
    }

    /** The application's own MarsSchema, on another database than its DataSource's. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class OwnSchemaApp {
        static TestDatabase target;

        @Bean
        MarsSchema ownSchema() {
            return target.schema();
        }
    }

    @Test
    void anApplicationsOwnMarsSchemaBeanReplacesOursAndIsTheOneUpdatedAtStartUp() {
        try (TestDatabase applicationDb = TestServer.get().createDatabase();
             TestDatabase ownDb = TestServer.get().createDatabase()) {
            OwnSchemaApp.target = ownDb;
            try (ConfigurableApplicationContext context = SpringApps.app(applicationDb, OwnSchemaApp.class).run()) {
                assertThat(context.getBeansOfType(MarsSchema.class)).as("MarsSchema beans").containsOnlyKeys("ownSchema");
                assertThat(ownDb.tables()).as("tables of the own bean's database").contains("users", "DATABASECHANGELOG");
                assertThat(applicationDb.tables()).as("tables of the application's DataSource").isEmpty();
            }
        }
    }

    @Test
    void aDedicatedUrlIsUsedInsteadOfTheApplicationsDataSource() {
        try (TestDatabase applicationDb = TestServer.get().createDatabase();
             TestDatabase dedicatedDb = TestServer.get().createDatabase();
             ConfigurableApplicationContext context = SpringApps.app(applicationDb, App.class).run(
                     "--marsai.schema.url=" + dedicatedDb.url(), "--marsai.schema.username=" + dedicatedDb.user(),
                     "--marsai.schema.password=" + dedicatedDb.password(), "--marsai.schema.lock-wait=30s",
                     "--marsai.schema.connect-timeout=5s")) {
            assertThat(context.getBean(MarsSchemaProperties.class).getLockWait()).as("lock wait bound")
                    .isEqualTo(Duration.ofSeconds(30));
            assertThat(dedicatedDb.schema().status().isUpToDate()).as("dedicated database up to date").isTrue();
            assertThat(applicationDb.tables()).as("tables of the application's DataSource").isEmpty();
        }
    }
}

package org.marsai.schema.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.marsai.schema.testing.TestDatabase;
import org.marsai.schema.testing.TestServer;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Boot's own Liquibase pointed at our changelog (the README's way for teams that want plain Liquibase)
 * would run it a second time, around the library. With the library applying the schema at start-up, the
 * application refuses to start before Spring's Liquibase runs; with {@code on-startup=none} it only warns.
 */
class SpringLiquibaseIT {

    private static final String[] SPRING_LIQUIBASE_ON_OUR_CHANGELOG = {"--spring.liquibase.enabled=true",
            "--spring.liquibase.change-log=classpath:org/marsai/schema/changelogs/marsai-changelog.yaml"};

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {
    }

    @Test
    void springLiquibaseRunningOurChangelogIsRefusedBeforeItRuns() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            SpringApps.Run run = SpringApps.capture(SpringApps.app(db, App.class), SPRING_LIQUIBASE_ON_OUR_CHANGELOG);

            assertThat(run.failure()).as("start-up failure").isNotNull();
            assertThat(run.err()).as("what the user sees")
                    .contains("APPLICATION FAILED TO START")
                    .contains("marsai-schema: Spring's Liquibase (bean 'liquibase', change log"
                            + " classpath:org/marsai/schema/changelogs/marsai-changelog.yaml) would run the MarsAI changelog"
                            + " a second time")
                    .contains("remove spring.liquibase.change-log")
                    .contains("marsai.schema.enabled=false");
            assertThat(db.tables()).as("Spring's Liquibase did not run: no lock table of its own")
                    .doesNotContain("DATABASECHANGELOGLOCK");
        }
    }

    @Test
    void withOnStartupNoneSpringLiquibaseAppliesTheChangelogWithAWarning() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            String[] args = {SPRING_LIQUIBASE_ON_OUR_CHANGELOG[0], SPRING_LIQUIBASE_ON_OUR_CHANGELOG[1],
                    "--marsai.schema.on-startup=none"};
            SpringApps.Run run = SpringApps.capture(SpringApps.app(db, App.class), args);
            try (ConfigurableApplicationContext context = run.context()) {
                assertThat(run.failure()).as("start-up failure").isNull();
                assertThat(context.isActive()).as("application started").isTrue();
                assertThat(run.err()).as("warning").contains("WARN").contains("would run the MarsAI changelog a second time")
                        .contains("marsai.schema.on-startup=none leaves the schema to it");
                assertThat(db.tables()).as("Spring's Liquibase ran").contains("DATABASECHANGELOGLOCK", "users");
                assertThat(db.schema().status().isUpToDate()).as("the library sees the same history").isTrue();
            }
        }
    }
}

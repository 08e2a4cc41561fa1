package org.marsai.schema.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import org.marsai.schema.MarsSchema;
import org.marsai.schema.RollbackTarget;
import org.marsai.schema.testing.Migrations;
import org.marsai.schema.testing.TestDatabase;
import org.marsai.schema.testing.TestServer;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * {@code marsai.schema.on-startup} and {@code marsai.schema.enabled}, and what a user sees when start-up fails:
 * Spring Boot's failure report with our one line and its fix, no stack of Spring wrappers, no password.
 */
class StartupModesIT {

    private static final String LAST_MIGRATION = Migrations.last();

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {
    }

    @Test
    void validateRefusesToStartOnAPendingDatabaseAndChangesNothing() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            SpringApps.Run run = SpringApps.capture(SpringApps.app(db, App.class), "--marsai.schema.on-startup=validate");

            assertThat(run.failure()).as("start-up failure").isNotNull();
            assertThat(run.err()).as("what the user sees")
                    .contains("APPLICATION FAILED TO START")
                    .contains("marsai-schema: Refusing to start (marsai.schema.on-startup=validate): " + Migrations.count() + " migration(s)"
                            + " pending, from 20260128100000-create-users to " + LAST_MIGRATION + ": apply them first")
                    .contains("[VALIDATION_FAILED]")
                    .contains("Action:")
                    .doesNotContain("\tat ")
                    .doesNotContain("Caused by");
            assertThat(db.tables()).as("tables after a refused start").isEmpty();
        }
    }

    @Test
    void validateRefusesToStartWhenTheSchemaHasDrifted() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            db.schema().update();
            db.execute("ALTER TABLE movies MODIFY title varchar(200) NOT NULL");

            SpringApps.Run run = SpringApps.capture(SpringApps.app(db, App.class), "--marsai.schema.on-startup=validate");

            assertThat(run.failure()).as("start-up failure").isNotNull();
            assertThat(run.err()).as("what the user sees")
                    .contains("differs from the changelog at its")
                    .contains("in 1 place(s): movies.title has another type: expected varchar(255) NOT NULL,"
                            + " found varchar(200) NOT NULL; correct the schema");
        }
    }

    @Test
    void validateStartsOnAnUpToDateDatabase() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            db.schema().update();
            long rows = db.count("SELECT COUNT(*) FROM DATABASECHANGELOG");
            try (ConfigurableApplicationContext context = SpringApps.app(db, App.class)
                    .run("--marsai.schema.on-startup=validate")) {
                assertThat(context.getBean(MarsSchemaInitializer.class).onStartup())
                        .isEqualTo(MarsSchemaProperties.OnStartup.VALIDATE);
            }
            assertThat(db.count("SELECT COUNT(*) FROM DATABASECHANGELOG")).as("history rows").isEqualTo(rows);
        }
    }

    @Test
    void updateAppliesOnlyWhatIsPending() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            schema.update();
            schema.rollback(RollbackTarget.lastMigrations(1));
            try (ConfigurableApplicationContext context = SpringApps.app(db, App.class).run()) {
                assertThat(context.getBean(MarsSchemaInitializer.class).onStartup()).isEqualTo(MarsSchemaProperties.OnStartup.UPDATE);
                assertThat(schema.status().isUpToDate()).as("up to date after start-up").isTrue();
                assertThat(schema.history().get(schema.history().size() - 1).migration()).isEqualTo(LAST_MIGRATION);
            }
        }
    }

    @Test
    void noneLeavesTheSchemaAloneButKeepsTheBean() {
        try (TestDatabase db = TestServer.get().createDatabase();
             ConfigurableApplicationContext context = SpringApps.app(db, App.class).run("--marsai.schema.on-startup=none")) {
            assertThat(context.getBeansOfType(MarsSchema.class)).as("MarsSchema beans").hasSize(1);
            assertThat(context.getBean(MarsSchema.class).status().isUpToDate()).as("up to date").isFalse();
            assertThat(db.tables()).as("tables").isEmpty();
        }
    }

    @Test
    void enabledFalseTurnsEverythingOff() {
        try (TestDatabase db = TestServer.get().createDatabase();
             ConfigurableApplicationContext context = SpringApps.app(db, App.class).run("--marsai.schema.enabled=false")) {
            assertThat(context.getBeansOfType(MarsSchema.class)).as("MarsSchema beans").isEmpty();
            assertThat(context.getBeansOfType(MarsSchemaInitializer.class)).as("start-up steps").isEmpty();
            assertThat(db.tables()).as("tables").isEmpty();
        }
    }

    @Test
    void aWrongPasswordFailsInOneLineThatDoesNotShowIt() {
        String secret = "Wr0ng-S3cret-4711";
        try (TestDatabase db = TestServer.get().createDatabase()) {
            SpringApps.Run run = SpringApps.capture(SpringApps.app(db, App.class), "--marsai.schema.url=" + db.url(),
                    "--marsai.schema.username=" + db.user(), "--marsai.schema.password=" + secret);

            assertThat(run.failure()).as("start-up failure").isNotNull();
            assertThat(run.err()).as("what the user sees")
                    .contains("APPLICATION FAILED TO START")
                    .contains("[AUTHENTICATION_FAILED]")
                    .contains("marsai.schema.url, marsai.schema.username and marsai.schema.password")
                    .doesNotContain(secret);
            assertThat(stackTrace(run.failure())).as("the exception and its causes").doesNotContain(secret);
        }
    }

    @Test
    void aWrongDataSourcePasswordNamesTheUserAndSpringsPropertiesNotTheCommandLine() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            SpringApps.Run run = SpringApps.capture(SpringApps.app(db, App.class), "--spring.datasource.password=Wr0ng-4711");

            assertThat(run.failure()).as("start-up failure").isNotNull();
            // Spring's own WARN line before the report quotes the exception as it is; the report is what speaks Spring
            String report = run.err().substring(Math.max(0, run.err().indexOf("APPLICATION FAILED TO START")));
            assertThat(report).as("what the user sees")
                    .contains("[AUTHENTICATION_FAILED]")
                    .contains("The server behind the configured DataSource refused user '" + db.user() + "'@")
                    .contains("spring.datasource.username and spring.datasource.password")
                    .doesNotContain("the configured user", "--username", "DB_USER", "marsai-schema: marsai-schema");
        }
    }

    @Test
    void aUsernameWithoutUrlIsRefusedNamingTheProperties() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            SpringApps.Run run = SpringApps.capture(SpringApps.app(db, App.class), "--marsai.schema.username=someone");

            assertThat(run.err()).as("what the user sees")
                    .contains("marsai.schema.username or marsai.schema.password is set without marsai.schema.url")
                    .contains("[INVALID_CONFIGURATION]");
            assertThat(db.tables()).as("tables").isEmpty();
        }
    }

    private static String stackTrace(Throwable e) {
        StringWriter text = new StringWriter();
        e.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}

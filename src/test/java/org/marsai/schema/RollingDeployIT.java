package org.marsai.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marsai.schema.spring.SpringApps;
import org.marsai.schema.spring.actuate.MarsSchemaHealthIndicator;
import org.marsai.schema.testing.InProcessCli;
import org.marsai.schema.testing.TestDatabase;
import org.marsai.schema.testing.TestServer;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Configuration;

/**
 * This build as the older one of a rolling deploy: the database was migrated by a newer version, simulated by a
 * history row of a changeset this build does not know and the column it made. An update (API, CLI, Spring Boot
 * start-up) changes nothing and warns; the refuse setting refuses; what needs to know the newer changesets
 * (rollback, diff, repair) refuses, naming the newer version.
 */
class RollingDeployIT {

    private static final String FUTURE = "20270101000000-add-nickname-to-users";

    @TempDir
    Path workingDirectory;

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {
    }

    /** Up to date with this build, then one changeset of a "newer version" with what it made. */
    private static void migrateAsNewerVersion(TestDatabase db) {
        db.schema().update();
        db.execute("ALTER TABLE users ADD COLUMN nickname VARCHAR(50) NULL",
                "INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE, MD5SUM)"
                        + " VALUES ('" + FUTURE + "', 'marsai', 'marsai-schema/" + FUTURE + ".yaml', NOW(), 999,"
                        + " 'EXECUTED', '9:11111111111111111111111111111111')");
    }

    @Test
    void updateOnADatabaseANewerVersionMigratedChangesNothingAndWarnsOnce() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            migrateAsNewerVersion(db);
            List<String> picture = db.picture();
            MarsSchema schema = db.schema();

            Captured<UpdateResult> update = capture(schema::update);
            assertThat(update.value().nothingToDo()).as("update result").isTrue();
            assertThat(update.err().lines().filter(l -> l.contains("WARN")).toList()).as("warnings")
                    .singleElement().asString().contains(FUTURE, "newer version", "changes nothing");
            assertThat(MarsSchema.update(db.dataSource()).nothingToDo()).as("the one-liner").isTrue();
            assertThat(db.picture()).as("schema and history after the updates").isEqualTo(picture);

            StatusResult status = schema.status();
            assertThat(status.isUpToDate()).as("status up to date").isTrue();
            assertThat(status.canUpdate()).isTrue();
            assertThat(status.unknown()).extracting(HistoryEntry::id).containsExactly(FUTURE);
            assertThat(schema.validate().isValid()).as("validate: %s", schema.validate().problems()).isTrue();
            assertThat(schema.updateSql()).as("update-sql: nothing to run").doesNotContain("ALTER TABLE", "CREATE TABLE");
            assertThat(db.picture()).as("schema and history after reading").isEqualTo(picture);
        }
    }

    @Test
    void whatNeedsToKnowTheNewerChangeSetsRefusesNamingTheNewerVersion() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            migrateAsNewerVersion(db);
            List<String> picture = db.picture();
            MarsSchema schema = db.schema();

            assertThatThrownBy(() -> schema.rollback(RollbackTarget.lastMigrations(1))).isInstanceOf(MarsSchemaException.class)
                    .hasMessageContaining(FUTURE).hasMessageContaining("Roll back with the version that applied them")
                    .extracting(e -> ((MarsSchemaException) e).code()).isEqualTo(ErrorCode.DATABASE_NEWER_THAN_LIBRARY);
            assertThatThrownBy(() -> schema.rollbackSql(RollbackTarget.lastMigrations(1)))
                    .hasMessageContaining("Roll back with the version that applied them");
            assertThatThrownBy(schema::diff).hasMessageContaining("diff needs to know").hasMessageContaining(FUTURE);
            assertThatThrownBy(schema::repair).hasMessageContaining("repair needs to know");
            assertThat(db.picture()).isEqualTo(picture);
        }
    }

    @Test
    void refuseNewerChangesetsRefusesInTheApiAndTheCommandLine() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            migrateAsNewerVersion(db);
            List<String> picture = db.picture();
            MarsSchema strict = db.configure().refuseNewerChangesets(true).load();

            assertThatThrownBy(strict::update).isInstanceOf(ValidationException.class)
                    .hasMessageContaining(FUTURE).hasMessageContaining("refuseNewerChangesets")
                    .extracting(e -> ((MarsSchemaException) e).code()).isEqualTo(ErrorCode.DATABASE_NEWER_THAN_LIBRARY);
            assertThat(strict.status().canUpdate()).isFalse();

            InProcessCli cli = new InProcessCli(workingDirectory);
            InProcessCli.Run status = cli.on(db, "status", "--exit-code");
            assertThat(status.code()).as(status.all()).isZero();
            assertThat(status.out()).contains("unknown   " + FUTURE, "update leaves them alone");
            assertThat(cli.on(db, "update").code()).as("CLI update").isZero();
            InProcessCli.Run refused = cli.on(db, "status", "--exit-code", "--refuse-newer-changesets");
            assertThat(refused.code()).as(refused.all()).isEqualTo(5);
            InProcessCli.Run refusedUpdate = cli.on(db, "update", "--refuse-newer-changesets");
            assertThat(refusedUpdate.code()).as(refusedUpdate.all()).isEqualTo(1);
            assertThat(refusedUpdate.err()).contains(FUTURE);
            assertThat(db.picture()).isEqualTo(picture);
        }
    }

    @Test
    void aNewerVersionsDatabaseWithoutThisVersionsChangeSetsIsRefused() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            migrateAsNewerVersion(db);
            db.execute("DELETE FROM DATABASECHANGELOG WHERE ID = '20260302171000-create-newsletter-subscribers'",
                    "DROP TABLE newsletter_subscribers");
            assertThatThrownBy(db.schema()::update).hasMessageContaining("are not applied there")
                    .extracting(e -> ((MarsSchemaException) e).code()).isEqualTo(ErrorCode.DATABASE_NEWER_THAN_LIBRARY);
        }
    }

    @Test
    void anInterruptedRunNextToNewerChangeSetsIsLeftToTheNewerVersion() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            migrateAsNewerVersion(db);
            db.execute("INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE, COMMENTS)"
                    + " VALUES ('marsai-schema-run-in-progress', 'marsai', 'marsai-schema/run-in-progress', NOW(), 1000,"
                    + " 'EXECUTED', 'update by a newer version')");
            List<String> picture = db.picture();
            assertThatThrownBy(db.schema()::update).hasMessageContaining("was interrupted")
                    .hasMessageContaining("newest version")
                    .extracting(e -> ((MarsSchemaException) e).code()).isEqualTo(ErrorCode.DATABASE_NEWER_THAN_LIBRARY);
            assertThat(db.picture()).as("the marker stays for the newer version").isEqualTo(picture);
        }
    }

    @Test
    void springBootStartsWithTheDefaultsHealthStaysUpAndTheSettingRefuses() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            migrateAsNewerVersion(db);
            List<String> picture = db.picture();

            SpringApps.Run update = SpringApps.capture(SpringApps.app(db, App.class));
            assertThat(update.failure()).as("start-up with on-startup=update").isNull();
            try (var context = update.context()) {
                assertThat(update.err()).contains("WARN").contains(FUTURE);
                Health health = new MarsSchemaHealthIndicator(context.getBean(MarsSchema.class)).health(true);
                assertThat(health.getStatus()).as("health %s", health.getDetails()).isEqualTo(Status.UP);
                assertThat(health.getDetails()).containsEntry("unknown", 1).containsEntry("upToDate", true);
            }

            SpringApps.Run validate = SpringApps.capture(SpringApps.app(db, App.class), "--marsai.schema.on-startup=validate");
            assertThat(validate.failure()).as("start-up with on-startup=validate").isNull();
            validate.context().close();
            assertThat(validate.err()).contains("cannot judge drift");

            SpringApps.Run refused = SpringApps.capture(SpringApps.app(db, App.class),
                    "--marsai.schema.refuse-newer-changesets=true");
            assertThat(refused.failure()).as("start-up with refuse-newer-changesets").isNotNull();
            assertThat(refused.err()).contains("APPLICATION FAILED TO START", FUTURE, "[DATABASE_NEWER_THAN_LIBRARY]");
            assertThat(db.picture()).isEqualTo(picture);
        }
    }

    private record Captured<T>(T value, String err) {
    }

    /** Runs {@code action} with standard error (where the tests' SLF4J backend writes) captured. */
    private static <T> Captured<T> capture(Supplier<T> action) {
        PrintStream stderr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            T value = action.get();
            return new Captured<>(value, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(stderr);
        }
    }
}

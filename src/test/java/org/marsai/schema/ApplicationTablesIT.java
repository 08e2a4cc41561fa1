package org.marsai.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marsai.schema.Difference.Kind;
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
 * The application's own tables in the MarsAI database (its own migrations' history, sessions with a key to
 * {@code users}, a view) are never drift, never counted, never touched; what is on a MarsAI table stays drift.
 */
class ApplicationTablesIT {

    private static final List<String> APPLICATION_TABLES = List.of(
            "CREATE TABLE APP_DATABASECHANGELOG (ID VARCHAR(255) NOT NULL, AUTHOR VARCHAR(255) NOT NULL,"
                    + " FILENAME VARCHAR(255) NOT NULL, DATEEXECUTED DATETIME NOT NULL)",
            "CREATE TABLE app_sessions (id INT AUTO_INCREMENT PRIMARY KEY, id_user INT NOT NULL,"
                    + " CONSTRAINT app_sessions_user FOREIGN KEY (id_user) REFERENCES users (id_user))",
            "CREATE VIEW app_user_names AS SELECT id_user, first_name FROM users");

    @TempDir
    Path workingDirectory;

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {
    }

    private static void addApplicationTables(TestDatabase db) {
        db.execute(APPLICATION_TABLES.toArray(String[]::new));
        db.execute(TestDatabase.ONE_USER, "INSERT INTO app_sessions (id_user) VALUES (1)",
                "INSERT INTO APP_DATABASECHANGELOG VALUES ('app-1', 'app', 'db/app.yaml', NOW())");
    }

    @Test
    void applicationTablesAreNotDriftButWhatIsOnAMarsTableIs() throws Exception {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            schema.update();
            addApplicationTables(db);

            SchemaDiff diff = schema.diff();
            assertThat(diff.differences()).as("differences").isEmpty();
            assertThat(diff.notManaged()).containsExactlyInAnyOrder("APP_DATABASECHANGELOG", "app_sessions", "app_user_names");
            assertThat(schema.validate().isValid()).as("validate: %s", schema.validate().problems()).isTrue();
            assertThat(schema.status().isUpToDate()).isTrue();
            assertThat(schema.update().nothingToDo()).isTrue();

            InProcessCli cli = new InProcessCli(workingDirectory);
            InProcessCli.Run text = cli.on(db, "diff");
            assertThat(text.code()).as(text.all()).isZero();
            assertThat(text.out()).contains("No drift", "Not managed (the application's own, never drift): APP_DATABASECHANGELOG");
            JsonNode json = new ObjectMapper().readTree(cli.on(db, "diff", "--format", "json").out());
            assertThat(json.get("drift").asBoolean()).isFalse();
            assertThat(json.get("notManaged")).hasSize(3);
            assertThat(cli.on(db, "validate").code()).as("CLI validate").isZero();

            db.execute("ALTER TABLE users ADD COLUMN app_flag INT NULL", "CREATE INDEX app_title ON movies (title)",
                    "ALTER TABLE awards ADD CONSTRAINT app_award_user FOREIGN KEY (id_award) REFERENCES users (id_user)");
            assertThat(schema.diff().differences()).extracting(Difference::kind).as("on MarsAI tables")
                    .containsExactlyInAnyOrder(Kind.COLUMN_EXTRA, Kind.INDEX_EXTRA, Kind.FOREIGN_KEY_EXTRA);
            assertThat(cli.on(db, "diff").code()).as("CLI diff with drift").isEqualTo(4);
        }
    }

    @Test
    void springValidateStartsAndHealthIsUpWithApplicationTables() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            db.schema().update();
            addApplicationTables(db);

            SpringApps.Run run = SpringApps.capture(SpringApps.app(db, App.class), "--marsai.schema.on-startup=validate");
            assertThat(run.failure()).as("start-up with on-startup=validate: %s", run.err()).isNull();
            try (var context = run.context()) {
                Health health = new MarsSchemaHealthIndicator(context.getBean(MarsSchema.class)).health(true);
                assertThat(health.getStatus()).isEqualTo(Status.UP);
                assertThat(health.getDetails()).containsEntry("drift", false).containsEntry("differences", 0);
            }
        }
    }

    @Test
    void updateAndRollbackLeaveApplicationTablesAloneAndARollbackTheirKeysBlockRefusesUpFront() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            db.execute("CREATE TABLE app_cache (k VARCHAR(100) PRIMARY KEY, v TEXT)", "INSERT INTO app_cache VALUES ('a', 'b')");
            MarsSchema schema = db.schema();
            schema.update();
            addApplicationTables(db);
            List<String> picture = db.picture();

            assertThatThrownBy(() -> schema.rollback(RollbackTarget.all())).isInstanceOf(MarsSchemaException.class)
                    .hasMessageContaining("app_sessions.app_sessions_user (id_user -> users.id_user)")
                    .hasMessageContaining("nothing was changed")
                    .extracting(e -> ((MarsSchemaException) e).code()).isEqualTo(ErrorCode.ROLLBACK_REFUSED);
            assertThat(db.picture()).as("after the refused rollback").isEqualTo(picture);

            schema.rollback(RollbackTarget.lastMigrations(3));
            schema.update();
            db.execute("DROP VIEW app_user_names", "ALTER TABLE app_sessions DROP FOREIGN KEY app_sessions_user");
            db.execute("DELETE FROM users");
            MarsSchema.configure().url(db.url()).username(db.user()).password(db.password()).allowDataLoss(true).load()
                    .rollback(RollbackTarget.all());
            assertThat(db.tables()).as("tables after rolling everything back")
                    .containsExactlyInAnyOrder("APP_DATABASECHANGELOG", "app_cache", "app_sessions", "DATABASECHANGELOG");
            assertThat(db.count("SELECT COUNT(*) FROM app_cache")).isEqualTo(1);
            assertThat(db.count("SELECT COUNT(*) FROM app_sessions")).isEqualTo(1);
        }
    }
}

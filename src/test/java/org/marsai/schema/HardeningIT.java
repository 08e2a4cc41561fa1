package org.marsai.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.marsai.schema.testing.Migrations;
import org.marsai.schema.testing.TestDatabase;
import org.marsai.schema.testing.TestServer;

/**
 * The cases an operator found while trying to break the library, each answered now with one clear message
 * and no change, or with the right outcome.
 */
class HardeningIT {

    /** The last migration of release 1.0, whose rollback drops a table. */
    private static final String NEWSLETTER = "20260302171000-create-newsletter-subscribers";

    private static final String MOVIES_ALTERED = "20260128144807-alter-movies";

    @Test
    void readOnlyOperationsCreateNothingEvenOnAnEmptyDatabase() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();

            assertThat(schema.validate().isValid()).isTrue();
            assertThat(schema.status().pending()).hasSize(Migrations.changeSetCount());
            assertThat(schema.history()).isEmpty();
            assertThat(schema.diff().hasDrift()).isFalse();
            assertThat(schema.updateSql()).contains("CREATE TABLE");
            assertThat(schema.adoptionPlan().canAdopt()).isFalse();

            assertThat(db.tables()).as("an empty database stays empty").isEmpty();
        }
    }

    @Test
    void aReadOnlyUserCanInspectAndPreviewButCannotChange() throws Exception {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            db.schema().updateTo(MOVIES_ALTERED);
            String user = "ro_" + db.name().substring(db.name().length() - 6);
            try (Connection root = TestServer.get().rootConnection(); Statement s = root.createStatement()) {
                s.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY 'Ro-pass-1'");
                s.execute("GRANT SELECT ON `" + db.name() + "`.* TO '" + user + "'@'%'");
            }
            try {
                MarsSchema readOnly = MarsSchema.configure().url(db.url()).username(user).password("Ro-pass-1").load();
                List<String> tables = db.tables();
                List<String> picture = db.picture();

                assertThat(readOnly.validate().isValid()).isTrue();
                assertThat(readOnly.status().currentMigration()).contains(MOVIES_ALTERED);
                assertThat(readOnly.history()).isNotEmpty();
                assertThat(readOnly.diff().hasDrift()).isFalse();
                assertThat(readOnly.updateSql()).contains("20260205100000-add-assigned-jury-to-movies");
                assertThat(readOnly.rollbackSql(RollbackTarget.lastMigrations(1))).contains("DROP");
                assertThatThrownBy(readOnly::update).isInstanceOf(MarsSchemaException.class)
                        .extracting(e -> ((MarsSchemaException) e).code()).isEqualTo(ErrorCode.INSUFFICIENT_PRIVILEGES);

                assertThat(db.tables()).isEqualTo(tables);
                assertThat(db.picture()).isEqualTo(picture);
            } finally {
                try (Connection root = TestServer.get().rootConnection(); Statement s = root.createStatement()) {
                    s.execute("DROP USER '" + user + "'@'%'");
                }
            }
        }
    }

    @Test
    void aLowerCaseHistoryTableIsTheHistoryAndIsNotSplitInTwo() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            schema.updateTo(MOVIES_ALTERED);
            // A dump taken on a lower_case_table_names=1 server, restored on Linux.
            db.execute("RENAME TABLE DATABASECHANGELOG TO databasechangelog");

            assertThat(schema.status().currentMigration()).contains(MOVIES_ALTERED);
            assertThat(schema.history()).isNotEmpty();
            schema.update();
            assertThat(schema.status().isUpToDate()).isTrue();
            schema.rollback(RollbackTarget.lastMigrations(1));

            assertThat(db.tables()).contains("databasechangelog").doesNotContain("DATABASECHANGELOG");
            assertThat(schema.diff().hasDrift()).isFalse();
        }
    }

    @Test
    void twoHistoryTablesThatDifferOnlyInCaseAreRefusedByName() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            schema.updateTo("20260128100000-create-users");
            db.execute("CREATE TABLE databasechangelog LIKE DATABASECHANGELOG");
            List<String> picture = db.picture();

            assertThatThrownBy(schema::update).isInstanceOf(MarsSchemaException.class)
                    .hasMessageContaining("2 history tables whose names differ only in case")
                    .hasMessageContaining("DATABASECHANGELOG").hasMessageContaining("databasechangelog")
                    .hasMessageContaining("drop or rename the other");
            assertThat(db.picture()).isEqualTo(picture);
        }
    }

    @Test
    void aFailingChangeSetLeavesNoRunInProgressBehind() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            schema.updateTo("20260128100004-create-movies");
            db.execute("CREATE TABLE awards (id INT PRIMARY KEY)");

            assertThatThrownBy(schema::update).isInstanceOf(MarsSchemaException.class)
                    .extracting(e -> ((MarsSchemaException) e).code()).isEqualTo(ErrorCode.MIGRATION_FAILED);

            assertThat(db.count("SELECT COUNT(*) FROM DATABASECHANGELOG WHERE ID = 'marsai-schema-run-in-progress'"))
                    .as("the marker is gone: the next run does not report an interrupted one").isZero();
        }
    }

    @Test
    void aDeletedHistoryRowIsDriftThatUpdateNamesAndRepairRecordsAgain() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            schema.updateTo(NEWSLETTER);
            db.execute("DELETE FROM DATABASECHANGELOG WHERE ID = '20260205131006-create-movies-juries'");

            SchemaDiff diff = schema.diff();
            assertThat(diff.differences()).extracting(Difference::kind).containsExactly(Difference.Kind.HISTORY_ROW_MISSING);
            assertThat(diff.differences().get(0).message()).contains("20260205131006-create-movies-juries");
            assertThat(schema.status().problems()).extracting(ValidationResult.Problem::code)
                    .containsExactly(ErrorCode.HISTORY_DAMAGED);
            db.execute("DROP TABLE newsletter_subscribers");
            db.execute("DELETE FROM DATABASECHANGELOG WHERE ID LIKE '20260302171000-create-newsletter-subscribers%'");
            assertThatThrownBy(schema::update).isInstanceOf(MarsSchemaException.class)
                    .hasMessageContaining("20260205131006-create-movies-juries").hasMessageContaining("`repair`")
                    .extracting(e -> ((MarsSchemaException) e).code()).isEqualTo(ErrorCode.HISTORY_DAMAGED);

            RepairResult repaired = schema.repair();

            assertThat(repaired.recorded()).extracting(ChangeSetInfo::id).containsExactly("20260205131006-create-movies-juries");
            assertThat(schema.diff().hasDrift()).isFalse();
            assertThat(schema.updateTo(NEWSLETTER).executed()).extracting(ChangeSetInfo::migration).containsOnly(
                    NEWSLETTER);
            assertThat(schema.rollback(RollbackTarget.toMigration("20260205100000-add-assigned-jury-to-movies")).migrations())
                    .as("the repaired row sits in its place: undone in changelog order").endsWith("20260205131006-create-movies-juries");
        }
    }

    @Test
    void aDatabaseThatLostItsWholeHistoryIsRefusedByUpdateAndRepairedFromItsSchema() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            schema.updateTo(MOVIES_ALTERED);
            db.execute("DROP TABLE DATABASECHANGELOG");
            List<String> picture = db.picture();

            assertThat(schema.status().problems()).extracting(ValidationResult.Problem::code)
                    .containsExactly(ErrorCode.HISTORY_DAMAGED);
            assertThatThrownBy(schema::update).hasMessageContaining("holds MarsAI tables")
                    .hasMessageContaining("`repair`")
                    .extracting(e -> ((MarsSchemaException) e).code()).isEqualTo(ErrorCode.HISTORY_DAMAGED);
            assertThat(db.tables()).doesNotContain("DATABASECHANGELOG");
            assertThat(db.picture()).isEqualTo(picture);

            RepairResult repaired = schema.repair();

            assertThat(repaired.recorded()).last().extracting(ChangeSetInfo::migration).isEqualTo(MOVIES_ALTERED);
            assertThat(schema.status().currentMigration()).contains(MOVIES_ALTERED);
            assertThat(schema.diff().hasDrift()).isFalse();
            assertThat(schema.update().executed()).isNotEmpty();
        }
    }

    @Test
    void repairRefusesWhenTheSchemaLacksWhatTheMissingRowRecorded() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            schema.update();
            db.execute("DELETE FROM DATABASECHANGELOG WHERE ID = '20260214130000-add-admin-comment-to-movies'",
                    "ALTER TABLE movies DROP COLUMN admin_comment");

            assertThatThrownBy(schema::repair).isInstanceOf(MarsSchemaException.class)
                    .hasMessageContaining("movies.admin_comment is missing").hasMessageContaining("nothing was changed")
                    .extracting(e -> ((MarsSchemaException) e).code()).isEqualTo(ErrorCode.HISTORY_DAMAGED);
            assertThat(schema.diff().differences()).extracting(Difference::kind)
                    .contains(Difference.Kind.HISTORY_ROW_MISSING, Difference.Kind.COLUMN_MISSING);
        }
    }

    @Test
    void boundsOfTheSettingsAreCheckedWhenTheyAreGiven() {
        assertThatThrownBy(() -> MarsSchema.configure().lockWait(Duration.ofSeconds(1L << 31)).load())
                .isInstanceOf(MarsSchemaException.class).hasMessageContaining("lockWait must be between 0 and 365 days")
                .extracting(e -> ((MarsSchemaException) e).code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION);
        assertThatThrownBy(() -> MarsSchema.configure().connectTimeout(Duration.ofDays(2)).load())
                .hasMessageContaining("connectTimeout must be positive and at most 60 minutes");
    }

    @Test
    void tagsAreShortUniqueAndOnePerChangeSet() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            schema.updateTo(MOVIES_ALTERED);

            assertThatThrownBy(() -> schema.tag("t".repeat(300))).hasMessageContaining("at most 255 characters")
                    .extracting(e -> ((MarsSchemaException) e).code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION);
            schema.tag("v1");
            schema.tag("v1");
            assertThatThrownBy(() -> schema.tag("v2")).hasMessageContaining("already carries the tag 'v1'")
                    .extracting(e -> ((MarsSchemaException) e).code()).isEqualTo(ErrorCode.TAG_CONFLICT);
            schema.update();
            assertThatThrownBy(() -> schema.tag("v1")).hasMessageContaining("'v1' already marks changeset")
                    .extracting(e -> ((MarsSchemaException) e).code()).isEqualTo(ErrorCode.TAG_CONFLICT);
            assertThat(schema.history()).filteredOn(h -> h.tag().isPresent()).hasSize(1);
        }
    }

    @Test
    void aLatin1DatabaseIsRefusedWithTheCommandThatFixesItAndLatin1TablesAreDrift() throws Exception {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            db.execute("ALTER DATABASE `" + db.name() + "` CHARACTER SET latin1 COLLATE latin1_swedish_ci");
            MarsSchema schema = db.schema();

            assertThat(schema.status().problems()).extracting(ValidationResult.Problem::code)
                    .containsExactly(ErrorCode.UNSUPPORTED_CHARACTER_SET);
            assertThatThrownBy(schema::update).isInstanceOf(MarsSchemaException.class)
                    .hasMessageContaining("ALTER DATABASE `" + db.name() + "` CHARACTER SET utf8mb4")
                    .extracting(e -> ((MarsSchemaException) e).code()).isEqualTo(ErrorCode.UNSUPPORTED_CHARACTER_SET);
            assertThat(db.tables()).isEmpty();

            db.execute("ALTER DATABASE `" + db.name() + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            schema.update();
            db.execute("ALTER TABLE sponsors CONVERT TO CHARACTER SET latin1",
                    "ALTER TABLE users MODIFY city VARCHAR(50) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL");
            assertThat(schema.diff().differences()).extracting(Difference::kind, Difference::table)
                    .contains(Tuple.tuple(Difference.Kind.TABLE_CHARSET, "sponsors"),
                            Tuple.tuple(Difference.Kind.COLUMN_COLLATION, "users"));
        }
    }

    @Test
    void rowsThatWouldBreakAPendingForeignKeyAreRefusedBeforeTheFirstStatement() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            schema.updateTo("20260128100010-create-collaborators-movies");
            db.execute("INSERT INTO movies (title, duration) VALUES ('Early film', 90)");
            List<String> picture = db.picture();

            assertThat(schema.status().problems()).extracting(ValidationResult.Problem::code)
                    .containsExactly(ErrorCode.DATA_BLOCKS_MIGRATION);
            assertThatThrownBy(schema::update).isInstanceOf(MarsSchemaException.class)
                    .hasMessageContaining("Update refused, nothing was changed")
                    .hasMessageContaining("movies_id_user_foreign_idx").hasMessageContaining("1 existing row(s) of movies")
                    .hasMessageContaining("gives them 0")
                    .extracting(e -> ((MarsSchemaException) e).code()).isEqualTo(ErrorCode.DATA_BLOCKS_MIGRATION);
            assertThat(db.picture()).as("nothing of migration 11 was applied").isEqualTo(picture);
            assertThat(schema.status().currentMigration()).contains("20260128100010-create-collaborators-movies");

            db.execute("DELETE FROM movies");
            assertThat(schema.update().executed()).isNotEmpty();
        }
    }

    @Test
    void aTableInTheWayOfTheMoveAsideStopsTheRollbackWithNothingLost() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            schema.updateTo(NEWSLETTER); // its rollback drops a table
            db.execute("CREATE TABLE _marsai_aside_newsletter_subscribers (note VARCHAR(20))",
                    "INSERT INTO _marsai_aside_newsletter_subscribers VALUES ('mine')");

            assertThatThrownBy(() -> schema.rollback(RollbackTarget.lastMigrations(1))).isInstanceOf(MarsSchemaException.class)
                    .hasMessageContaining("_marsai_aside_newsletter_subscribers");

            assertThat(db.query("SELECT note FROM _marsai_aside_newsletter_subscribers")).containsExactly(List.of("mine"));
            assertThat(db.tables()).contains("newsletter_subscribers");
            assertThat(schema.status().currentMigration()).contains(NEWSLETTER);
            assertThat(db.count("SELECT COUNT(*) FROM DATABASECHANGELOG WHERE ID = 'marsai-schema-run-in-progress'")).isZero();
        }
    }
}

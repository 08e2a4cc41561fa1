package org.marsai.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.marsai.schema.testing.ExpectedSchema;
import org.marsai.schema.testing.Migrations;
import org.marsai.schema.testing.TestDatabase;
import org.marsai.schema.testing.TestServer;

/** The changelog builds exactly the specified schema, migration by migration, and undoes it exactly. */
class SchemaIT {

    private final ExpectedSchema expected = ExpectedSchema.load();

    @Test
    void updateBuildsTheSpecifiedSchema() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            UpdateResult result = db.schema().update();

            assertThat(result.executed()).as("changesets that ran").isNotEmpty();
            assertThat(ExpectedSchema.sorted(db.picture())).as("schema after update")
                    .containsExactlyElementsOf(ExpectedSchema.committedFinalPicture());
            assertThat(db.tables()).as("tables besides the MarsAI ones")
                    .contains("DATABASECHANGELOG").doesNotContain("DATABASECHANGELOGLOCK");
        }
    }

    @Test
    void committedFinalPictureIsTheFoldOfTheSpecifiedSteps() {
        assertThat(ExpectedSchema.committedFinalPicture()).containsExactlyElementsOf(expected.afterAll());
    }

    @Test
    void everyMigrationAndItsUndoMatchTheSpecification() {
        List<String> migrations = Migrations.names();
        migrations.stream().filter(m -> !expected.describes(m)).findFirst().ifPresent(m -> {
            throw new AssertionError(ExpectedSchema.missingBlock(m));
        });
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            assertThat(schema.migrations()).as("changelog migrations").containsExactlyElementsOf(migrations);
            assertStatus(schema, migrations, 0);

            for (int i = 1; i <= migrations.size(); i++) {
                String migration = migrations.get(i - 1);
                UpdateResult result = schema.updateTo(migration);
                assertThat(result.migrations()).as("migrations touched by update to %s", migration)
                        .containsExactly(migration);
                assertThat(ExpectedSchema.sorted(db.picture())).as("schema after %s", migration)
                        .containsExactlyElementsOf(expected.afterMigration(migration));
                assertStatus(schema, migrations, i);
            }

            for (int i = migrations.size(); i >= 1; i--) {
                String migration = migrations.get(i - 1);
                RollbackResult result = schema.rollback(RollbackTarget.lastMigrations(1));
                assertThat(result.migrations()).as("migrations undone by one rollback").containsExactly(migration);
                assertThat(ExpectedSchema.sorted(db.picture())).as("schema after undoing %s", migration)
                        .containsExactlyElementsOf(expected.after(i - 1));
                assertStatus(schema, migrations, i - 1);
            }
            assertThat(db.tables()).as("tables left after undoing everything").containsExactly("DATABASECHANGELOG");
        }
    }

    @Test
    void secondUpdateChangesNothing() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            schema.update();
            List<HistoryEntry> before = schema.history();
            List<String> pictureBefore = db.picture();

            UpdateResult second = schema.update();

            assertThat(second.nothingToDo()).as("second update has nothing to do").isTrue();
            assertThat(schema.history()).as("history after the second update").isEqualTo(before);
            assertThat(db.picture()).as("schema after the second update").isEqualTo(pictureBefore);
            assertThat(schema.status().isUpToDate()).isTrue();
        }
    }

    private static void assertStatus(MarsSchema schema, List<String> migrations, int applied) {
        StatusResult status = schema.status();
        assertThat(status.migrations().stream().filter(MigrationState::isApplied).map(MigrationState::name))
                .as("applied migrations after %d", applied).containsExactlyElementsOf(migrations.subList(0, applied));
        assertThat(status.pendingMigrations()).as("pending migrations after %d", applied)
                .containsExactlyElementsOf(migrations.subList(applied, migrations.size()));
        assertThat(status.currentMigration()).as("current migration")
                .isEqualTo(applied == 0 ? Optional.empty() : Optional.of(migrations.get(applied - 1)));
        assertThat(status.unknown()).isEmpty();
        List<HistoryEntry> history = schema.history();
        assertThat(history).as("history rows").hasSize(status.applied().size());
        assertThat(history.stream().map(HistoryEntry::migration).distinct())
                .as("migrations in history").containsExactlyElementsOf(migrations.subList(0, applied));
    }
}

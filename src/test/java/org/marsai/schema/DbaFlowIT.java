package org.marsai.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.marsai.schema.testing.ExpectedSchema;
import org.marsai.schema.testing.SqlClient;
import org.marsai.schema.testing.TestDatabase;
import org.marsai.schema.testing.TestServer;
import org.junit.jupiter.api.Test;

/** A DBA reviews the SQL preview, runs it with the client, and the library then finds nothing to do. */
class DbaFlowIT {

    private final ExpectedSchema expected = ExpectedSchema.load();

    @Test
    void offlineScriptRunByTheClientBuildsTheSchemaAndRecordsEveryChangeSet() {
        String script = MarsSchema.configure().load().updateSql();
        try (TestDatabase db = TestServer.get().createDatabase()) {
            SqlClient.run(db, script);

            assertThat(ExpectedSchema.sorted(db.picture())).containsExactlyElementsOf(ExpectedSchema.committedFinalPicture());
            MarsSchema schema = db.schema();
            StatusResult status = schema.status();
            assertThat(status.isUpToDate()).as("status after the script").isTrue();
            assertThat(schema.validate().isValid()).isTrue();
            assertThat(schema.update().nothingToDo()).isTrue();
            assertThat(schema.history()).filteredOn(h -> h.execType() == ExecType.MARK_RAN)
                    .extracting(HistoryEntry::id).containsExactly("20260212103000-drop-id-film-from-votes");
        }
    }

    @Test
    void partialScriptThenThePendingPartOfTheLiveDatabase() {
        String migration = "20260205131006-create-movies-juries";
        try (TestDatabase db = TestServer.get().createDatabase()) {
            SqlClient.run(db, MarsSchema.configure().load().updateSqlTo(migration));
            MarsSchema schema = db.schema();
            assertThat(schema.status().currentMigration()).contains(migration);
            assertThat(ExpectedSchema.sorted(db.picture()))
                    .containsExactlyElementsOf(expected.after(expected.migrations().indexOf(migration) + 1));

            String pending = schema.updateSql();
            assertThat(pending).doesNotContain("CREATE TABLE " + db.name() + ".users")
                    .contains("ALTER TABLE " + db.name() + ".users MODIFY known_by_mars_ai");
            assertThat(schema.status().currentMigration()).as("a preview changes nothing").contains(migration);

            SqlClient.run(db, pending);
            assertThat(schema.status().isUpToDate()).isTrue();
            assertThat(ExpectedSchema.sorted(db.picture())).containsExactlyElementsOf(expected.afterAll());
        }
    }

    @Test
    void rollbackScriptRunByTheClientUndoesTheMigrations() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            schema.update();
            String script = schema.rollbackSql(RollbackTarget.toMigration("20260216100000-create-vote-histories"));
            assertThat(schema.status().isUpToDate()).as("a rollback preview changes nothing").isTrue();

            SqlClient.run(db, script);

            assertThat(schema.status().currentMigration()).contains("20260216100000-create-vote-histories");
            assertThat(ExpectedSchema.sorted(db.picture())).containsExactlyElementsOf(
                    expected.after(expected.migrations().indexOf("20260216100000-create-vote-histories") + 1));
            assertThat(schema.update().executed()).isNotEmpty();
            assertThat(ExpectedSchema.sorted(db.picture())).containsExactlyElementsOf(expected.afterAll());
            assertThat(List.of(schema.status().isUpToDate())).containsExactly(true);
        }
    }
}

package org.marsai.schema;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.marsai.schema.testing.TestDatabase;
import org.marsai.schema.testing.TestServer;
import org.junit.jupiter.api.Test;

/** The README's Java quick start, line for line. */
class ReadmeExamplesIT {

    @Test
    void quickStart() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            DataSource dataSource = db.dataSource();

            UpdateResult result = MarsSchema.update(dataSource);                 // apply whatever is pending

            MarsSchema schema = MarsSchema.configure().dataSource(dataSource).load();
            StatusResult status = schema.status();                               // applied and pending, by migration
            schema.rollback(RollbackTarget.toMigration("20260216120000-alter-movies-selection-status"));   // that migration stays applied

            assertThat(result.executed()).isNotEmpty();
            assertThat(status.isUpToDate()).isTrue();
            assertThat(schema.status().currentMigration()).contains("20260216120000-alter-movies-selection-status");
        }
    }
}

package org.marsai.schema.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.marsai.schema.testing.CliProcess;
import org.marsai.schema.testing.ExpectedSchema;
import org.marsai.schema.testing.TestDatabase;
import org.marsai.schema.testing.TestServer;
import org.junit.jupiter.api.Test;

/** The packaged jar as a whole process: what the README promises a DBA or a CI job. */
class CliJarIT {

    private static CliProcess.Result java(TestDatabase db, String... args) throws IOException, InterruptedException {
        return CliProcess.run(db, args);
    }

    @Test
    void updateUndoAllAndUpdateAgainEndWithTheSpecifiedSchema() throws Exception {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            CliProcess.Result update = java(db, "update");
            assertThat(update.exitCode()).as(update.output()).isZero();
            CliProcess.Result undoAll = java(db, "db:migrate:undo:all");
            assertThat(undoAll.exitCode()).as(undoAll.output()).isZero();
            assertThat(db.tables()).containsExactly("DATABASECHANGELOG");
            CliProcess.Result again = java(db, "update");
            assertThat(again.exitCode()).as(again.output()).isZero();

            assertThat(ExpectedSchema.sorted(db.picture())).containsExactlyElementsOf(ExpectedSchema.committedFinalPicture());
            CliProcess.Result status = java(db, "status", "--exit-code");
            assertThat(status.exitCode()).as(status.output()).isZero();
            assertThat(status.output()).as("Liquibase's own logging stays quiet").doesNotContain("INFO").doesNotContain("WARNING");
        }
    }

    @Test
    void offlineScriptFromTheJarIsTheGoldenOne() throws Exception {
        CliProcess.Result sql = java(null, "update-sql");
        assertThat(sql.exitCode()).isZero();
        Path golden = Path.of("src", "test", "resources", "golden", "update-offline.sql");
        assertThat(sql.output().replaceAll("(?m)^--  Ran at: .*$", "--  Ran at: (time of the run)")
                .replaceAll("'\\d{10}'\\);", "'(deployment id)');"))
                .isEqualTo(Files.readString(golden));
    }
}

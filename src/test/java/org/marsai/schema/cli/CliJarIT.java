package org.marsai.schema.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.marsai.schema.testing.ExpectedSchema;
import org.marsai.schema.testing.TestDatabase;
import org.marsai.schema.testing.TestServer;
import org.junit.jupiter.api.Test;

/** The packaged jar as a whole process: what the README promises a DBA or a CI job. */
class CliJarIT {

    private static final Path JAR = Path.of("target", "marsai-schema-cli.jar");

    record Result(int exitCode, String output) {
    }

    private static Result java(TestDatabase db, String... args) throws IOException, InterruptedException {
        assertThat(JAR).as("the runnable jar built by mvn package").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        if (db != null) {
            command.addAll(List.of("--url=" + db.url(), "--username=" + db.user()));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (db != null) {
            builder.environment().put("DB_PASSWORD", db.password());
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        return new Result(process.exitValue(), output);
    }

    @Test
    void updateUndoAllAndUpdateAgainEndWithTheSpecifiedSchema() throws Exception {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            Result update = java(db, "update");
            assertThat(update.exitCode()).as(update.output()).isZero();
            Result undoAll = java(db, "db:migrate:undo:all");
            assertThat(undoAll.exitCode()).as(undoAll.output()).isZero();
            assertThat(db.tables()).containsExactly("DATABASECHANGELOG");
            Result again = java(db, "update");
            assertThat(again.exitCode()).as(again.output()).isZero();

            assertThat(ExpectedSchema.sorted(db.picture())).containsExactlyElementsOf(ExpectedSchema.committedFinalPicture());
            Result status = java(db, "status", "--exit-code");
            assertThat(status.exitCode()).as(status.output()).isZero();
            assertThat(status.output()).as("Liquibase's own logging stays quiet").doesNotContain("INFO").doesNotContain("WARNING");
        }
    }

    @Test
    void offlineScriptFromTheJarIsTheGoldenOne() throws Exception {
        Result sql = java(null, "update-sql");
        assertThat(sql.exitCode()).isZero();
        Path golden = Path.of("src", "test", "resources", "golden", "update-offline.sql");
        assertThat(sql.output().replaceAll("(?m)^--  Ran at: .*$", "--  Ran at: (time of the run)")
                .replaceAll("'\\d{10}'\\);", "'(deployment id)');"))
                .isEqualTo(Files.readString(golden));
    }
}

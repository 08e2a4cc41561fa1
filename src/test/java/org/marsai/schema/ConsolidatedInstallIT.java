package org.marsai.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.marsai.schema.testing.InformationSchema;
import org.marsai.schema.testing.Migrations;
import org.marsai.schema.testing.RecordingDataSource;
import org.marsai.schema.testing.TestDatabase;
import org.marsai.schema.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * The consolidated install of an empty database against the changesets run one by one: for each release's changelog
 * (changelogs/released/*.tsv) and each {@code --to} migration, one database built each way on the same server, with
 * the same information_schema picture (the history table included) and the same history rows but their time and
 * deployment id; a rollback afterwards does the same to both.
 */
class ConsolidatedInstallIT {

    @Test
    void eachReleaseInstalledInOneGoIsTheDatabaseTheStepByStepPathBuilds() throws IOException {
        Map<String, String> releases = releases();
        assertThat(releases).as("release pins").containsKeys("1.0.0", "1.1.0");
        assertThat(releases.get("1.0.0")).isEqualTo(Migrations.names().get(23));
        assertThat(releases.get("1.1.0")).isEqualTo(Migrations.last());
        for (Map.Entry<String, String> release : releases.entrySet()) {
            try (TestDatabase stepByStep = TestServer.get().createDatabase();
                 TestDatabase consolidated = TestServer.get().createDatabase()) {
                UpdateResult expected = stepByStep.configure().consolidatedInstall(false).load().updateTo(release.getValue());
                RecordingDataSource recorded = new RecordingDataSource(consolidated.dataSource());
                UpdateResult result = MarsSchema.configure().dataSource(recorded).load().updateTo(release.getValue());

                assertConsolidated(recorded, stepByStep);
                assertThat(result).as("release %s's result", release.getKey()).isEqualTo(expected);
                assertSame(consolidated, stepByStep, "release " + release.getKey());
                assertThat(consolidated.schema().status().isUpToDate() || !release.getValue().equals(Migrations.last()))
                        .isTrue();
                assertThat(consolidated.schema().diff().hasDrift()).isFalse();
            }
        }
    }

    @Test
    void everyMigrationAsTargetGivesTheSameSchemaAndHistoryBothWays() {
        for (String migration : Migrations.names()) {
            try (TestDatabase stepByStep = TestServer.get().createDatabase();
                 TestDatabase consolidated = TestServer.get().createDatabase()) {
                stepByStep.configure().consolidatedInstall(false).load().updateTo(migration);
                RecordingDataSource recorded = new RecordingDataSource(consolidated.dataSource());
                MarsSchema.configure().dataSource(recorded).load().updateTo(migration);
                assertConsolidated(recorded, stepByStep);
                assertSame(consolidated, stepByStep, "--to " + migration);
            }
        }
    }

    @Test
    void rollbacksAfterAConsolidatedInstallDoWhatTheyDoAfterTheStepByStepPath() {
        try (TestDatabase stepByStep = TestServer.get().createDatabase();
             TestDatabase consolidated = TestServer.get().createDatabase()) {
            MarsSchema oneByOne = stepByStep.configure().consolidatedInstall(false).load();
            oneByOne.update();
            RecordingDataSource recorded = new RecordingDataSource(consolidated.dataSource());
            MarsSchema inOneGo = MarsSchema.configure().dataSource(recorded).load();
            inOneGo.update();
            assertConsolidated(recorded, stepByStep);

            for (RollbackTarget target : List.of(RollbackTarget.lastMigrations(3),
                    RollbackTarget.toMigration(Migrations.names().get(10)), RollbackTarget.all())) {
                RollbackResult expected = oneByOne.rollback(target);
                assertThat(inOneGo.rollback(target)).as("rollback %s", target).isEqualTo(expected);
                assertThat(expected.nothingToDo()).isFalse();
                assertSame(consolidated, stepByStep, "after rollback " + target);
            }
            // emptied by the rollback, the history table stays: the next update is a consolidated install again
            int before = recorded.statements().size();
            assertThat(inOneGo.update()).isEqualTo(oneByOne.update());
            assertThat(recorded.statements().subList(before, recorded.statements().size()))
                    .noneMatch(sql -> sql.startsWith("ALTER TABLE"));
            assertSame(consolidated, stepByStep, "updated again after rolling back everything");
        }
    }

    /** The install's statements: its tables created once each, no ALTER, the history in one INSERT. */
    private static void assertConsolidated(RecordingDataSource recorded, TestDatabase reference) {
        List<String> statements = recorded.statements();
        long tables = reference.tables().stream().filter(t -> !t.equalsIgnoreCase("DATABASECHANGELOG")).count();
        assertThat(statements).as("no table altered").noneMatch(sql -> sql.toUpperCase().startsWith("ALTER TABLE"));
        assertThat(statements.stream().filter(sql -> sql.startsWith("CREATE TABLE `"))).as("tables created").hasSize((int) tables);
        assertThat(statements.stream().filter(sql -> sql.startsWith("INSERT INTO `DATABASECHANGELOG`")))
                .as("history inserts").hasSize(1);
    }

    private static void assertSame(TestDatabase consolidated, TestDatabase stepByStep, String what) {
        assertThat(InformationSchema.picture(consolidated)).as("information_schema, " + what)
                .containsExactlyElementsOf(InformationSchema.picture(stepByStep));
        assertThat(InformationSchema.history(consolidated)).as("history, " + what)
                .containsExactlyElementsOf(InformationSchema.history(stepByStep));
        List<List<String>> rows = consolidated.query("SELECT ORDEREXECUTED, DEPLOYMENT_ID, DATEEXECUTED"
                + " FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED");
        assertThat(rows.stream().map(r -> r.get(0)).toList()).as("ORDEREXECUTED, " + what)
                .isEqualTo(IntStream.rangeClosed(1, rows.size()).mapToObj(String::valueOf).toList());
        assertThat(rows.stream().map(r -> r.get(1)).distinct()).as("deployment ids, " + what).hasSizeLessThanOrEqualTo(1)
                .allMatch(id -> id.matches("\\d{10}"));
        assertThat(rows).allMatch(r -> r.get(2) != null);
    }

    /** Each release pin's last migration: what a database at that release has. */
    private static Map<String, String> releases() throws IOException {
        Map<String, String> releases = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(Path.of("changelogs", "released"))) {
            for (Path file : files.sorted().toList()) {
                List<String> lines = new ArrayList<>(Files.readAllLines(file).stream()
                        .filter(l -> !l.isBlank() && !l.startsWith("#")).toList());
                String last = lines.get(lines.size() - 1).split("\t")[0].split("::")[0];
                releases.put(file.getFileName().toString().replace(".tsv", ""),
                        last.substring(last.indexOf('/') + 1, last.length() - ".yaml".length()));
            }
        }
        return releases;
    }
}

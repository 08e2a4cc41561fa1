package org.marsai.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.marsai.schema.testing.CliProcess;
import org.marsai.schema.testing.InformationSchema;
import org.marsai.schema.testing.Migrations;
import org.marsai.schema.testing.SqlClient;
import org.marsai.schema.testing.TestDatabase;
import org.marsai.schema.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * The consolidated install as a DBA's script ({@code update-sql --consolidated-install}): loaded by the client into an
 * empty database, it gives the database the step-by-step path builds; refused for a database that is not empty. And
 * {@code update --no-consolidated-install} runs the changesets one by one.
 */
class ConsolidatedInstallSqlIT {

    @Test
    void theScriptLoadedByTheClientBuildsTheStepByStepDatabase() throws Exception {
        String middle = Migrations.names().get(13);
        for (String target : new String[] {middle, Migrations.last()}) {
            try (TestDatabase stepByStep = TestServer.get().createDatabase();
                 TestDatabase byHand = TestServer.get().createDatabase();
                 TestDatabase cli = TestServer.get().createDatabase()) {
                stepByStep.configure().consolidatedInstall(false).load().updateTo(target);
                String offline = MarsSchema.configure().load().consolidatedInstallSqlTo(target);
                assertThat(offline).doesNotContainPattern("(?m)^ALTER TABLE").contains("CREATE TABLE DATABASECHANGELOG");
                SqlClient.run(byHand, offline);

                CliProcess.Result printed = CliProcess.run(cli, "update-sql", "--consolidated-install", "--to", target);
                assertThat(printed.exitCode()).as(printed.output()).isZero();
                SqlClient.run(cli, printed.output());

                for (TestDatabase db : new TestDatabase[] {byHand, cli}) {
                    assertThat(InformationSchema.picture(db)).containsExactlyElementsOf(InformationSchema.picture(stepByStep));
                    assertThat(InformationSchema.history(db)).containsExactlyElementsOf(InformationSchema.history(stepByStep));
                }
                assertThat(byHand.schema().status().pending()).as("status after the script, --to %s", target)
                        .isEqualTo(stepByStep.schema().status().pending());
            }
        }
    }

    @Test
    void aDatabaseThatIsNotEmptyIsRefused() throws Exception {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            db.schema().updateTo(Migrations.names().get(2));
            assertThatThrownBy(() -> db.schema().consolidatedInstallSql()).isInstanceOfSatisfying(MarsSchemaException.class,
                    e -> assertThat(e.getMessage()).contains("is not empty"));
            CliProcess.Result refused = CliProcess.run(db, "update-sql", "--consolidated-install");
            assertThat(refused.exitCode()).isNotZero();
            assertThat(refused.output()).contains("update-sql without --consolidated-install");
        }
    }

    @Test
    void updateWithoutTheConsolidatedInstallRunsTheChangesetsOneByOne() throws Exception {
        try (TestDatabase oneByOne = TestServer.get().createDatabase(); TestDatabase inOneGo = TestServer.get().createDatabase()) {
            CliProcess.Result stepByStep = CliProcess.run(oneByOne, "update", "--no-consolidated-install", "--verbose");
            CliProcess.Result consolidated = CliProcess.run(inOneGo, "update", "--verbose");
            assertThat(stepByStep.exitCode()).as(stepByStep.output()).isZero();
            assertThat(consolidated.exitCode()).as(consolidated.output()).isZero();
            assertThat(stepByStep.output()).contains("ran successfully");
            assertThat(consolidated.output()).doesNotContain("ran successfully");
            assertThat(InformationSchema.picture(inOneGo)).containsExactlyElementsOf(InformationSchema.picture(oneByOne));
            assertThat(InformationSchema.history(inOneGo)).containsExactlyElementsOf(InformationSchema.history(oneByOne));
        }
    }
}

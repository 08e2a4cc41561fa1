package org.marsai.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.marsai.schema.testing.ExpectedSchema;
import org.marsai.schema.testing.TestDatabase;
import org.marsai.schema.testing.TestServer;
import org.marsai.schema.testing.UpstreamDatabase;
import org.junit.jupiter.api.Test;

/**
 * The MarsAI back-end's own Sequelize models (eae32f7) behave the same on a database this library builds as on
 * one upstream's sequelize-cli builds: the SQL they sent for 117 operations (jury assignment through
 * {@code MovieJury}, vote decisions, vote histories with each note, every other model, cascades), captured by
 * {@code src/test/sequelize/models/models-check.mjs} running the real models, is replayed on both, and every
 * statement has the outcome the models saw (rows, affected rows, generated id, or the same error).
 */
class BackEndModelsIT {

    record Step(String operation, String expect, String sql) {
    }

    @Test
    void everyModelOperationHasTheSameOutcomeOnOurDatabaseAsOnSequelizeClis() throws SQLException {
        List<Step> steps = steps();
        assertThat(steps).hasSizeGreaterThan(250);
        try (TestDatabase ours = TestServer.get().createDatabase();
             TestDatabase theirs = TestServer.get().createDatabase()) {
            ours.schema().update();
            UpstreamDatabase.buildSchema(theirs);
            List<String> onOurs = replay(ours, steps);
            List<String> onTheirs = replay(theirs, steps);

            // The models ran on MariaDB: there the replay sees what they saw. MySQL leaves other auto-increment
            // gaps after a failed insert, so later ids (and what refers to them) differ; both databases still agree.
            boolean whereRecorded = ours.query("SELECT VERSION()").get(0).get(0).contains("MariaDB");
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                assertThat(onOurs.get(i)).as("%s: %s", step.operation(), step.sql()).isEqualTo(onTheirs.get(i));
                if (whereRecorded) {
                    assertThat(onOurs.get(i)).as("%s, as the models saw it", step.operation()).isEqualTo(step.expect());
                }
            }
            assertThat(onOurs).filteredOn(o -> o.startsWith("error")).as("the scripted failures (duplicate jury, …)")
                    .contains("error 1062");
            assertThat(ExpectedSchema.sorted(ours.picture())).isEqualTo(ExpectedSchema.sorted(theirs.picture()));
        }
    }

    /** What each statement did, in the form of the fixture's "-- expect:" lines (error numbers only). */
    private static List<String> replay(TestDatabase db, List<Step> steps) throws SQLException {
        List<String> outcomes = new ArrayList<>();
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            for (Step step : steps) {
                outcomes.add(outcome(statement, step.sql()));
            }
        }
        return outcomes;
    }

    private static String outcome(Statement statement, String sql) {
        try {
            if (statement.execute(sql, Statement.RETURN_GENERATED_KEYS)) {
                int rows = 0;
                try (ResultSet rs = statement.getResultSet()) {
                    while (rs.next()) {
                        rows++;
                    }
                }
                return "ok rows=" + rows;
            }
            String result = "ok affected=" + statement.getUpdateCount();
            if (sql.startsWith("INSERT")) {
                try (ResultSet keys = statement.getGeneratedKeys()) {
                    if (keys.next() && keys.getLong(1) > 0) {
                        result += " insertId=" + keys.getLong(1);
                    }
                }
            }
            return result;
        } catch (SQLException e) {
            return "error " + e.getErrorCode();
        }
    }

    private static List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        String operation = null;
        String expect = null;
        for (String line : ExpectedSchema.resource("/sequelize/model-operations-eae32f7.sql").split("\n")) {
            if (line.startsWith("-- @ ")) {
                operation = line.substring(5);
            } else if (line.startsWith("-- expect: ")) {
                String[] words = line.substring(11).trim().split(" ");
                expect = words[0].equals("error") ? "error " + words[1] : line.substring(11).trim();
            } else if (!line.isBlank() && !line.startsWith("--")) {
                steps.add(new Step(operation, expect, line.substring(0, line.length() - 1)));
            }
        }
        return steps;
    }
}

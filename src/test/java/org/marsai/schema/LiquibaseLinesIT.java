package org.marsai.schema;

import static org.assertj.core.api.Assertions.assertThat;

import liquibase.util.LiquibaseUtil;
import org.junit.jupiter.api.Test;
import org.marsai.schema.testing.TestDatabase;
import org.marsai.schema.testing.TestServer;

/**
 * The Liquibase the integration tests run on is the one asked for: 4.33.0 by default, 5.0.4 with
 * {@code -Pliquibase5} (the library compiled against 4.33.0 either way, as a host application would get it).
 */
class LiquibaseLinesIT {

    @Test
    void theIntegrationTestsRunOnTheLiquibaseAskedFor() {
        String expected = System.getProperty("marsai.test.liquibase", "4.33.0");
        assertThat(LiquibaseUtil.getBuildVersion()).as("Liquibase on the test class path").isEqualTo(expected);
    }

    @Test
    void anUpdateThenANoOpGiveTheSameHistoryOnEitherLine() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            UpdateResult first = schema.update();
            assertThat(first.executed()).as("changesets executed").isNotEmpty();
            assertThat(schema.update().executed()).as("a second update").isEmpty();
            assertThat(schema.status().isUpToDate()).as("up to date").isTrue();
            assertThat(schema.validate().isValid()).as("checksums valid").isTrue();
            assertThat(schema.diff().hasDrift()).as("drift").isFalse();
        }
    }
}

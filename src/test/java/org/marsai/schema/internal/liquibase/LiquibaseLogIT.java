package org.marsai.schema.internal.liquibase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.marsai.schema.testing.JavaProcess;
import org.marsai.schema.testing.TestDatabase;
import org.marsai.schema.testing.TestServer;

/**
 * Liquibase's log in the library's own work goes to SLF4J: genuine warnings still show, the false
 * {@code modifyDataType} alarm does not, and a host's own Liquibase use outside the library logs as before.
 * In a fresh JVM without any logging configuration, with slf4j-simple at WARN (the test class path's
 * {@code simplelogger.properties}).
 */
public class LiquibaseLogIT {

    private static final String FALSE_ALARM = "modifyDataType will lose primary key/autoincrement/not null/comment";

    @Test
    void genuineWarningReachesSlf4jFalseAlarmDoesNotAndHostLiquibaseIsUntouched() throws Exception {
        try (TestDatabase ours = TestServer.get().createDatabase(); TestDatabase host = TestServer.get().createDatabase()) {
            JavaProcess.Result run = JavaProcess.run(List.of(), System.getProperty("java.class.path"),
                    LiquibaseLogProbe.class.getName(), Map.of(), ours.url(), host.url(), ours.user(), ours.password());
            assertThat(run.exitCode()).as(run.output()).isZero();
            String inScope = between(run.output(), "== in marsai-schema's scope", "== the host's own Liquibase");
            String outside = between(run.output(), "== the host's own Liquibase", "== end");

            // Liquibase validates twice in an update, so the warning comes twice; it names the connection.
            assertThat(inScope.lines().toList()).as("the library's scope: only the genuine warning, through SLF4J")
                    .isNotEmpty()
                    .allMatch(line -> line.startsWith("[main] WARN liquibase.changelog.DatabaseChangeLog - Creating"
                            + " clustered index not supported with "));

            assertThat(outside).as("the host's own Liquibase still logs through java.util.logging, false alarm included")
                    .contains("WARNING: Creating clustered index not supported with")
                    .contains(FALSE_ALARM)
                    .contains("INFO: ")
                    .doesNotContain("WARN liquibase.");
        }
    }

    private static String between(String output, String from, String to) {
        int start = output.indexOf(from);
        int end = output.indexOf(to);
        assertThat(start).as(output).isNotNegative();
        assertThat(end).as(output).isGreaterThan(start);
        return output.substring(start + from.length(), end).strip();
    }
}

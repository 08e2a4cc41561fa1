package org.marsai.schema.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.marsai.schema.MarsSchema;
import org.marsai.schema.internal.command.Context;
import org.marsai.schema.internal.command.PreviewOperation;
import org.marsai.schema.internal.jdbc.Settings;
import org.marsai.schema.internal.liquibase.Changelog;
import org.marsai.schema.testing.Migrations;

/**
 * The packaged offline script cut after each migration is what Liquibase writes for {@code update-sql --to} that
 * migration. No server, but one Liquibase run per migration (about 15 s), so it runs with the ITs;
 * {@link PackagedScriptTest} checks the whole script in the unit run.
 */
public class PackagedScriptIT {

    private static final PreviewOperation LIQUIBASE = new PreviewOperation(
            Context.load(Settings.builder().build()));

    @Test
    void scriptUpToEachMigrationIsWhatLiquibaseWritesAtRunTime() {
        List<String> migrations = MarsSchema.configure().load().migrations();
        assertThat(migrations).containsExactlyElementsOf(Migrations.names());
        for (String migration : migrations) {
            Optional<String> resolved = Optional.of(Changelog.packaged().resolve(migration));
            String packaged = PackagedScript.updateSql(resolved, Map.of())
                    .orElseThrow(() -> new AssertionError("no packaged script: the build writes it (process-classes)"));
            assertThat(PackagedScriptTest.stable(packaged)).as("update-sql --to %s", migration)
                    .isEqualTo(PackagedScriptTest.stable(LIQUIBASE.liquibaseOfflineSql(resolved)));
        }
    }
}

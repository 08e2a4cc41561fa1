package org.marsai.schema.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.marsai.schema.ErrorCode;
import org.marsai.schema.MarsSchema;
import org.marsai.schema.MarsSchemaException;

/**
 * The offline script the build packages is the one Liquibase and the library write at run time: whole, and cut
 * after each of the 24 migrations.
 */
class PackagedScriptTest {

    private static final MarsSchema OFFLINE = MarsSchema.configure().load();

    /** What changes from run to run: the time of the run and the deployment id. */
    private static String stable(String sql) {
        return sql.replaceAll("(?m)^--  Ran at: .*$", "--  Ran at: (time of the run)")
                .replaceAll("'\\d{10}'\\);", "'(deployment id)');");
    }

    private static String packaged(String to) {
        return PackagedScript.updateSql(Optional.ofNullable(to), Map.of())
                .orElseThrow(() -> new AssertionError("no packaged script: the build writes it (process-classes)"));
    }

    @Test
    void wholeScriptIsWhatLiquibaseWritesAtRunTime() {
        assertThat(stable(packaged(null))).isEqualTo(stable(OFFLINE.updateSql()));
    }

    @Test
    void scriptUpToEachMigrationIsWhatLiquibaseWritesAtRunTime() {
        List<String> migrations = OFFLINE.migrations();
        assertThat(migrations).hasSize(24);
        for (String migration : migrations) {
            assertThat(stable(packaged(migration))).as("update-sql --to %s", migration)
                    .isEqualTo(stable(OFFLINE.updateSqlTo(migration)));
        }
    }

    @Test
    void migrationNamesAreResolvedAsTheLibraryResolvesThem() {
        assertThat(stable(packaged("20260128100001-create-categories.cjs")))
                .isEqualTo(stable(OFFLINE.updateSqlTo("20260128100001-create-categories.cjs")));
        assertThatThrownBy(() -> packaged("20260128100007-create-nothing")).isInstanceOf(MarsSchemaException.class)
                .hasMessage(messageOf(() -> OFFLINE.updateSqlTo("20260128100007-create-nothing")))
                .extracting(e -> ((MarsSchemaException) e).code()).isEqualTo(ErrorCode.UNKNOWN_MIGRATION);
    }

    @Test
    void eachScriptHasItsOwnTimeAndDeploymentId() {
        String sql = packaged(null);
        assertThat(sql).doesNotContain("@@");
        Matcher ids = Pattern.compile("'(\\d{10})'\\);$", Pattern.MULTILINE).matcher(sql);
        assertThat(ids.find()).isTrue();
        String id = ids.group(1);
        int rows = 1;
        while (ids.find()) {
            assertThat(ids.group(1)).as("one deployment id for the whole script").isEqualTo(id);
            rows++;
        }
        assertThat(rows).isEqualTo(OFFLINE.changeSets().size());
        assertThat(sql).containsPattern("(?m)^--  Ran at: \\S.*$");
    }

    @Test
    void liquibaseSettingsInTheEnvironmentLeaveTheScriptToLiquibase() {
        assertThat(PackagedScript.updateSql(Optional.empty(), Map.of("LIQUIBASE_OUTPUT_LINE_SEPARATOR", "\r\n"))).isEmpty();
    }

    private static String messageOf(Runnable call) {
        try {
            call.run();
        } catch (MarsSchemaException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a failure");
    }
}

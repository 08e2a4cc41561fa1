package org.marsai.schema.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.marsai.schema.ErrorCode;
import org.marsai.schema.MarsSchema;
import org.marsai.schema.MarsSchemaException;
import org.marsai.schema.internal.command.Context;
import org.marsai.schema.internal.command.PreviewOperation;
import org.marsai.schema.internal.jdbc.Settings;
import org.marsai.schema.internal.liquibase.Changelog;

/**
 * The offline script the build packages is the one Liquibase and the library write at run time; cut after each
 * migration, it is checked by {@link PackagedScriptIT} (one Liquibase run per migration).
 */
public class PackagedScriptTest {

    private static final MarsSchema OFFLINE = MarsSchema.configure().load();
    /** The same preview, always through Liquibase: what the packaged script must equal. */
    private static final PreviewOperation LIQUIBASE = new PreviewOperation(
            Context.load(Settings.builder().build()));

    private static String liquibase(String to) {
        return LIQUIBASE.liquibaseOfflineSql(Optional.ofNullable(to).map(Changelog.packaged()::resolve));
    }

    /** What changes from run to run: the time of the run and the deployment id. */
    static String stable(String sql) {
        return sql.replaceAll("(?m)^--  Ran at: .*$", "--  Ran at: (time of the run)")
                .replaceAll("'\\d{10}'\\);", "'(deployment id)');");
    }

    private static String packaged(String to) {
        return PackagedScript.updateSql(Optional.ofNullable(to).map(Changelog.packaged()::resolve), Map.of())
                .orElseThrow(() -> new AssertionError("no packaged script: the build writes it (process-classes)"));
    }

    @Test
    void wholeScriptIsWhatLiquibaseWritesAtRunTime() {
        assertThat(stable(packaged(null))).isEqualTo(stable(liquibase(null)));
        assertThat(stable(OFFLINE.updateSql())).as("what the library answers").isEqualTo(stable(packaged(null)));
    }

    @Test
    void migrationNamesAreResolvedAsTheLibraryResolvesThem() {
        assertThat(stable(OFFLINE.updateSqlTo("20260128100001-create-categories.cjs")))
                .isEqualTo(stable(liquibase("20260128100001-create-categories")));
        assertThatThrownBy(() -> OFFLINE.updateSqlTo("20260128100007-create-nothing")).isInstanceOf(MarsSchemaException.class)
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
}

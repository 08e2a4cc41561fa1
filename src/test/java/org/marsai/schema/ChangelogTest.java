package org.marsai.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import liquibase.change.Change;
import liquibase.change.DbmsTargetedChange;
import liquibase.changelog.ChangeSet;
import liquibase.precondition.core.PreconditionContainer;
import org.marsai.schema.testing.Changelogs;
import org.marsai.schema.testing.Migrations;
import org.junit.jupiter.api.Test;

/** The conventions every changelog file keeps; no database needed. */
class ChangelogTest {

    /** Migrations 15, 16, 18 and 20 of the specification, and release 1.1's movies_juries layout (MARK_RAN where present). */
    private static final List<String> CONDITIONAL = List.of("20260212103000-drop-id-film-from-votes",
            "20260212150000-add-vote-modification-tracking", "20260216100000-create-vote-histories",
            "20260216123000-add-jury-comment-to-movies", "20260205131006-movies-juries-upstream-layout");

    @Test
    void rootOnlyIncludesOneFilePerMigrationInExplicitOrder() throws IOException {
        List<String> lines = Files.readAllLines(Changelogs.FOLDER.resolve(Changelogs.ROOT_FILE));
        List<String> entries = lines.stream().map(String::trim).filter(l -> l.startsWith("- ")).toList();
        assertThat(entries.get(0)).isEqualTo("- logicalFilePath: marsai-schema/marsai-changelog.yaml");
        Pattern include = Pattern.compile("- include: \\{ file: ([^,]+)\\.yaml, relativeToChangelogFile: true }");
        List<String> included = entries.subList(1, entries.size()).stream().map(l -> {
            Matcher m = include.matcher(l);
            assertThat(m.matches()).as("root entry %s is an explicit include", l).isTrue();
            return m.group(1);
        }).toList();
        assertThat(included).as("included files, in order").containsExactlyElementsOf(Migrations.names());
        try (Stream<Path> files = Files.list(Changelogs.FOLDER)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(f -> !f.equals(Changelogs.ROOT_FILE)))
                    .as("files in changelogs/").containsExactlyInAnyOrderElementsOf(
                            included.stream().map(n -> n + ".yaml").toList());
        }
    }

    @Test
    void everyFileFixesItsLogicalFilePath() throws IOException {
        try (Stream<Path> files = Files.list(Changelogs.FOLDER)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String first = Files.readAllLines(file).stream().map(String::trim).filter(l -> l.startsWith("- "))
                        .findFirst().orElseThrow();
                assertThat(first).as("first entry of %s", file.getFileName())
                        .isEqualTo("- logicalFilePath: marsai-schema/" + file.getFileName());
            }
        }
        assertThat(Changelogs.changeSets()).allSatisfy(cs ->
                assertThat(cs.getFilePath()).startsWith("marsai-schema/").endsWith(".yaml"));
    }

    @Test
    void everyChangeSetHasOneChangeACommentAnExplicitRollbackAndTheFixedAuthor() {
        for (ChangeSet cs : Changelogs.changeSets()) {
            String migration = Changelogs.migrationOf(cs);
            assertThat(cs.getId()).as("id of %s", cs).startsWith(migration);
            assertThat(cs.getAuthor()).as("author of %s", cs).isEqualTo("marsai");
            assertThat(cs.getComments()).as("comment of %s", cs).isNotBlank();
            assertThat(cs.getChanges()).as("changes of %s", cs).hasSize(1);
            assertThat(cs.getRollback().getChanges()).as("explicit rollback of %s", cs).isNotEmpty();
        }
    }

    @Test
    void onlyTheConditionalMigrationsHavePreconditionsAndTheyMarkRan() {
        for (ChangeSet cs : Changelogs.changeSets()) {
            PreconditionContainer preconditions = cs.getPreconditions();
            if (CONDITIONAL.contains(Changelogs.migrationOf(cs))) {
                assertThat(preconditions).as("preconditions of %s", cs).isNotNull();
                assertThat(preconditions.getOnFail()).as("onFail of %s", cs)
                        .isEqualTo(PreconditionContainer.FailOption.MARK_RAN);
                assertThat(preconditions.getOnSqlOutput()).as("onSqlOutput of %s", cs)
                        .isEqualTo(PreconditionContainer.OnSqlOutputOption.TEST);
            } else {
                assertThat(preconditions == null || preconditions.getNestedPreconditions().isEmpty())
                        .as("%s has no precondition", cs).isTrue();
            }
        }
    }

    @Test
    void noDbmsFilterLeavesMariaDbOrMySqlOut() {
        for (ChangeSet cs : Changelogs.changeSets()) {
            assertRunsOnBoth(cs.getDbmsSet() == null ? null : String.join(",", cs.getDbmsSet()), cs + "");
            for (Change change : Stream.concat(cs.getChanges().stream(), cs.getRollback().getChanges().stream()).toList()) {
                if (change instanceof DbmsTargetedChange targeted) {
                    assertRunsOnBoth(targeted.getDbms(), change + " in " + cs);
                }
            }
        }
    }

    private static void assertRunsOnBoth(String dbms, String where) {
        if (dbms != null && !dbms.isBlank() && !dbms.equals("all")) {
            assertThat(List.of(dbms.split("\\s*,\\s*"))).as("dbms of %s (MariaDB's short name is mariadb)", where)
                    .contains("mysql", "mariadb");
        }
    }

    @Test
    void migrationNamesResolveWithOrWithoutTheOriginalExtension() {
        MarsSchema offline = MarsSchema.configure().load();
        assertThat(offline.migrations()).containsExactlyElementsOf(Migrations.names());
        String sql = offline.updateSqlTo("20260128100001-create-categories.cjs");
        assertThat(sql).contains("CREATE TABLE categories").doesNotContain("CREATE TABLE collaborators");
        assertThatThrownBy(() -> offline.updateSqlTo("20260128100007-create-nothing"))
                .isInstanceOf(MarsSchemaException.class)
                .hasMessageContaining("Unknown migration '20260128100007-create-nothing'")
                .hasMessageContaining("20260128100000-create-users")
                .extracting(e -> ((MarsSchemaException) e).code()).isEqualTo(ErrorCode.UNKNOWN_MIGRATION);
    }

    @Test
    void everyChangeSetBelongsToTheMigrationItsFileIsNamedAfter() {
        MarsSchema offline = MarsSchema.configure().load();
        assertThat(offline.changeSets()).hasSize(Changelogs.changeSets().size());
        assertThat(offline.changeSets()).allSatisfy(c -> assertThat(c.id()).startsWith(c.migration()));
        assertThat(offline.changeSets().stream().map(ChangeSetInfo::migration).distinct())
                .containsExactlyElementsOf(offline.migrations());
    }
}

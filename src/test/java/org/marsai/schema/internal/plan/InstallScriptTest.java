package org.marsai.schema.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.marsai.schema.ChangeSetInfo;
import org.marsai.schema.internal.command.ConsolidatedInstall;
import org.marsai.schema.internal.liquibase.Changelog;
import org.marsai.schema.internal.model.SchemaModel;

/**
 * The consolidated install the build packaged, read as the library reads it: for each migration, a table for each
 * table the changelog's model has then, each after those it references; a history row for each changeset, in
 * changelog order, with the checksum the changelog index gives it and MARK_RAN exactly where the model says the
 * change is already there.
 */
class InstallScriptTest {

    private static final Pattern REFERENCES = Pattern.compile("REFERENCES `([^`]+)`");
    private final Changelog changelog = Changelog.packaged();
    private final InstallScript script = InstallScript.packaged().orElseThrow();

    @Test
    void eachMigrationsSchemaCreatesItsTablesInForeignKeyOrder() {
        for (String migration : changelog.migrations()) {
            List<ChangeSetInfo> upTo = changelog.upTo(changelog.changeSets(), Optional.of(migration));
            List<String> created = new ArrayList<>();
            for (String statement : script.schema(migration)) {
                String table = ConsolidatedInstall.tableOf(statement);
                Matcher referenced = REFERENCES.matcher(statement);
                while (referenced.find()) {
                    assertThat(created).as("%s references a table created before it", table).contains(referenced.group(1));
                }
                created.add(table);
            }
            assertThat(created).as("tables up to %s", migration)
                    .containsExactlyInAnyOrderElementsOf(changelog.expectedSchema(upTo).tables().keySet());
        }
    }

    @Test
    void theHistoryRowsAreTheChangesetsInOrderWithTheirChecksumsAndExecTypes() {
        List<ChangeSetInfo> changeSets = changelog.changeSets();
        String insert = script.historyInsert("DATABASECHANGELOG", changeSets.size(), "0123456789", "9.9.9");
        List<String> rows = insert.lines().skip(1).toList();
        assertThat(rows).hasSize(changeSets.size());
        List<ChangeSetInfo> alreadyPresent = changelog.alreadyPresent(new SchemaModel(Map.of()), changeSets);
        assertThat(alreadyPresent).isNotEmpty();
        for (int i = 0; i < changeSets.size(); i++) {
            ChangeSetInfo changeSet = changeSets.get(i);
            assertThat(rows.get(i)).startsWith("('" + changeSet.id() + "', '" + changeSet.author() + "', '"
                    + Changelog.logicalPath(changeSet) + "', NOW(), " + (i + 1) + ", '" + changelog.checksumOf(changeSet) + "'")
                    .contains(", '9.9.9', '0123456789')");
            assertThat(script.markRan(i)).as(changeSet.id()).isEqualTo(alreadyPresent.contains(changeSet));
        }
    }
}

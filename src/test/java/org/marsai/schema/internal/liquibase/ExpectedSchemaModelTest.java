package org.marsai.schema.internal.liquibase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.marsai.schema.ChangeSetInfo;
import org.marsai.schema.MarsSchema;
import org.marsai.schema.internal.model.ColumnDefinitions;
import org.marsai.schema.internal.model.SchemaModel;
import org.marsai.schema.testing.ExpectedSchema;
import org.marsai.schema.testing.Migrations;

/** The schema worked out from the changelog alone equals the specification at every migration. */
public class ExpectedSchemaModelTest {

    @Test
    void modelOfEveryPrefixOfMigrationsIsTheSpecifiedSchema() {
        ExpectedSchema expected = ExpectedSchema.load();
        Changelog changelog = Changelog.packaged();
        List<ChangeSetInfo> applied = new ArrayList<>();
        assertThat(changelog.expectedSchema(applied).lines()).isEmpty();
        List<String> before = List.of();
        for (String migration : changelog.migrations()) {
            applied.addAll(changelog.changeSetsOf(migration));
            List<String> model = ExpectedSchema.sorted(changelog.expectedSchema(applied).lines());
            if (!expected.describes(migration)) {
                throw new AssertionError(ExpectedSchema.missingBlock(migration) + "\nThe changelog implies:\n"
                        + ExpectedSchema.block(migration, before, model));
            }
            assertThat(model).as("model after %s", migration).containsExactlyElementsOf(expected.afterMigration(migration));
            before = model;
        }
        assertThat(expected.migrations()).as("migrations of expected-steps.txt").containsExactlyElementsOf(changelog.migrations());
    }

    @Test
    void columnDefinitionsAreReadWithMySqlSemantics() {
        SchemaModel.Column column = ColumnDefinitions.define("selection_status",
                "ENUM('submitted','assigned') NOT NULL DEFAULT 'submitted'", null);
        assertThat(column.type()).isEqualTo("enum('submitted','assigned')");
        assertThat(column.nullable()).isFalse();
        assertThat(column.defaultValue()).isEqualTo("'submitted'");

        SchemaModel.Column apostrophe = ColumnDefinitions.define("k", "ENUM('Par un ami','de l''IA') NULL", null);
        assertThat(apostrophe.type()).isEqualTo("enum('Par un ami','de l''IA')");
        assertThat(apostrophe.defaultValue()).isEqualTo("NULL");

        SchemaModel.Column bare = ColumnDefinitions.define("c", "VARCHAR(255)", null);
        assertThat(bare.nullable()).as("MODIFY without NOT NULL makes the column nullable").isTrue();
        assertThat(bare.comment()).as("and drops its comment").isEmpty();
        assertThat(ColumnDefinitions.define("n", "INT NOT NULL DEFAULT 0 COMMENT 'a ''b'''", null).comment()).isEqualTo("a 'b'");
    }

    @Test
    void publicChangeSetListMatchesTheModelledOne() {
        assertThat(MarsSchema.configure().load().changeSets()).hasSize(Migrations.changeSetCount());
    }
}

package org.marsai.schema.internal.liquibase;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.marsai.schema.internal.model.SchemaModel;

/**
 * {@code docs/schema.md}, the schema documented for readers: a Mermaid diagram of the tables and foreign keys, then
 * every table's columns, indexes and foreign-key rules, all worked out from the changelog alone at its last
 * migration. After a changelog change, regenerate it with
 *
 * <pre>mvn -q test -Dtest=GoldenFilesTest,SchemaDocsTest -Dgolden.update=true</pre>
 *
 * and review {@code git diff docs/schema.md}.
 */
public class SchemaDocsTest {

    static final String COMMAND = "mvn -q test -Dtest=GoldenFilesTest,SchemaDocsTest -Dgolden.update=true";
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    private static final Path FILE = Path.of("docs", "schema.md");
    private static final String PRIMARY = "PRIMARY";

    @Test
    void schemaDocumentIsGeneratedFromTheChangelog() throws IOException {
        String actual = render(Changelog.packaged());
        if (UPDATE) {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, actual, StandardCharsets.UTF_8);
            System.out.println("[marsai-schema] wrote " + FILE + ": review it with git diff " + FILE);
            return;
        }
        assertThat(Files.exists(FILE)).as("%s is missing: generate it with `%s`", FILE, COMMAND).isTrue();
        assertThat(Files.readString(FILE, StandardCharsets.UTF_8))
                .as("%s is out of date: regenerate it with `%s` and review the git diff", FILE, COMMAND)
                .isEqualTo(actual);
    }

    @Test
    void mermaidTypesHaveNoParenthesesCommasOrQuotes() {
        assertThat(mermaidType("varchar(255)")).isEqualTo("varchar_255_");
        assertThat(mermaidType("decimal(10,2)")).isEqualTo("decimal_10_2_");
        assertThat(mermaidType("enum('a','de l''IA')")).isEqualTo("enum");
        assertThat(mermaidType("tinyint(1)")).isEqualTo("tinyint_1_");
        assertThat(mermaidType("int unsigned")).isEqualTo("int_unsigned");
    }

    static String render(Changelog changelog) {
        List<String> migrations = changelog.migrations();
        SchemaModel schema = changelog.expectedSchema(changelog.changeSets());
        StringBuilder out = new StringBuilder();
        out.append("# The MarsAI schema\n\n")
                .append("The schema the changelog builds at its last migration, `")
                .append(migrations.get(migrations.size() - 1)).append("` (").append(migrations.size())
                .append(" migrations,\n").append(changelog.changeSets().size()).append(" changesets): ")
                .append(schema.tables().size()).append(" tables. Liquibase's own tables (`DATABASECHANGELOG`,\n")
                .append("`DATABASECHANGELOGLOCK`) and the application's own tables are not shown.\n\n")
                .append("This file is generated from the changelog, without a database; do not edit it by hand.\n")
                .append("`SchemaDocsTest` fails when it is out of date. After a changelog change, regenerate it with\n\n")
                .append("```\n").append(COMMAND).append("\n```\n\n")
                .append("and review `git diff docs/schema.md`.\n\n");
        out.append("## Tables and foreign keys\n\n")
                .append("Keys: PK primary key, FK foreign key, UK part of a unique index. A relationship goes from the\n")
                .append("referenced table to the referencing one and is labelled with the foreign key's name.\n\n");
        diagram(schema, out);
        out.append("\n## Tables\n");
        for (SchemaModel.Table table : schema.tables().values()) {
            table(table, out);
        }
        return out.toString();
    }

    private static void diagram(SchemaModel schema, StringBuilder out) {
        out.append("```mermaid\nerDiagram\n");
        for (SchemaModel.Table table : schema.tables().values()) {
            out.append("    ").append(table.name()).append(" {\n");
            for (SchemaModel.Column column : table.columns()) {
                out.append("        ").append(mermaidType(column.type())).append(' ').append(column.name());
                List<String> keys = keys(table, column.name());
                if (!keys.isEmpty()) {
                    out.append(' ').append(String.join(", ", keys));
                }
                if (!column.nullable()) {
                    out.append(" \"NOT NULL\"");
                }
                out.append('\n');
            }
            out.append("    }\n");
        }
        for (SchemaModel.Table table : schema.tables().values()) {
            for (SchemaModel.ForeignKey fk : table.foreignKeys()) {
                boolean optional = table.columns().stream()
                        .anyMatch(c -> fk.columns().contains(c.name()) && c.nullable());
                boolean oneToOne = table.indexes().stream()
                        .anyMatch(i -> i.unique() && Set.copyOf(i.columns()).equals(Set.copyOf(fk.columns())));
                out.append("    ").append(fk.referencedTable()).append(optional ? " |o--" : " ||--")
                        .append(oneToOne ? "o| " : "o{ ").append(table.name()).append(" : ").append(fk.name()).append('\n');
            }
        }
        out.append("```\n");
    }

    private static void table(SchemaModel.Table table, StringBuilder out) {
        out.append("\n### ").append(table.name()).append("\n\n")
                .append("Engine ").append(table.engine()).append(".\n\n")
                .append("| Column | Type | Null | Default | Key | Notes |\n")
                .append("|---|---|---|---|---|---|\n");
        for (SchemaModel.Column c : table.columns()) {
            List<String> notes = new ArrayList<>();
            if (c.autoIncrement()) {
                notes.add("auto_increment");
            }
            if (c.onUpdate() != null) {
                notes.add("on update " + c.onUpdate());
            }
            if (c.comment() != null && !c.comment().isEmpty()) {
                notes.add("comment: " + c.comment());
            }
            out.append("| ").append(c.name()).append(" | ").append(code(c.type())).append(" | ")
                    .append(c.nullable() ? "yes" : "no").append(" | ")
                    .append("none".equals(c.defaultValue()) ? "" : code(c.defaultValue())).append(" | ")
                    .append(String.join(", ", keys(table, c.name()))).append(" | ")
                    .append(cell(String.join("; ", notes))).append(" |\n");
        }
        if (!table.indexes().isEmpty()) {
            out.append("\n| Index | Unique | Columns |\n|---|---|---|\n");
            for (SchemaModel.Index index : table.indexes()) {
                out.append("| ").append(index.name()).append(" | ").append(index.unique() ? "yes" : "no").append(" | ")
                        .append(String.join(", ", index.columns())).append(" |\n");
            }
        }
        if (!table.foreignKeys().isEmpty()) {
            out.append("\n| Foreign key | Columns | References | On update | On delete |\n|---|---|---|---|---|\n");
            for (SchemaModel.ForeignKey fk : table.foreignKeys()) {
                out.append("| ").append(fk.name()).append(" | ").append(String.join(", ", fk.columns())).append(" | ")
                        .append(fk.referencedTable()).append(" (").append(String.join(", ", fk.referencedColumns()))
                        .append(") | ").append(fk.onUpdate()).append(" | ").append(fk.onDelete()).append(" |\n");
            }
        }
    }

    /** PK, FK, UK: the column is in the primary key, a foreign key, a unique index other than the primary key. */
    private static List<String> keys(SchemaModel.Table table, String column) {
        Set<String> keys = new HashSet<>();
        for (SchemaModel.Index index : table.indexes()) {
            if (index.columns().contains(column) && index.unique()) {
                keys.add(PRIMARY.equals(index.name()) ? "PK" : "UK");
            }
        }
        if (table.foreignKeys().stream().anyMatch(fk -> fk.columns().contains(column))) {
            keys.add("FK");
        }
        return List.of("PK", "FK", "UK").stream().filter(keys::contains).collect(Collectors.toList());
    }

    /** A Mermaid attribute type: letters, digits and underscores only; an enum is just {@code enum}. */
    static String mermaidType(String type) {
        if (type.startsWith("enum(") || type.startsWith("set(")) {
            return type.substring(0, type.indexOf('('));
        }
        return type.replaceAll("[^A-Za-z0-9_]+", "_");
    }

    private static String code(String text) {
        return "`" + cell(text) + "`";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}

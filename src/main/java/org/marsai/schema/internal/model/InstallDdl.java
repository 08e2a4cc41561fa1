package org.marsai.schema.internal.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The schema a model describes, as the {@code CREATE TABLE} statements that build it on an empty database: one per
 * table, indexes and foreign keys inline, each table after those it references. Written by the build for the
 * consolidated install ({@code plan.InstallScript}); what a clause leaves to the server (the engine, the collation, a
 * referential action) is left to it here too, as the changelog's own statements leave it.
 */
public final class InstallDdl {

    private InstallDdl() {
    }

    public static List<String> createTables(SchemaModel model) {
        List<String> statements = new ArrayList<>();
        for (String name : foreignKeyOrder(model)) {
            statements.add(createTable(model.tables().get(name)));
        }
        return statements;
    }

    /** The table names, each after the tables its foreign keys reference; by name otherwise. */
    static List<String> foreignKeyOrder(SchemaModel model) {
        Set<String> ordered = new LinkedHashSet<>();
        while (ordered.size() < model.tables().size()) {
            int before = ordered.size();
            for (SchemaModel.Table table : model.tables().values()) {
                if (!ordered.contains(table.name()) && table.foreignKeys().stream().map(SchemaModel.ForeignKey::referencedTable)
                        .allMatch(t -> t.equalsIgnoreCase(table.name()) || ordered.contains(t))) {
                    ordered.add(table.name());
                }
            }
            if (ordered.size() == before) {
                throw new IllegalStateException("The tables' foreign keys reference each other in a cycle: "
                        + model.tables().keySet().stream().filter(t -> !ordered.contains(t)).toList());
            }
        }
        return List.copyOf(ordered);
    }

    static String createTable(SchemaModel.Table table) {
        List<String> lines = new ArrayList<>();
        for (SchemaModel.Column column : table.columns()) {
            lines.add(column(column));
        }
        for (SchemaModel.Index index : table.indexes()) {
            String columns = names(index.columns());
            if (index.name().equals("PRIMARY")) {
                lines.add("PRIMARY KEY " + columns);
            } else {
                lines.add((index.unique() ? "UNIQUE KEY " : "KEY ") + name(index.name()) + " " + columns);
            }
        }
        for (SchemaModel.ForeignKey fk : table.foreignKeys()) {
            lines.add("CONSTRAINT " + name(fk.name()) + " FOREIGN KEY " + names(fk.columns()) + " REFERENCES "
                    + name(fk.referencedTable()) + " " + names(fk.referencedColumns()) + action("DELETE", fk.onDelete())
                    + action("UPDATE", fk.onUpdate()));
        }
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(name(table.name())).append(" (\n  ")
                .append(String.join(",\n  ", lines)).append("\n)");
        if (table.engine() != null && !table.engine().equalsIgnoreCase("InnoDB")) {
            sql.append(" ENGINE=").append(table.engine());
        }
        if (table.collation() != null) {
            sql.append(table.collation().contains("_") ? " COLLATE=" : " CHARACTER SET=").append(table.collation());
        }
        return sql.toString();
    }

    private static String column(SchemaModel.Column c) {
        StringBuilder sql = new StringBuilder(name(c.name())).append(' ').append(literalsChecked(c.type()));
        if (c.collation() != null) {
            sql.append(c.collation().contains("_") ? " COLLATE " : " CHARACTER SET ").append(c.collation());
        }
        sql.append(c.nullable() ? " NULL" : " NOT NULL");
        if (!c.defaultValue().equals("none")) {
            sql.append(" DEFAULT ").append(literalsChecked(c.defaultValue()));
        }
        if (c.onUpdate() != null) {
            sql.append(" ON UPDATE ").append(c.onUpdate());
        }
        if (c.autoIncrement()) {
            sql.append(" AUTO_INCREMENT");
        }
        if (c.comment() != null && !c.comment().isEmpty()) {
            sql.append(" COMMENT ").append(literalsChecked(Normalization.quote(c.comment())));
        }
        return sql.toString();
    }

    /** RESTRICT is what the model says when the changelog names no action: the clause is left out, as there. */
    private static String action(String event, String rule) {
        return rule == null || rule.equals("RESTRICT") ? "" : " ON " + event + " " + rule;
    }

    /**
     * A backslash in a string literal means one thing or another depending on the session's sql_mode
     * (NO_BACKSLASH_ESCAPES): such a literal would make the script ambiguous, so the build refuses it.
     */
    private static String literalsChecked(String sql) {
        if (sql.indexOf('\\') >= 0) {
            throw new IllegalStateException("A backslash in " + sql + ": the consolidated install script cannot hold it"
                    + " unambiguously");
        }
        return sql;
    }

    private static String names(List<String> columns) {
        return columns.stream().map(InstallDdl::name).collect(Collectors.joining(", ", "(", ")"));
    }

    public static String name(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }
}

package org.marsai.schema.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import liquibase.change.AddColumnConfig;
import liquibase.change.Change;
import liquibase.change.ColumnConfig;
import liquibase.change.ConstraintsConfig;
import liquibase.change.core.AddColumnChange;
import liquibase.change.core.AddForeignKeyConstraintChange;
import liquibase.change.core.CreateIndexChange;
import liquibase.change.core.CreateTableChange;
import liquibase.change.core.DropColumnChange;
import liquibase.change.core.DropForeignKeyConstraintChange;
import liquibase.change.core.DropIndexChange;
import liquibase.change.core.DropTableChange;
import liquibase.change.core.EmptyChange;
import liquibase.change.core.ModifyDataTypeChange;
import liquibase.change.core.OutputChange;
import liquibase.change.core.RenameColumnChange;
import liquibase.change.core.RenameTableChange;
import liquibase.change.core.TagDatabaseChange;

/**
 * The schema a sequence of changes produces on MySQL/MariaDB, worked out without a database: the
 * changelog's own description of the expected schema. Each change is applied with the server's
 * semantics (a {@code MODIFY} or {@code CHANGE} replaces the whole column definition; a foreign key
 * without a usable index gets one named after it). A change it cannot model (raw SQL) is an error.
 */
final class SchemaBuilder {

    static final class UnsupportedChangeException extends RuntimeException {
        UnsupportedChangeException(String message) {
            super(message);
        }
    }

    private static final Set<String> TEXTUAL = Set.of("char", "varchar", "tinytext", "text", "mediumtext", "longtext",
            "enum", "set");

    private final Map<String, Table> tables = new TreeMap<>();

    private static final class Table {
        String name;
        String engine = "InnoDB";
        final List<SchemaModel.Column> columns = new ArrayList<>();
        final Map<String, SchemaModel.Index> indexes = new LinkedHashMap<>();
        final Map<String, SchemaModel.ForeignKey> foreignKeys = new LinkedHashMap<>();

        Table(String name) {
            this.name = name;
        }

        int indexOf(String column) {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).name().equalsIgnoreCase(column)) {
                    return i;
                }
            }
            throw new UnsupportedChangeException("table " + name + " has no column " + column);
        }
    }

    SchemaBuilder() {
    }

    SchemaBuilder(SchemaModel start) {
        start.tables().values().forEach(t -> {
            Table table = new Table(t.name());
            table.engine = t.engine();
            table.columns.addAll(t.columns());
            t.indexes().forEach(i -> table.indexes.put(i.name(), i));
            t.foreignKeys().forEach(f -> table.foreignKeys.put(f.name(), f));
            tables.put(t.name(), table);
        });
    }

    SchemaModel build() {
        Map<String, SchemaModel.Table> result = new TreeMap<>();
        for (Table t : tables.values()) {
            List<SchemaModel.Column> numbered = new ArrayList<>();
            for (int i = 0; i < t.columns.size(); i++) {
                SchemaModel.Column c = t.columns.get(i);
                numbered.add(new SchemaModel.Column(c.name(), i + 1, c.type(), c.nullable(), c.defaultValue(),
                        c.autoIncrement(), c.onUpdate(), c.comment()));
            }
            result.put(t.name, new SchemaModel.Table(t.name, t.engine, numbered,
                    new TreeMap<>(t.indexes).values().stream().toList(),
                    new TreeMap<>(t.foreignKeys).values().stream().toList()));
        }
        return new SchemaModel(result);
    }

    /**
     * Applies a change of a changeset that acts only where its change is missing: what is already there
     * stays as it is, and dropping what is absent does nothing.
     */
    SchemaBuilder applyIfMissing(Change change) {
        try {
            SchemaBuilder trial = new SchemaBuilder(build());
            trial.apply(change);
            tables.clear();
            tables.putAll(trial.tables);
        } catch (UnsupportedChangeException | DuplicateException e) {
            // The change (or its absence) is already there.
        }
        return this;
    }

    static final class DuplicateException extends RuntimeException {
        DuplicateException(String message) {
            super(message);
        }
    }

    SchemaBuilder apply(Change change) {
        if (change instanceof CreateTableChange c) {
            createTable(c);
        } else if (change instanceof AddColumnChange c) {
            for (AddColumnConfig column : c.getColumns()) {
                addColumn(table(c.getTableName()), column);
            }
        } else if (change instanceof DropColumnChange c) {
            Table table = table(c.getTableName());
            if (c.getColumnName() != null) {
                dropColumn(table, c.getColumnName());
            }
            for (ColumnConfig column : c.getColumns()) {
                dropColumn(table, column.getName());
            }
        } else if (change instanceof ModifyDataTypeChange c) {
            Table table = table(c.getTableName());
            int at = table.indexOf(c.getColumnName());
            table.columns.set(at, define(table.columns.get(at).name(), c.getNewDataType(), null));
        } else if (change instanceof RenameColumnChange c) {
            Table table = table(c.getTableName());
            int at = table.indexOf(c.getOldColumnName());
            if (c.getColumnDataType() == null) {
                throw new UnsupportedChangeException("renameColumn without columnDataType");
            }
            table.columns.set(at, define(c.getNewColumnName(), c.getColumnDataType(), c.getRemarks()));
            renameInKeys(table, c.getOldColumnName(), c.getNewColumnName());
        } else if (change instanceof CreateIndexChange c) {
            Table table = table(c.getTableName());
            if (table.indexes.containsKey(c.getIndexName())) {
                throw new DuplicateException("index " + c.getIndexName() + " exists");
            }
            List<String> columns = c.getColumns().stream().map(ColumnConfig::getName).toList();
            table.indexes.put(c.getIndexName(), new SchemaModel.Index(c.getIndexName(),
                    Boolean.TRUE.equals(c.isUnique()), columns));
        } else if (change instanceof DropIndexChange c) {
            table(c.getTableName()).indexes.remove(c.getIndexName());
        } else if (change instanceof AddForeignKeyConstraintChange c) {
            addForeignKey(c);
        } else if (change instanceof DropForeignKeyConstraintChange c) {
            table(c.getBaseTableName()).foreignKeys.remove(c.getConstraintName());
        } else if (change instanceof DropTableChange c) {
            tables.remove(c.getTableName());
        } else if (change instanceof RenameTableChange c) {
            Table table = tables.remove(c.getOldTableName());
            table.name = c.getNewTableName();
            tables.put(table.name, table);
        } else if (!(change instanceof TagDatabaseChange || change instanceof EmptyChange
                || change instanceof OutputChange)) {
            throw new UnsupportedChangeException("cannot work out the schema after a " + change.getSerializedObjectName()
                    + " change");
        }
        return this;
    }

    private Table table(String name) {
        Table table = tables.get(name);
        if (table == null) {
            throw new UnsupportedChangeException("no table " + name);
        }
        return table;
    }

    private void createTable(CreateTableChange change) {
        if (tables.containsKey(change.getTableName())) {
            throw new DuplicateException("table " + change.getTableName() + " exists");
        }
        Table table = new Table(change.getTableName());
        List<String> primaryKey = new ArrayList<>();
        for (ColumnConfig column : change.getColumns()) {
            ConstraintsConfig constraints = column.getConstraints();
            boolean primary = constraints != null && Boolean.TRUE.equals(constraints.isPrimaryKey());
            if (constraints != null && (constraints.getForeignKeyName() != null || constraints.getReferences() != null)) {
                throw new UnsupportedChangeException("inline foreign keys are not modelled");
            }
            table.columns.add(column(column, primary));
            if (primary) {
                primaryKey.add(column.getName());
            }
            if (constraints != null && Boolean.TRUE.equals(constraints.isUnique())) {
                String name = constraints.getUniqueConstraintName() != null ? constraints.getUniqueConstraintName()
                        : column.getName();
                table.indexes.put(name, new SchemaModel.Index(name, true, List.of(column.getName())));
            }
        }
        if (!primaryKey.isEmpty()) {
            table.indexes.put("PRIMARY", new SchemaModel.Index("PRIMARY", true, primaryKey));
        }
        tables.put(table.name, table);
    }

    private void addColumn(Table table, AddColumnConfig config) {
        if (table.columns.stream().anyMatch(c -> c.name().equalsIgnoreCase(config.getName()))) {
            throw new DuplicateException("column " + config.getName() + " exists");
        }
        boolean primary = config.getConstraints() != null && Boolean.TRUE.equals(config.getConstraints().isPrimaryKey());
        SchemaModel.Column column = column(config, primary);
        if (config.getAfterColumn() != null) {
            table.columns.add(table.indexOf(config.getAfterColumn()) + 1, column);
        } else if (config.getBeforeColumn() != null) {
            table.columns.add(table.indexOf(config.getBeforeColumn()), column);
        } else if (config.getPosition() != null) {
            table.columns.add(config.getPosition() - 1, column);
        } else {
            table.columns.add(column);
        }
        if (config.getConstraints() != null && Boolean.TRUE.equals(config.getConstraints().isUnique())) {
            String name = config.getConstraints().getUniqueConstraintName() != null
                    ? config.getConstraints().getUniqueConstraintName() : config.getName();
            table.indexes.put(name, new SchemaModel.Index(name, true, List.of(config.getName())));
        }
    }

    private static void dropColumn(Table table, String column) {
        table.columns.remove(table.indexOf(column));
        for (SchemaModel.Index index : List.copyOf(table.indexes.values())) {
            List<String> rest = index.columns().stream().filter(c -> !c.equalsIgnoreCase(column)).toList();
            if (rest.isEmpty()) {
                table.indexes.remove(index.name());
            } else if (rest.size() != index.columns().size()) {
                table.indexes.put(index.name(), new SchemaModel.Index(index.name(), index.unique(), rest));
            }
        }
    }

    private static void renameInKeys(Table table, String from, String to) {
        table.indexes.replaceAll((name, index) -> new SchemaModel.Index(name, index.unique(),
                index.columns().stream().map(c -> c.equalsIgnoreCase(from) ? to : c).toList()));
        table.foreignKeys.replaceAll((name, fk) -> new SchemaModel.ForeignKey(name,
                fk.columns().stream().map(c -> c.equalsIgnoreCase(from) ? to : c).toList(), fk.referencedTable(),
                fk.referencedColumns(), fk.onUpdate(), fk.onDelete()));
    }

    private void addForeignKey(AddForeignKeyConstraintChange change) {
        Table table = table(change.getBaseTableName());
        List<String> columns = split(change.getBaseColumnNames());
        String name = change.getConstraintName();
        if (table.foreignKeys.containsKey(name)) {
            throw new DuplicateException("foreign key " + name + " exists");
        }
        table.foreignKeys.put(name, new SchemaModel.ForeignKey(name, columns, change.getReferencedTableName(),
                split(change.getReferencedColumnNames()), rule(change.getOnUpdate()), rule(change.getOnDelete())));
        boolean indexed = table.indexes.values().stream().anyMatch(i -> i.columns().size() >= columns.size()
                && i.columns().subList(0, columns.size()).stream().map(c -> c.toLowerCase(Locale.ROOT)).toList()
                .equals(columns.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList()));
        if (!indexed) {
            // The server creates an index for the foreign key and names it after the constraint.
            table.indexes.put(name, new SchemaModel.Index(name, false, columns));
        }
    }

    private static List<String> split(String names) {
        return List.of(names.trim().split("\\s*,\\s*"));
    }

    /** The server's name for a referential action; NO ACTION and RESTRICT are the same in InnoDB. */
    static String rule(String rule) {
        if (rule == null || rule.isBlank()) {
            return "RESTRICT";
        }
        String upper = rule.trim().toUpperCase(Locale.ROOT).replace('_', ' ');
        return upper.equals("NO ACTION") ? "RESTRICT" : upper;
    }

    private static SchemaModel.Column column(ColumnConfig config, boolean primary) {
        ConstraintsConfig constraints = config.getConstraints();
        boolean nullable = !primary && (constraints == null || !Boolean.FALSE.equals(constraints.isNullable()));
        String type = type(config.getType());
        boolean autoIncrement = Boolean.TRUE.equals(config.isAutoIncrement());
        String defaultValue;
        if (config.getDefaultValueComputed() != null) {
            defaultValue = computed(config.getDefaultValueComputed().getValue());
        } else if (config.getDefaultValueNumeric() != null) {
            defaultValue = number(config.getDefaultValueNumeric());
        } else if (config.getDefaultValueBoolean() != null) {
            defaultValue = config.getDefaultValueBoolean() ? "1" : "0";
        } else if (config.getDefaultValue() != null) {
            defaultValue = literal(config.getDefaultValue(), type);
        } else {
            defaultValue = nullable ? "NULL" : "none";
        }
        return new SchemaModel.Column(config.getName(), 0, type, nullable, defaultValue, autoIncrement, null,
                config.getRemarks() == null ? "" : config.getRemarks());
    }

    /**
     * A whole MySQL column definition, as {@code MODIFY}/{@code CHANGE} take it: the type, then any of
     * {@code [NOT] NULL}, {@code DEFAULT x}, {@code AUTO_INCREMENT}, {@code COMMENT '...'}. What is not
     * written is reset: nullable, no default, no comment.
     */
    static SchemaModel.Column define(String name, String definition, String remarks) {
        String text = definition.trim();
        int typeEnd = typeEnd(text);
        String type = type(text.substring(0, typeEnd));
        List<String> tokens = tokens(text.substring(typeEnd));
        boolean nullable = true;
        boolean autoIncrement = false;
        String defaultValue = null;
        String comment = remarks == null ? "" : remarks;
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i).toUpperCase(Locale.ROOT);
            switch (token) {
                case "NOT" -> {
                    nullable = false;
                    i++;
                }
                case "NULL" -> nullable = true;
                case "AUTO_INCREMENT" -> autoIncrement = true;
                case "DEFAULT" -> {
                    String value = tokens.get(++i);
                    defaultValue = value.startsWith("'") ? SchemaModel.quote(unquote(value))
                            : value.equalsIgnoreCase("NULL") ? "NULL"
                            : computed(value).equals("CURRENT_TIMESTAMP") ? "CURRENT_TIMESTAMP" : value;
                    if (!value.startsWith("'") && TEXTUAL.contains(baseType(type)) && !defaultValue.equals("NULL")
                            && !defaultValue.equals("CURRENT_TIMESTAMP")) {
                        defaultValue = SchemaModel.quote(value);
                    }
                }
                case "COMMENT" -> comment = unquote(tokens.get(++i));
                default -> throw new UnsupportedChangeException("cannot read '" + tokens.get(i) + "' in " + definition);
            }
        }
        if (defaultValue == null) {
            defaultValue = nullable ? "NULL" : "none";
        }
        return new SchemaModel.Column(name, 0, type, nullable, defaultValue, autoIncrement, null, comment);
    }

    private static int typeEnd(String text) {
        int i = 0;
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
            i++;
        }
        if (i < text.length() && text.charAt(i) == '(') {
            boolean quoted = false;
            for (; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\'') {
                    quoted = !quoted;
                } else if (c == ')' && !quoted) {
                    return i + 1;
                }
            }
        }
        String rest = text.substring(i).toUpperCase(Locale.ROOT);
        if (rest.startsWith(" UNSIGNED")) {
            i += " UNSIGNED".length();
        }
        return i;
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                int j = i + 1;
                while (j < text.length()) {
                    if (text.charAt(j) == '\'' && j + 1 < text.length() && text.charAt(j + 1) == '\'') {
                        j += 2;
                    } else if (text.charAt(j) == '\'') {
                        break;
                    } else {
                        j++;
                    }
                }
                tokens.add(text.substring(i, Math.min(j + 1, text.length())));
                i = j + 1;
            } else {
                int j = i;
                while (j < text.length() && !Character.isWhitespace(text.charAt(j))) {
                    j++;
                }
                tokens.add(text.substring(i, j));
                i = j;
            }
        }
        return tokens;
    }

    /** A Liquibase column type as the server reports it, reduced as {@link SchemaReader#type} does. */
    static String type(String liquibaseType) {
        String type = liquibaseType.trim();
        String lower = type.toLowerCase(Locale.ROOT);
        if (lower.startsWith("enum(") || lower.startsWith("set(")) {
            int open = type.indexOf('(');
            List<String> values = new ArrayList<>();
            for (String token : tokens(type.substring(open + 1, type.lastIndexOf(')')).replace(",", " , "))) {
                if (!token.equals(",")) {
                    values.add(SchemaModel.quote(unquote(token)));
                }
            }
            return lower.substring(0, open) + "(" + String.join(",", values) + ")";
        }
        return SchemaReader.type(lower.replaceAll("\\s+", " ")
                .replace("integer", "int").replace("boolean", "tinyint(1)").replace("bool", "tinyint(1)"));
    }

    private static String baseType(String type) {
        int paren = type.indexOf('(');
        return (paren < 0 ? type : type.substring(0, paren)).trim();
    }

    private static String literal(String value, String type) {
        return TEXTUAL.contains(baseType(type)) ? SchemaModel.quote(value) : value;
    }

    private static String computed(String value) {
        String lower = value.trim().toLowerCase(Locale.ROOT);
        return lower.equals("current_timestamp") || lower.equals("current_timestamp()") || lower.equals("now()")
                ? "CURRENT_TIMESTAMP" : value.trim();
    }

    private static String number(Number number) {
        return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
    }

    private static String unquote(String literal) {
        String text = literal.trim();
        if (text.length() >= 2 && text.startsWith("'") && text.endsWith("'")) {
            text = text.substring(1, text.length() - 1);
        }
        return text.replace("''", "'");
    }
}

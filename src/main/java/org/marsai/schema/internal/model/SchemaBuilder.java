package org.marsai.schema.internal.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import liquibase.change.core.RawSQLChange;
import liquibase.change.core.RenameColumnChange;
import liquibase.change.core.RenameTableChange;
import liquibase.change.core.TagDatabaseChange;

/**
 * The schema a sequence of changes produces on MySQL/MariaDB, worked out without a database: the
 * changelog's own description of the expected schema. Each change is applied with the server's
 * semantics (a {@code MODIFY} or {@code CHANGE} replaces the whole column definition; a foreign key
 * without a usable index gets one named after it). A change it cannot model (raw SQL) is an error.
 */
public final class SchemaBuilder {

    private final Map<String, Table> tables = new TreeMap<>();

    private static final class Table {
        String name;
        String engine = "InnoDB";
        String collation;
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

    public SchemaBuilder() {
    }

    public SchemaBuilder(SchemaModel start) {
        start.tables().values().forEach(t -> {
            Table table = new Table(t.name());
            table.engine = t.engine();
            table.collation = t.collation();
            table.columns.addAll(t.columns());
            t.indexes().forEach(i -> table.indexes.put(i.name(), i));
            t.foreignKeys().forEach(f -> table.foreignKeys.put(f.name(), f));
            tables.put(t.name(), table);
        });
    }

    public SchemaModel build() {
        Map<String, SchemaModel.Table> result = new TreeMap<>();
        for (Table t : tables.values()) {
            List<SchemaModel.Column> numbered = new ArrayList<>();
            for (int i = 0; i < t.columns.size(); i++) {
                SchemaModel.Column c = t.columns.get(i);
                numbered.add(new SchemaModel.Column(c.name(), i + 1, c.type(), c.nullable(), c.defaultValue(),
                        c.autoIncrement(), c.onUpdate(), c.comment(), c.collation()));
            }
            result.put(t.name, new SchemaModel.Table(t.name, t.engine, t.collation, numbered,
                    new TreeMap<>(t.indexes).values().stream().toList(),
                    new TreeMap<>(t.foreignKeys).values().stream().toList()));
        }
        return new SchemaModel(result);
    }

    /**
     * Applies a change of a changeset that acts only where its change is missing: what is already there
     * stays as it is, and dropping what is absent does nothing.
     */
    public SchemaBuilder applyIfMissing(Change change) {
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

    public SchemaBuilder apply(Change change) {
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
            table.columns.set(at, ColumnDefinitions.define(table.columns.get(at).name(), c.getNewDataType(), null));
        } else if (change instanceof RenameColumnChange c) {
            Table table = table(c.getTableName());
            int at = table.indexOf(c.getOldColumnName());
            if (c.getColumnDataType() == null) {
                throw new UnsupportedChangeException("renameColumn without columnDataType");
            }
            table.columns.set(at, ColumnDefinitions.define(c.getNewColumnName(), c.getColumnDataType(), c.getRemarks()));
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
        } else if (change instanceof RawSQLChange c) {
            AlterTableSql.parse(c.getSql()).forEach(this::apply);
        } else if (!(change instanceof TagDatabaseChange || change instanceof EmptyChange
                || change instanceof OutputChange)) {
            throw new UnsupportedChangeException("cannot work out the schema after a " + change.getSerializedObjectName()
                    + " change");
        }
        return this;
    }

    private void apply(AlterTableSql.Clause clause) {
        if (clause instanceof AlterTableSql.AddColumn c) {
            addColumn(c.table(), c.column(), c.after());
        } else if (clause instanceof AlterTableSql.DropColumn c) {
            dropColumn(table(c.table()), c.column());
        } else if (clause instanceof AlterTableSql.AddIndex c) {
            addIndex(c.table(), c.name(), c.unique(), c.columns());
        } else if (clause instanceof AlterTableSql.DropIndex c) {
            dropIndex(c.table(), c.name());
        }
    }

    private void addColumn(String tableName, SchemaModel.Column column, String after) {
        Table table = table(tableName);
        if (table.columns.stream().anyMatch(c -> c.name().equalsIgnoreCase(column.name()))) {
            throw new DuplicateException("column " + column.name() + " exists");
        }
        table.columns.add(after == null ? table.columns.size() : after.isEmpty() ? 0 : table.indexOf(after) + 1, column);
    }

    private void addIndex(String tableName, String name, boolean unique, List<String> columns) {
        Table table = table(tableName);
        if (table.indexes.containsKey(name)) {
            throw new DuplicateException("index " + name + " exists");
        }
        columns.forEach(table::indexOf);
        table.indexes.put(name, new SchemaModel.Index(name, unique, List.copyOf(columns)));
    }

    private void dropIndex(String tableName, String name) {
        if (table(tableName).indexes.remove(name) == null) {
            throw new UnsupportedChangeException("table " + tableName + " has no index " + name);
        }
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
            table.columns.add(ColumnDefinitions.column(column, primary));
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
        SchemaModel.Column column = ColumnDefinitions.column(config, primary);
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
                split(change.getReferencedColumnNames()), Normalization.rule(change.getOnUpdate()), Normalization.rule(change.getOnDelete())));
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
}

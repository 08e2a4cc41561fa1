package org.marsai.schema.internal.model;

import java.util.Map;

import liquibase.change.Change;
import liquibase.change.ColumnConfig;
import liquibase.change.ConstraintsConfig;
import liquibase.change.core.AddForeignKeyConstraintChange;
import liquibase.change.core.CreateTableChange;
import liquibase.change.core.ModifyDataTypeChange;
import liquibase.change.core.RawSQLChange;

/**
 * Schemas for the model's unit tests, built as the changelog builds them: Liquibase changes applied by
 * {@link SchemaBuilder}, columns written as MySQL column definitions ({@code ALTER TABLE ... ADD COLUMN}).
 */
public final class Schemas {

    private Schemas() {
    }

    /**
     * The schema these statements build from nothing: {@code CREATE TABLE name} makes a table with an
     * {@code id int AUTO_INCREMENT} primary key, any other statement is an {@code ALTER TABLE}.
     */
    public static SchemaModel schema(String... statements) {
        return after(new SchemaModel(Map.of()), statements);
    }

    /** The schema after these statements (see {@link #schema}). */
    public static SchemaModel after(SchemaModel before, String... statements) {
        SchemaBuilder builder = new SchemaBuilder(before);
        for (String statement : statements) {
            builder.apply(statement.startsWith("CREATE TABLE ") ? createTable(statement.substring(13).trim())
                    : new RawSQLChange(statement));
        }
        return builder.build();
    }

    /** The schema after these changes. */
    public static SchemaModel after(SchemaModel before, Change... changes) {
        SchemaBuilder builder = new SchemaBuilder(before);
        for (Change change : changes) {
            builder.apply(change);
        }
        return builder.build();
    }

    /** {@code MODIFY column definition}: the whole definition is replaced. */
    public static Change modify(String table, String column, String definition) {
        ModifyDataTypeChange change = new ModifyDataTypeChange();
        change.setTableName(table);
        change.setColumnName(column);
        change.setNewDataType(definition);
        return change;
    }

    /** A foreign key from {@code table.column} to {@code referenced.id}. */
    public static Change foreignKey(String name, String table, String column, String referenced, String onDelete) {
        AddForeignKeyConstraintChange change = new AddForeignKeyConstraintChange();
        change.setConstraintName(name);
        change.setBaseTableName(table);
        change.setBaseColumnNames(column);
        change.setReferencedTableName(referenced);
        change.setReferencedColumnNames("id");
        change.setOnDelete(onDelete);
        return change;
    }

    private static Change createTable(String name) {
        ColumnConfig id = new ColumnConfig();
        id.setName("id");
        id.setType("int");
        id.setAutoIncrement(true);
        id.setConstraints(new ConstraintsConfig().setPrimaryKey(true).setNullable(false));
        CreateTableChange change = new CreateTableChange();
        change.setTableName(name);
        change.addColumn(id);
        return change;
    }
}

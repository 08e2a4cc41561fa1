package org.marsai.schema.internal.history;

import liquibase.database.Database;
import liquibase.database.core.MySQLDatabase;
import liquibase.sqlgenerator.core.CreateDatabaseChangeLogTableGenerator;
import liquibase.statement.NotNullConstraint;
import liquibase.statement.PrimaryKeyConstraint;
import liquibase.statement.core.CreateDatabaseChangeLogTableStatement;
import liquibase.statement.core.CreateTableStatement;
import org.marsai.schema.internal.jdbc.Session;
import org.marsai.schema.internal.liquibase.LiquibaseCommands;
import org.marsai.schema.internal.liquibase.LiquibaseDatabase;

/**
 * Liquibase's history table as Liquibase 4.33 creates it, plus {@code PRIMARY KEY (ID, AUTHOR, FILENAME)} in
 * the same statement, for the databases this library opens (live and offline) only. Servers that require a
 * primary key ({@code sql_require_primary_key}, Group Replication) accept it; Liquibase, its CLI and Spring
 * read and write it unchanged.
 */
public class HistoryTableGenerator extends CreateDatabaseChangeLogTableGenerator {

    static final String PRIMARY_KEY = "PK_DATABASECHANGELOG";

    @Override
    public int getPriority() {
        return PRIORITY_DATABASE + 100;
    }

    @Override
    public boolean supports(CreateDatabaseChangeLogTableStatement statement, Database database) {
        return database instanceof MySQLDatabase
                && (LiquibaseDatabase.sessionOf(database) != null || LiquibaseCommands.isOffline(database));
    }

    @Override
    protected CreateTableStatement getCreateTableStatement(Database database) {
        CreateTableStatement liquibase = super.getCreateTableStatement(database);
        CreateTableStatement keyed = new CreateTableStatement(liquibase.getCatalogName(), liquibase.getSchemaName(),
                liquibase.getTableName()).setTablespace(liquibase.getTablespace());
        for (String column : liquibase.getColumns()) {
            boolean notNull = liquibase.getNotNullColumns().containsKey(column);
            keyed.addColumn(column, liquibase.getColumnTypes().get(column), (Object) null, (String) null,
                    notNull ? new NotNullConstraint() : null,
                    column.equals("ID") ? new PrimaryKeyConstraint(PRIMARY_KEY).addColumns("ID", "AUTHOR", "FILENAME") : null);
        }
        return keyed;
    }
}

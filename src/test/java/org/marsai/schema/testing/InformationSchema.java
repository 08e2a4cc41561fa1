package org.marsai.schema.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * A database as information_schema shows it, unreduced: every table (the history table too) with its engine,
 * collation and comment; every column with its position, type as the server spells it, nullability, default, extra,
 * character set, collation, comment; every index column; every constraint and foreign key with its rules. Sorted
 * lines: two databases with the same lines have the same schema on this server.
 */
public final class InformationSchema {

    private InformationSchema() {
    }

    public static List<String> picture(TestDatabase db) {
        String schema = "'" + db.name() + "'";
        List<String> lines = new ArrayList<>();
        add(lines, "table", db.query("SELECT TABLE_NAME, TABLE_TYPE, ENGINE, ROW_FORMAT, TABLE_COLLATION, CREATE_OPTIONS,"
                + " TABLE_COMMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = " + schema));
        add(lines, "column", db.query("SELECT TABLE_NAME, ORDINAL_POSITION, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE,"
                + " COLUMN_DEFAULT, EXTRA, CHARACTER_SET_NAME, COLLATION_NAME, COLUMN_KEY, COLUMN_COMMENT"
                + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = " + schema));
        add(lines, "index", db.query("SELECT TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX, COLUMN_NAME, NON_UNIQUE, SUB_PART,"
                + " INDEX_TYPE, COLLATION, NULLABLE, INDEX_COMMENT FROM information_schema.STATISTICS"
                + " WHERE TABLE_SCHEMA = " + schema));
        add(lines, "constraint", db.query("SELECT TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE"
                + " FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = " + schema));
        add(lines, "key-column", db.query("SELECT TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME, ORDINAL_POSITION,"
                + " POSITION_IN_UNIQUE_CONSTRAINT, REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME"
                + " FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = " + schema));
        add(lines, "foreign-key", db.query("SELECT TABLE_NAME, CONSTRAINT_NAME, UNIQUE_CONSTRAINT_NAME, MATCH_OPTION,"
                + " UPDATE_RULE, DELETE_RULE, REFERENCED_TABLE_NAME FROM information_schema.REFERENTIAL_CONSTRAINTS"
                + " WHERE CONSTRAINT_SCHEMA = " + schema));
        add(lines, "check", db.query("SELECT CONSTRAINT_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS"
                + " WHERE CONSTRAINT_SCHEMA = " + schema));
        return lines.stream().sorted().toList();
    }

    /**
     * The history as the step-by-step path and the consolidated install must both write it: every column of every
     * row but the time and the deployment id, in the order the changesets ran.
     */
    public static List<List<String>> history(TestDatabase db) {
        return db.query("SELECT ID, AUTHOR, FILENAME, ORDEREXECUTED, EXECTYPE, MD5SUM, DESCRIPTION, COMMENTS, TAG,"
                + " LIQUIBASE, CONTEXTS, LABELS FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED, ID");
    }

    private static void add(List<String> lines, String kind, List<List<String>> rows) {
        rows.forEach(row -> lines.add(kind + " " + String.join(" | ", row.stream().map(String::valueOf).toList())));
    }
}

package org.marsai.schema;

import java.util.Objects;

/**
 * One way a database differs from the schema it should have.
 *
 * @param kind     what differs
 * @param table    the table concerned
 * @param name     the column, index or foreign key concerned; for table-level differences, the table
 * @param expected what the reference says, e.g. a full column definition {@code varchar(255) NOT NULL};
 *                 empty when the object should not exist
 * @param actual   what the database has; empty when the object is missing
 */
public record Difference(Kind kind, String table, String name, String expected, String actual) {

    public enum Kind {
        TABLE_MISSING, TABLE_EXTRA, TABLE_ENGINE,
        COLUMN_MISSING, COLUMN_EXTRA, COLUMN_TYPE, COLUMN_NULLABILITY, COLUMN_DEFAULT, COLUMN_AUTO_INCREMENT,
        COLUMN_ON_UPDATE, COLUMN_COMMENT, COLUMN_POSITION,
        INDEX_MISSING, INDEX_EXTRA, INDEX_CHANGED,
        FOREIGN_KEY_MISSING, FOREIGN_KEY_EXTRA, FOREIGN_KEY_CHANGED,
        /** A table's character set or collation, or a column's own collation. */
        TABLE_CHARSET, COLUMN_COLLATION,
        /** The history lacks a changeset's row although later changesets are recorded ({@code name}: its id). */
        HISTORY_ROW_MISSING
    }

    public Difference {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(name, "name");
        expected = expected == null ? "" : expected;
        actual = actual == null ? "" : actual;
    }

    /** {@code table} for table differences, {@code table.column} for columns, {@code table index NAME} otherwise. */
    public String subject() {
        return switch (kind) {
            case TABLE_MISSING, TABLE_EXTRA, TABLE_ENGINE -> table;
            case INDEX_MISSING, INDEX_EXTRA, INDEX_CHANGED -> table + (name.equals("PRIMARY") ? " primary key" : " index " + name);
            case FOREIGN_KEY_MISSING, FOREIGN_KEY_EXTRA, FOREIGN_KEY_CHANGED -> table + " foreign key " + name;
            case TABLE_CHARSET -> table;
            case HISTORY_ROW_MISSING -> "the history row of changeset " + name;
            default -> table + "." + name;
        };
    }

    /** One sentence naming the object and both sides. */
    public String message() {
        String what = switch (kind) {
            case TABLE_MISSING, COLUMN_MISSING, INDEX_MISSING, FOREIGN_KEY_MISSING -> "is missing";
            case TABLE_EXTRA, COLUMN_EXTRA, INDEX_EXTRA, FOREIGN_KEY_EXTRA -> "is not in the schema";
            case TABLE_ENGINE -> "has another storage engine";
            case COLUMN_TYPE -> "has another type";
            case COLUMN_NULLABILITY -> "has another nullability";
            case COLUMN_DEFAULT -> "has another default";
            case COLUMN_AUTO_INCREMENT -> "differs in AUTO_INCREMENT";
            case COLUMN_ON_UPDATE -> "differs in ON UPDATE";
            case COLUMN_COMMENT -> "has another comment";
            case COLUMN_POSITION -> "is in another position";
            case INDEX_CHANGED -> "has other columns or uniqueness";
            case FOREIGN_KEY_CHANGED -> "has other columns, target or rules";
            case TABLE_CHARSET -> "has another character set or collation";
            case COLUMN_COLLATION -> "has another collation";
            case HISTORY_ROW_MISSING -> "is missing although later changesets are recorded";
        };
        StringBuilder text = new StringBuilder(subject()).append(' ').append(what);
        if (!expected.isEmpty()) {
            text.append(": expected ").append(expected);
        }
        if (!actual.isEmpty()) {
            text.append(expected.isEmpty() ? ": found " : ", found ").append(actual);
        }
        return text.toString();
    }
}

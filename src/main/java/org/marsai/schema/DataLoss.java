package org.marsai.schema;

import java.util.Objects;

/**
 * Stored data a change would destroy.
 *
 * @param table        the table concerned
 * @param column       the column concerned; empty when the whole table goes
 * @param description  what the change does, e.g. {@code removes 'assigned', 'awarded' from movies.selection_status}
 * @param affectedRows how many rows in this database hold the data: rows of a dropped table, non-NULL values of
 *                     a dropped column, rows holding a removed ENUM value or a value that no longer fits
 */
public record DataLoss(String table, String column, String description, long affectedRows) {

    public DataLoss {
        Objects.requireNonNull(table, "table");
        column = column == null ? "" : column;
        Objects.requireNonNull(description, "description");
    }

    /** One line, e.g. {@code drops table votes: 12 row(s)}. */
    public String message() {
        return description + ": " + affectedRows + " row(s)";
    }
}

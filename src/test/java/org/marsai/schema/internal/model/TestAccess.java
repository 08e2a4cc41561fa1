package org.marsai.schema.internal.model;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** What the tests outside this package read of its internals: the schema picture the specification is written in. */
public final class TestAccess {

    private TestAccess() {
    }

    /** One line per table, column, index and foreign key of the database, as {@link SchemaModel#lines()} writes them. */
    public static List<String> picture(Connection connection, String database) throws SQLException {
        return SchemaReader.read(connection, database).lines();
    }
}

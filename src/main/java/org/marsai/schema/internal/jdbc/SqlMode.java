package org.marsai.schema.internal.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.marsai.schema.ErrorCode;
import org.marsai.schema.MarsSchemaException;

/**
 * The session's sql_mode. In strict mode the server refuses an ALTER that would truncate a value or turn
 * it into {@code ''} (an ENUM narrowed under rows that use a removed value), whatever the server's own
 * setting: nothing is lost silently.
 */
public final class SqlMode {

    private SqlMode() {
    }

    /** Sets strict (or non-strict) mode for the session until it closes. */
    public static void set(Session session, boolean strict) {
        Connection connection = session.connection;
        String previous = set(connection, strict);
        session.onClose(() -> execute(connection, previous));
    }

    /** Sets strict (or non-strict) mode for the session; returns the mode to restore. */
    private static String set(Connection connection, boolean strict) {
        try {
            String current;
            try (PreparedStatement statement = connection.prepareStatement("SELECT @@SESSION.sql_mode");
                 ResultSet rs = statement.executeQuery()) {
                rs.next();
                current = rs.getString(1) == null ? "" : rs.getString(1);
            }
            Set<String> modes = Arrays.stream(current.split(",")).filter(m -> !m.isBlank())
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            if (strict) {
                modes.add("STRICT_ALL_TABLES");
            } else {
                modes.remove("STRICT_ALL_TABLES");
                modes.remove("STRICT_TRANS_TABLES");
            }
            execute(connection, String.join(",", modes));
            return current;
        } catch (SQLException e) {
            throw new MarsSchemaException(ErrorCode.UNEXPECTED, "Cannot set the session's sql_mode: " + e.getMessage(), e);
        }
    }

    private static void execute(Connection connection, String mode) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SET SESSION sql_mode = ?")) {
            statement.setString(1, mode);
            statement.execute();
        }
    }
}

package org.marsai.schema.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.marsai.schema.ErrorCode;
import org.marsai.schema.ExecType;
import org.marsai.schema.HistoryEntry;
import org.marsai.schema.MarsSchemaException;

/**
 * Reads this library's rows of Liquibase's history table with plain JDBC: read-only, no table created,
 * no lock taken. Rows of other changelogs sharing the table (a host application's own) are left out.
 */
final class History {

    record Row(String id, String author, String fileName, Instant executedAt, int orderExecuted, String execType,
               String checksum, String tag, String deploymentId) {

        HistoryEntry toEntry() {
            return new HistoryEntry(Changelog.migrationOf(fileName), id, author, executedAt, orderExecuted,
                    parseExecType(execType), Optional.ofNullable(tag), deploymentId, checksum);
        }
    }

    private History() {
    }

    /** The name the history table has in this database, if it exists. */
    static Optional<String> tableName(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
                        + " AND UPPER(TABLE_NAME) = 'DATABASECHANGELOG'")) {
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** This library's rows, in the order they ran. */
    static List<Row> read(Connection connection) {
        try {
            Optional<String> table = tableName(connection);
            if (table.isEmpty()) {
                return List.of();
            }
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE, MD5SUM, TAG, DEPLOYMENT_ID FROM `"
                            + table.get() + "` WHERE FILENAME LIKE ? ORDER BY DATEEXECUTED, ORDEREXECUTED")) {
                statement.setString(1, Changelog.LOGICAL_PREFIX + "%");
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        Timestamp executed = rs.getTimestamp(4);
                        rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3),
                                executed == null ? Instant.EPOCH : executed.toInstant(), rs.getInt(5),
                                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)));
                    }
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new MarsSchemaException(ErrorCode.UNEXPECTED,
                    "Cannot read the migration history (DATABASECHANGELOG): " + e.getMessage()
                            + ". Check that the user may SELECT from it and from information_schema.", e);
        }
    }

    static ExecType parseExecType(String value) {
        if (value != null) {
            try {
                return ExecType.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ignored) {
                // An exec type of a newer Liquibase: report it as executed.
            }
        }
        return ExecType.EXECUTED;
    }
}

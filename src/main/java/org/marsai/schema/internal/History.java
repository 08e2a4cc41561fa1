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

    /** The row written while a run changes the schema; left behind only by an interrupted run. */
    static final String MARKER_ID = "marsai-schema-run-in-progress";
    static final String MARKER_FILE = Changelog.LOGICAL_PREFIX + "run-in-progress";

    private History() {
    }

    /** Whether an interrupted run left its marker. */
    static boolean interrupted(Connection connection) {
        return snapshot(connection).interrupted();
    }

    /** Records that a run is changing the schema; {@link #clearMarker} removes it when the run ends. */
    static void mark(Connection connection, String table, String operation) {
        clearMarker(connection, table);
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO `" + table
                + "` (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE, DESCRIPTION, COMMENTS)"
                + " VALUES (?, 'marsai-schema', ?, NOW(), 0, 'SKIPPED', ?, ?)")) {
            statement.setString(1, MARKER_ID);
            statement.setString(2, MARKER_FILE);
            statement.setString(3, operation.length() > 255 ? operation.substring(0, 255) : operation);
            statement.setString(4, "Written by marsai-schema while it changes the schema; left behind only by an"
                    + " interrupted run, which the next run reconciles.");
            statement.executeUpdate();
            commit(connection);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    static void clearMarker(Connection connection, String table) {
        execute(connection, "DELETE FROM `" + table + "` WHERE ID = ? AND FILENAME = ?", MARKER_ID, MARKER_FILE);
    }

    /** Removes a changeset's row: its change is no longer in the database. */
    static void forget(Connection connection, Row row) {
        String table = historyTableName(connection).orElseThrow();
        execute(connection, "DELETE FROM `" + table + "` WHERE ID = ? AND AUTHOR = ? AND FILENAME = ?",
                row.id(), row.author(), row.fileName());
    }

    private static void execute(Connection connection, String sql, String... parameters) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            statement.executeUpdate();
            commit(connection);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static void commit(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    private static MarsSchemaException failure(SQLException e) {
        return new MarsSchemaException(ErrorCode.UNEXPECTED, "Cannot read or write the migration history"
                + " (DATABASECHANGELOG): " + e.getMessage() + ". Check that the user may SELECT, INSERT and DELETE there.", e);
    }

    private static Optional<String> historyTableName(Connection connection) {
        try {
            return tableName(connection);
        } catch (SQLException e) {
            throw failure(e);
        }
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

    /** This library's rows, in the order they ran, and whether an interrupted run left its marker. */
    record Snapshot(List<Row> rows, boolean interrupted) {
    }

    /** This library's rows, in the order they ran. */
    static List<Row> read(Connection connection) {
        return snapshot(connection).rows();
    }

    /** One query in the common case: the history table under its usual name. */
    static Snapshot snapshot(Connection connection) {
        try {
            try {
                return snapshot(connection, "DATABASECHANGELOG");
            } catch (SQLException e) {
                if (e.getErrorCode() != 1146) {
                    throw e;
                }
                Optional<String> table = tableName(connection);
                return table.isPresent() ? snapshot(connection, table.get()) : new Snapshot(List.of(), false);
            }
        } catch (SQLException e) {
            throw new MarsSchemaException(ErrorCode.UNEXPECTED,
                    "Cannot read the migration history (DATABASECHANGELOG): " + e.getMessage()
                            + ". Check that the user may SELECT from it and from information_schema.", e);
        }
    }

    private static Snapshot snapshot(Connection connection, String table) throws SQLException {
        List<Row> rows = new ArrayList<>();
        boolean interrupted = false;
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE, MD5SUM, TAG, DEPLOYMENT_ID FROM `"
                        + table + "` WHERE FILENAME LIKE ? ORDER BY DATEEXECUTED, ORDEREXECUTED")) {
            statement.setString(1, Changelog.LOGICAL_PREFIX + "%");
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    if (MARKER_FILE.equals(rs.getString(3))) {
                        interrupted = true;
                        continue;
                    }
                    Timestamp executed = rs.getTimestamp(4);
                    rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3),
                            executed == null ? Instant.EPOCH : executed.toInstant(), rs.getInt(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)));
                }
            }
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
        return new Snapshot(rows, interrupted);
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

package org.marsai.schema.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Optional;

import liquibase.Scope;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import org.marsai.schema.ChangeSetInfo;
import org.marsai.schema.ErrorCode;
import org.marsai.schema.MarsSchemaException;

/**
 * Liquibase's history table, {@code DATABASECHANGELOG}, as this library writes to it besides Liquibase:
 * the run-in-progress marker, rows forgotten or re-typed by recovery and adoption. Every write commits.
 */
final class HistoryTable {

    private HistoryTable() {
    }

    /** The history table's name, the table created the way Liquibase creates it if this database has none yet. */
    static String ensure(Session session) {
        try {
            Optional<String> table = History.tableName(session.connection);
            if (table.isPresent()) {
                return table.get();
            }
            Scope.getCurrentScope().getSingleton(ChangeLogHistoryServiceFactory.class)
                    .getChangeLogService(session.database()).init();
            commit(session.connection);
            return History.tableName(session.connection).orElseThrow();
        } catch (Exception e) {
            throw Failures.privileges(e, session, "create the history table DATABASECHANGELOG");
        }
    }

    /** Records that a run is changing the schema; {@link #clearMarker} removes it when the run ends. */
    static void mark(Connection connection, String table, String operation) {
        clearMarker(connection, table);
        execute(connection, "INSERT INTO `" + table
                + "` (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE, DESCRIPTION, COMMENTS)"
                + " VALUES (?, 'marsai-schema', ?, NOW(), 0, 'SKIPPED', ?, ?)", History.MARKER_ID, History.MARKER_FILE,
                operation.length() > 255 ? operation.substring(0, 255) : operation,
                "Written by marsai-schema while it changes the schema; left behind only by an interrupted run,"
                        + " which the next run reconciles.");
    }

    static void clearMarker(Connection connection, String table) {
        execute(connection, "DELETE FROM `" + table + "` WHERE ID = ? AND FILENAME = ?", History.MARKER_ID, History.MARKER_FILE);
    }

    /** Removes a changeset's row: its change is no longer in the database. */
    static void forget(Connection connection, String table, History.Row row) {
        execute(connection, "DELETE FROM `" + table + "` WHERE ID = ? AND AUTHOR = ? AND FILENAME = ?",
                row.id(), row.author(), row.fileName());
    }

    /** Re-records changesets as MARK_RAN: their change was already there when they were recorded. */
    static void recordAsMarkRan(Connection connection, String table, Collection<ChangeSetInfo> changeSets) {
        for (ChangeSetInfo changeSet : changeSets) {
            execute(connection, "UPDATE `" + table + "` SET EXECTYPE = 'MARK_RAN' WHERE ID = ? AND AUTHOR = ?"
                    + " AND FILENAME = ?", changeSet.id(), changeSet.author(), Changelog.logicalPath(changeSet));
        }
    }

    private static void execute(Connection connection, String sql, String... parameters) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            statement.executeUpdate();
            commit(connection);
        } catch (SQLException e) {
            throw new MarsSchemaException(ErrorCode.UNEXPECTED, "Cannot write the migration history"
                    + " (DATABASECHANGELOG): " + e.getMessage() + ". Check that the user may SELECT, INSERT, UPDATE"
                    + " and DELETE there.", e);
        }
    }

    private static void commit(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }
}

package org.marsai.schema.internal.history;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import liquibase.Scope;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import org.marsai.schema.ChangeSetInfo;
import org.marsai.schema.ErrorCode;
import org.marsai.schema.LockTimeoutException;
import org.marsai.schema.MarsSchemaException;
import org.marsai.schema.internal.jdbc.Failures;
import org.marsai.schema.internal.jdbc.Log;
import org.marsai.schema.internal.jdbc.ServerErrors;
import org.marsai.schema.internal.jdbc.Session;
import org.marsai.schema.internal.jdbc.SessionSettings;
import org.marsai.schema.internal.liquibase.Changelog;
import org.marsai.schema.internal.liquibase.LiquibaseDatabase;

/**
 * Liquibase's history table, {@code DATABASECHANGELOG}, as this library keeps it besides Liquibase: created
 * with a primary key, given one if an older tool made it without, and written to for the run-in-progress
 * marker and for rows that recovery and adoption forget or re-type. One object per session
 * ({@link #ensure(Session)}). Every write commits; every write runs under the migration lock.
 */
public final class HistoryTable {

    private final Session session;
    private final String table;

    private HistoryTable(Session session, String table) {
        this.session = session;
        this.table = table;
    }

    /**
     * The history table of the database behind {@code session}, ready to be written: the table created (with its
     * primary key, {@link HistoryTableGenerator}) if the database has none yet, or given
     * {@code PRIMARY KEY (ID, AUTHOR, FILENAME)} if it has none.
     */
    public static HistoryTable ensure(Session session) {
        Optional<String> existing = session.tables().history();
        if (existing.isPresent()) {
            addPrimaryKeyIfMissing(session, existing.get());
            return new HistoryTable(session, existing.get());
        }
        try {
            Scope.getCurrentScope().getSingleton(ChangeLogHistoryServiceFactory.class)
                    .getChangeLogService(LiquibaseDatabase.of(session)).init();
            if (!session.connection.getAutoCommit()) {
                session.connection.commit();
            }
        } catch (Exception e) {
            throw Failures.of(sqlCause(e), session.where(), "create the history table DATABASECHANGELOG");
        }
        session.refreshTables();
        return new HistoryTable(session, session.tables().history().orElseThrow(() -> new MarsSchemaException(
                ErrorCode.UNEXPECTED, "Liquibase did not create the history table DATABASECHANGELOG in "
                + session.where() + ".")));
    }

    /**
     * Servers that require a primary key (Group Replication, {@code sql_require_primary_key}) refuse every
     * write to a history table made without one; a key also stops a changeset from being recorded twice.
     * A table that has any primary key (e.g. the invisible {@code my_row_id} MySQL generates) is left alone.
     */
    private static void addPrimaryKeyIfMissing(Session session, String table) {
        if (hasPrimaryKey(session, table)) {
            return;
        }
        try {
            List<String> duplicates = new ArrayList<>();
            try (PreparedStatement statement = session.connection.prepareStatement("SELECT ID, FILENAME, COUNT(*)"
                    + " FROM `" + table + "` GROUP BY ID, AUTHOR, FILENAME HAVING COUNT(*) > 1 LIMIT 5");
                 ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    duplicates.add(rs.getString(1) + " of " + rs.getString(2) + " (" + rs.getInt(3) + " times)");
                }
            }
            if (!duplicates.isEmpty()) {
                throw new MarsSchemaException(ErrorCode.VALIDATION_FAILED, "The history table " + table + " of "
                        + session.where() + " has no primary key and records changesets more than once: "
                        + String.join(", ", duplicates) + ". Delete the extra rows of each (keep the one with the"
                        + " lowest ORDEREXECUTED), then retry: marsai-schema then gives the table PRIMARY KEY"
                        + " (ID, AUTHOR, FILENAME), which Group Replication and sql_require_primary_key need.");
            }
            try (PreparedStatement statement = session.connection.prepareStatement("ALTER TABLE `" + table
                    + "` ADD CONSTRAINT " + HistoryTableGenerator.PRIMARY_KEY + " PRIMARY KEY (ID, AUTHOR, FILENAME)")) {
                statement.execute();
            }
            Log.LOG.info("marsai-schema: gave the history table {} of {} its primary key (ID, AUTHOR, FILENAME)",
                    table, session.where());
        } catch (SQLException e) {
            throw Failures.of(e, session.where(), "give the history table " + table + " a primary key (ID, AUTHOR, FILENAME)");
        }
    }

    /** Whether the table has a primary key of any kind (ours, MySQL's invisible my_row_id, another). */
    public static boolean hasPrimaryKey(Session session, String table) {
        try (PreparedStatement statement = session.connection.prepareStatement("SELECT COUNT(*) FROM"
                + " information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?"
                + " AND INDEX_NAME = 'PRIMARY'")) {
            statement.setString(1, table);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        } catch (SQLException e) {
            throw Failures.of(e, session.where(), "read the history table's keys");
        }
    }

    /** The table's name, as this database spells it. */
    public String name() {
        return table;
    }

    /** Records that a run is changing the schema; {@link #clearMarker} removes it when the run ends. */
    public void mark(String operation) {
        clearMarker();
        String by = session.lockOwner().map(owner -> " by " + owner).orElse("");
        String comments = "marsai-schema run in progress" + by;
        execute("INSERT INTO `" + table
                + "` (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE, DESCRIPTION, COMMENTS)"
                + " VALUES (?, 'marsai-schema', ?, NOW(), 0, 'SKIPPED', ?, ?)", History.MARKER_ID, History.MARKER_FILE,
                truncate(operation), truncate(comments));
    }

    public void clearMarker() {
        execute("DELETE FROM `" + table + "` WHERE ID = ? AND FILENAME = ?", History.MARKER_ID,
                History.MARKER_FILE);
    }

    /** Removes a changeset's row: its change is no longer in the database. */
    public void forget(History.Row row) {
        execute("DELETE FROM `" + table + "` WHERE ID = ? AND AUTHOR = ? AND FILENAME = ?",
                row.id(), row.author(), row.fileName());
    }

    /** Re-records changesets as MARK_RAN: their change was already there when they were recorded. */
    public void recordAsMarkRan(Collection<ChangeSetInfo> changeSets) {
        for (ChangeSetInfo changeSet : changeSets) {
            execute("UPDATE `" + table + "` SET EXECTYPE = 'MARK_RAN' WHERE ID = ? AND AUTHOR = ?"
                    + " AND FILENAME = ?", changeSet.id(), changeSet.author(), Changelog.logicalPath(changeSet));
        }
    }

    /**
     * Moves a changeset's row, just recorded at the end, to its place in the history: just before the first
     * row of a later changeset, whose date it takes; that row and those after it move one place on.
     */
    public void placeInOrder(ChangeSetInfo changeSet, History history) {
        Changelog changelog = history.changelog();
        History.Row next = history.rows().stream()
                .filter(r -> history.indexOf(r) > changelog.indexOf(changeSet))
                .findFirst().orElseThrow();
        try (PreparedStatement shift = session.connection.prepareStatement("UPDATE `" + table + "` SET ORDEREXECUTED"
                + " = ORDEREXECUTED + 1 WHERE FILENAME LIKE ? AND ORDEREXECUTED >= ? AND NOT (ID = ? AND AUTHOR = ?"
                + " AND FILENAME = ?)");
             PreparedStatement place = session.connection.prepareStatement("UPDATE `" + table + "` SET DATEEXECUTED"
                     + " = ?, ORDEREXECUTED = ? WHERE ID = ? AND AUTHOR = ? AND FILENAME = ?")) {
            // History times are UTC (SessionSettings), whatever the JVM's zone.
            LocalDateTime date = LocalDateTime.ofInstant(next.executedAt(), ZoneOffset.UTC);
            shift.setString(1, Changelog.LOGICAL_PREFIX + "%");
            shift.setInt(2, next.orderExecuted());
            shift.setString(3, changeSet.id());
            shift.setString(4, changeSet.author());
            shift.setString(5, Changelog.logicalPath(changeSet));
            shift.executeUpdate();
            place.setObject(1, date);
            place.setInt(2, next.orderExecuted());
            place.setString(3, changeSet.id());
            place.setString(4, changeSet.author());
            place.setString(5, Changelog.logicalPath(changeSet));
            place.executeUpdate();
            if (!session.connection.getAutoCommit()) {
                session.connection.commit();
            }
        } catch (SQLException e) {
            throw Failures.of(e, session.where(), "put the recorded row of " + changeSet.id() + " in its place");
        }
    }

    /**
     * Liquibase undoes "the last N" changesets in the order of DATEEXECUTED (then ORDEREXECUTED), while the order
     * they ran is ORDEREXECUTED: a history written across a time_zone change or a DST fall-back has later rows
     * with earlier times. Before a rollback, a row whose time lies before an earlier row's takes that time, so
     * both orders agree; rows in order are left as they are.
     */
    public void alignTimesWithOrder(History history) {
        Instant latest = Instant.MIN;
        int aligned = 0;
        for (History.Row row : history.rows()) {
            if (row.executedAt().isBefore(latest)) {
                execute("UPDATE `" + table + "` SET DATEEXECUTED = ? WHERE ID = ? AND AUTHOR = ? AND FILENAME = ?",
                        LocalDateTime.ofInstant(latest, ZoneOffset.UTC).toString().replace('T', ' '),
                        row.id(), row.author(), row.fileName());
                aligned++;
            } else {
                latest = row.executedAt();
            }
        }
        if (aligned > 0) {
            Log.LOG.warn("marsai-schema: {} history row(s) of {} had times before those of changesets that ran earlier"
                    + " (a time_zone change or a DST fall-back between deployments); they now carry the earlier"
                    + " row's time, so that Liquibase undoes them in the order they ran", aligned, session.where());
        }
    }

    private static String truncate(String text) {
        return text.length() > 255 ? text.substring(0, 255) : text;
    }

    /**
     * One write, committed, in one transaction with the check that this run still holds the migration lock (a
     * lease taken over while this run was paused fences it off: it writes nothing more); a cluster's
     * certification conflict rolls it back whole, so it is tried again.
     */
    private void execute(String sql, String... parameters) {
        for (int attempt = 1; ; attempt++) {
            boolean autoCommit = true;
            try (PreparedStatement statement = session.connection.prepareStatement(sql)) {
                autoCommit = session.connection.getAutoCommit();
                if (autoCommit) {
                    session.connection.setAutoCommit(false);
                }
                if (!session.fence()) {
                    session.connection.rollback();
                    throw new LockTimeoutException("This run lost the migration lock on "
                            + session.where() + " (its lease was taken over by another run, e.g. while this one was"
                            + " paused), so it stopped before writing to the history; the run that holds it now"
                            + " completes the work. Run again after it if needed: `status` shows where it stands.");
                }
                for (int i = 0; i < parameters.length; i++) {
                    statement.setString(i + 1, parameters[i]);
                }
                statement.executeUpdate();
                session.connection.commit();
                return;
            } catch (SQLException e) {
                rollbackQuietly();
                if (attempt >= 5 || !ServerErrors.certificationConflict(e)) {
                    throw Failures.of(e, session.where(), "write to the migration history (DATABASECHANGELOG)");
                }
                try {
                    Thread.sleep(50L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw Failures.of(e, session.where(), "write to the migration history (DATABASECHANGELOG)");
                }
            } finally {
                if (autoCommit) {
                    try {
                        session.connection.setAutoCommit(true);
                    } catch (SQLException ignored) {
                        // a broken connection: the caller's failure says so
                    }
                }
            }
        }
    }

    private void rollbackQuietly() {
        try {
            session.connection.rollback();
        } catch (SQLException ignored) {
            // the connection is broken: nothing was committed
        }
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return new SQLException(Failures.rootMessage(e));
    }
}

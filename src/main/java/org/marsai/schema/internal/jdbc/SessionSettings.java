package org.marsai.schema.internal.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.marsai.schema.ErrorCode;
import org.marsai.schema.MarsSchemaException;
import org.marsai.schema.internal.lock.MetadataLocks;

/**
 * What every session of this library sets on its connection, whatever the server's or the pool's defaults,
 * and restores before the connection is closed or goes back to its pool:
 * <ul>
 *   <li>{@code time_zone = '+00:00'}: every history time is written by the server's {@code NOW()} and read
 *       back as UTC, so a server (or a DST change) in another zone than the JVM never shifts a time;</li>
 *   <li>no statement time limit ({@code max_statement_time = 0} on MariaDB, {@code max_execution_time = 0} on
 *       MySQL, where it bounds SELECTs such as {@code GET_LOCK}): our waits are bounded by the caller's
 *       lock wait, never cut short silently by a server setting;</li>
 *   <li>under the migration lock, a short {@code lock_wait_timeout} ({@link #SHORT_LOCK_WAIT_SECONDS} s), so that
 *       a DDL statement waiting for an application's transaction does not hold every query on its table
 *       behind it for long: {@link MetadataLocks} retries it within the caller's wait.</li>
 * </ul>
 */
public final class SessionSettings {

    /** How long one DDL statement of ours may wait for a table's metadata lock before it steps back. */
    public static final int SHORT_LOCK_WAIT_SECONDS = 2;

    /** The server's own schemas: never a home for MarsAI tables. */
    private static final Set<String> SYSTEM_SCHEMAS = Set.of("mysql", "information_schema", "performance_schema", "sys");

    private SessionSettings() {
    }

    /** Refuses a session on one of the server's system schemas, before anything reads or writes there. */
    static void refuseSystemSchema(String schema) {
        if (SYSTEM_SCHEMAS.contains(schema.toLowerCase(Locale.ROOT))) {
            throw new MarsSchemaException(ErrorCode.INVALID_CONFIGURATION, "Database '" + schema + "' is the"
                    + " server's own system schema: the MarsAI tables must not be built or looked for there."
                    + " Create a database of their own (CREATE DATABASE marsai CHARACTER SET utf8mb4 COLLATE"
                    + " utf8mb4_unicode_ci;) and name it in the URL (jdbc:mysql://HOST:3306/marsai) or DB_NAME.");
        }
    }

    /** UTC and no statement time limit, for the whole session; returns the statements that restore them. */
    static List<String> apply(Connection connection, boolean mariaDb) throws SQLException {
        List<String> restore = new ArrayList<>();
        change(connection, "time_zone", "'+00:00'", restore);
        change(connection, mariaDb ? "max_statement_time" : "max_execution_time", "0", restore);
        return restore;
    }

    /**
     * A short metadata lock wait, while the session holds the migration lock and changes the schema; returns the
     * statement that restores it.
     */
    public static List<String> shortLockWait(Connection connection) throws SQLException {
        List<String> restore = new ArrayList<>();
        change(connection, "lock_wait_timeout", Integer.toString(SHORT_LOCK_WAIT_SECONDS), restore);
        return restore;
    }

    /** Sets a session variable; adds the statement that gives it back its value to {@code restore}. */
    private static void change(Connection connection, String variable, String value, List<String> restore)
            throws SQLException {
        String previous;
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT @@SESSION." + variable)) {
            rs.next();
            previous = rs.getString(1);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION " + variable + " = " + value);
        }
        if (previous != null) {
            restore.add("SET SESSION " + variable + " = " + (previous.matches("-?[0-9.]+") ? previous
                    : "'" + previous.replace("'", "''") + "'"));
        }
    }
}

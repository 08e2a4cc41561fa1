package org.marsai.schema.internal.jdbc;

import java.sql.SQLException;
import java.util.Set;

/**
 * The MySQL and MariaDB error numbers this library tells apart, in one place, with the questions asked of
 * them. Numbers as the MySQL reference names them ({@code ER_…}); MariaDB uses the same ones.
 */
public final class ServerErrors {

    /** ER_DBACCESS_DENIED_ERROR: the user may not use the database. */
    public static final int DATABASE_ACCESS_DENIED = 1044;
    /** ER_ACCESS_DENIED_ERROR: wrong password, or no such user. */
    public static final int ACCESS_DENIED = 1045;
    /** ER_BAD_NULL_ERROR: NULL into a NOT NULL column. */
    public static final int NULL_INTO_NOT_NULL = 1048;
    /** ER_BAD_DB_ERROR: the database does not exist. */
    public static final int UNKNOWN_DATABASE = 1049;
    /** ER_INVALID_USE_OF_NULL: a column made NOT NULL holds NULLs. */
    public static final int INVALID_USE_OF_NULL = 1138;
    /** ER_TABLEACCESS_DENIED_ERROR. */
    public static final int TABLE_ACCESS_DENIED = 1142;
    /** ER_COLUMNACCESS_DENIED_ERROR. */
    public static final int COLUMN_ACCESS_DENIED = 1143;
    /** ER_ERROR_DURING_COMMIT: with Group Replication, a transaction rolled back at commit (engine error 149). */
    public static final int ERROR_DURING_COMMIT = 1180;
    /** ER_LOCK_WAIT_TIMEOUT: a metadata lock (or a row lock) not granted within lock_wait_timeout. */
    public static final int LOCK_WAIT_TIMEOUT = 1205;
    /** ER_LOCK_DEADLOCK; on Galera also a transaction that lost certification. */
    public static final int DEADLOCK = 1213;
    /** ER_SPECIFIC_ACCESS_DENIED_ERROR: a global privilege (SUPER, …) is missing. */
    public static final int SPECIFIC_ACCESS_DENIED = 1227;
    /** WARN_DATA_TRUNCATED: a value that does not fit, e.g. an ENUM value removed. */
    public static final int DATA_TRUNCATED = 1265;
    /** ER_OPTION_PREVENTS_STATEMENT: the server runs read-only (a replica, a secondary of a group). */
    public static final int READ_ONLY = 1290;
    /** ER_TRUNCATED_WRONG_VALUE_FOR_FIELD. */
    public static final int WRONG_VALUE_FOR_FIELD = 1366;
    /** ER_DATA_TOO_LONG. */
    public static final int DATA_TOO_LONG = 1406;
    /**
     * ER_BEFORE_DML_VALIDATION_ERROR: Group Replication refuses a write to a table without a primary key, or,
     * multi-primary, to a table with CASCADE foreign keys.
     */
    public static final int CLUSTER_RULE = 3098;
    /** ER_RUN_HOOK_ERROR: Group Replication's certification refused the transaction. */
    public static final int GROUP_REPLICATION_HOOK = 3100;
    /** ER_TRANSACTION_ROLLBACK_DURING_COMMIT: Group Replication rolled the transaction back at commit. */
    public static final int ROLLBACK_DURING_COMMIT = 3101;

    private static final Set<Integer> PRIVILEGE_MISSING = Set.of(TABLE_ACCESS_DENIED, DATABASE_ACCESS_DENIED,
            SPECIFIC_ACCESS_DENIED, COLUMN_ACCESS_DENIED);
    /**
     * A transaction a cluster rolled back because another node's won certification: Galera's deadlock,
     * Group Replication's rollback at commit. Safe to retry.
     */
    private static final Set<Integer> CERTIFICATION_CONFLICTS = Set.of(DEADLOCK, ERROR_DURING_COMMIT,
            GROUP_REPLICATION_HOOK, ROLLBACK_DURING_COMMIT);
    /** A strict server refusing to truncate or blank a value. */
    private static final Set<Integer> STRICT_REFUSALS = Set.of(DATA_TRUNCATED, WRONG_VALUE_FOR_FIELD, DATA_TOO_LONG,
            INVALID_USE_OF_NULL, NULL_INTO_NOT_NULL);

    private ServerErrors() {
    }

    public static boolean privilegeMissing(SQLException e) {
        return PRIVILEGE_MISSING.contains(e.getErrorCode());
    }

    public static boolean certificationConflict(SQLException e) {
        return CERTIFICATION_CONFLICTS.contains(e.getErrorCode());
    }

    public static boolean strictRefusal(SQLException e) {
        return STRICT_REFUSALS.contains(e.getErrorCode());
    }

    public static boolean readOnly(SQLException e) {
        return e.getErrorCode() == READ_ONLY;
    }

    /** Whether a failure, or one of its causes, is a lock wait that timed out. */
    public static boolean lockWaitTimedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == LOCK_WAIT_TIMEOUT) {
                return true;
            }
        }
        return false;
    }
}

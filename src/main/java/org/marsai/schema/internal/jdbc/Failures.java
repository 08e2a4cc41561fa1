package org.marsai.schema.internal.jdbc;

import java.io.EOFException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;

import liquibase.exception.LockException;
import liquibase.exception.ValidationFailedException;
import org.marsai.schema.ChangeSetInfo;
import org.marsai.schema.ConnectionException;
import org.marsai.schema.ErrorCode;
import org.marsai.schema.LockTimeoutException;
import org.marsai.schema.MarsSchemaException;

/** Liquibase's and the server's failures as one message that names what failed and the fix. */
public final class Failures {

    private Failures() {
    }

    /**
     * A failed statement of the library's own, as one message: a lost or silent connection, a missing
     * privilege, a cluster rule, a read-only server, or else the server's own words.
     */
    public static MarsSchemaException of(SQLException e, String where, String action) {
        if (connectionLost(e)) {
            return lost(e, where, action);
        }
        SQLException denied = privilegeError(e);
        if (denied != null) {
            return privileges(e, where, action);
        }
        if (e.getErrorCode() == ServerErrors.CLUSTER_RULE) {
            return new MarsSchemaException(ErrorCode.UNEXPECTED, "The cluster refused to " + action + " in "
                    + where + " (" + e.getMessage() + "): Group Replication accepts writes only to tables"
                    + " with a primary key, and in multi-primary mode none to tables with CASCADE foreign keys; run"
                    + " `validate` to see which rule this database breaks, and use single-primary mode.", e);
        }
        if (ServerErrors.readOnly(e)) {
            return new MarsSchemaException(ErrorCode.UNEXPECTED, where + " is read-only (" + e.getMessage()
                    + "): it is a replica or a secondary of a single-primary group; connect to the primary to "
                    + action + ".", e);
        }
        return new MarsSchemaException(ErrorCode.UNEXPECTED, "Cannot " + action + " in " + where + ": "
                + oneLine(e.getMessage()) + " (error " + e.getErrorCode() + ").", e);
    }

    /** Whether a failure comes from a connection that broke or a server that stopped answering. */
    public static boolean connectionLost(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException || t instanceof EOFException
                    || t instanceof SocketException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /** The connection broke or the server stopped answering while the library was doing {@code action}. */
    public static MarsSchemaException lost(Throwable e, String where, String action) {
        boolean silent = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            silent |= t instanceof SocketTimeoutException;
        }
        return new ConnectionException(ErrorCode.CONNECTION_FAILED, (silent
                ? where + " stopped answering" : "The connection to " + where + " was lost")
                + " during " + action + ": check that the server is up and reachable, then run again (a run cut"
                + " off halfway is completed by the next one).", e);
    }

    /** A failure of {@code action} on the session's database, named as a missing privilege where it is one. */
    static MarsSchemaException privileges(Exception e, String where, String action) {
        SQLException denied = privilegeError(e);
        if (denied != null) {
            return new MarsSchemaException(ErrorCode.INSUFFICIENT_PRIVILEGES, "The user may not " + action + " in "
                    + where + " (" + denied.getMessage() + "): grant it ALL PRIVILEGES on the database"
                    + " (it changes the schema), or run with a user that has them.", e);
        }
        return e instanceof MarsSchemaException mse ? mse
                : new MarsSchemaException(ErrorCode.UNEXPECTED, "Cannot " + action + ": " + rootMessage(e), e);
    }

    /**
     * A failed Liquibase command as one message: the changeset that failed ({@code failed}, null if none did)
     * and what was left applied or undone, or the lock, privilege or checksum problem behind it.
     */
    public static MarsSchemaException ofCommand(Exception e, ChangeSetInfo failed, ErrorCode failure) {
        if (connectionLost(e)) {
            // the runner names the operation and the server that went away
            return new MarsSchemaException(ErrorCode.CONNECTION_FAILED, oneLine(rootMessage(e)), e);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarsSchemaException mse) {
                return mse;
            }
            if (t instanceof LockException) {
                return new LockTimeoutException("The migration lock could not be taken: " + oneLine(t.getMessage())
                        + ". Another process is migrating this database; retry when it is done.");
            }
            if (t instanceof ValidationFailedException vfe && !vfe.getInvalidMD5Sums().isEmpty()) {
                return new MarsSchemaException(ErrorCode.CHECKSUM_MISMATCH, "Changesets differ from the ones this"
                        + " database ran: " + String.join(", ", vfe.getInvalidMD5Sums()) + ". Released changesets"
                        + " must not be edited: use a jar whose changelog is intact.", e);
            }
        }
        SQLException denied = privilegeError(e);
        if (denied != null) {
            String changeSet = failed == null ? "" : " (changeset " + failed.id() + " of migration "
                    + failed.migration() + ")";
            return new MarsSchemaException(ErrorCode.INSUFFICIENT_PRIVILEGES, "The user lacks a privilege"
                    + changeSet + ": " + denied.getMessage() + ". Grant it ALL PRIVILEGES on the database (it changes"
                    + " the schema), or run with a user that has them; nothing after the failure ran.", e);
        }
        String cause = oneLine(rootMessage(e));
        if (failed != null) {
            boolean rollback = failure == ErrorCode.ROLLBACK_FAILED;
            return new MarsSchemaException(failure, (rollback ? "Rolling back changeset " : "Changeset ") + failed.id()
                    + " of migration " + failed.migration() + " failed: " + cause + ". The changesets "
                    + (rollback ? "undone before it stay undone" : "applied before it stay applied")
                    + " and it is not recorded; fix the cause, then run `status` and retry.", e);
        }
        return new MarsSchemaException(failure == ErrorCode.MIGRATION_FAILED || failure == ErrorCode.ROLLBACK_FAILED
                ? failure : ErrorCode.UNEXPECTED, cause, e);
    }

    private static SQLException privilegeError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ServerErrors.privilegeMissing(sql)) {
                return sql;
            }
        }
        return null;
    }

    public static String rootMessage(Throwable e) {
        String message = e.getMessage();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }

    public static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}

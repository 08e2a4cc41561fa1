package org.marsai.schema.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import liquibase.Scope;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.command.CommandScope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.exception.LockException;
import liquibase.exception.ValidationFailedException;
import org.marsai.schema.ChangeSetInfo;
import org.marsai.schema.ErrorCode;
import org.marsai.schema.MarsSchemaException;

/**
 * Running Liquibase commands: building them, cutting the changelog at a migration or changeset, turning
 * Liquibase's failures into one message that names the changeset and the fix, and offline databases.
 */
final class Commands {

    /** The dialect of offline previews: MySQL 8 syntax, which MariaDB 10.11 runs too. */
    private static final String OFFLINE_URL = "offline:mysql?version=8.0&caseSensitive=true&outputLiquibaseSql=all";

    private static final Object OFFLINE_LOCK = new Object();

    private Commands() {
    }

    /** The changelog cut after one changeset. */
    static DatabaseChangeLog upToChangeSet(DatabaseChangeLog full, ChangeSetInfo last) {
        DatabaseChangeLog partial = new DatabaseChangeLog(full.getPhysicalFilePath());
        partial.setLogicalFilePath(full.getRawLogicalFilePath());
        partial.setChangeLogParameters(full.getChangeLogParameters());
        for (ChangeSet changeSet : full.getChangeSets()) {
            partial.addChangeSet(changeSet);
            if (Changelog.info(changeSet).equals(last)) {
                break;
            }
        }
        return partial;
    }

    static MarsSchemaException translatePrivileges(Exception e, Session session, String action) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && (sql.getErrorCode() == 1142 || sql.getErrorCode() == 1044
                    || sql.getErrorCode() == 1227 || sql.getErrorCode() == 1143)) {
                return new MarsSchemaException(ErrorCode.INSUFFICIENT_PRIVILEGES, "The user may not " + action + " in "
                        + session.where() + " (" + sql.getMessage() + "): grant it ALL PRIVILEGES on the database"
                        + " (it changes the schema), or run with a user that has them.", e);
            }
        }
        return e instanceof MarsSchemaException mse ? mse
                : new MarsSchemaException(ErrorCode.UNEXPECTED, "Cannot " + action + ": " + rootMessage(e), e);
    }

    /**
     * Runs work against an offline MySQL 8 database whose history is a fresh temporary file. Liquibase
     * registers a history service per offline database globally and may hand it to the next one; it is
     * removed afterwards, and offline work runs one at a time.
     */
    static <T> T offline(Function<Database, T> work) {
        synchronized (OFFLINE_LOCK) {
            Path history = null;
            Database offline = null;
            try {
                history = Files.createTempFile("marsai-schema-offline", ".csv");
                Files.delete(history);
                offline = DatabaseFactory.getInstance().openDatabase(OFFLINE_URL + "&changeLogFile=" + history,
                        null, null, null, Scope.getCurrentScope().getResourceAccessor());
                return work.apply(offline);
            } catch (MarsSchemaException e) {
                throw e;
            } catch (Exception e) {
                throw new MarsSchemaException(ErrorCode.UNEXPECTED, "Cannot prepare the offline preview: "
                        + e.getMessage(), e);
            } finally {
                if (offline != null) {
                    ChangeLogHistoryServiceFactory histories = Scope.getCurrentScope()
                            .getSingleton(ChangeLogHistoryServiceFactory.class);
                    histories.unregister(histories.getChangeLogService(offline));
                    try {
                        offline.close();
                    } catch (Exception ignored) {
                        // nothing is open behind an offline database
                    }
                }
                if (history != null) {
                    try {
                        Files.deleteIfExists(history);
                    } catch (IOException ignored) {
                        // a temporary file
                    }
                }
            }
        }
    }

    /** The changelog cut after the last changeset of {@code migration}. */
    static DatabaseChangeLog upTo(DatabaseChangeLog full, String migration) {
        DatabaseChangeLog partial = new DatabaseChangeLog(full.getPhysicalFilePath());
        partial.setLogicalFilePath(full.getRawLogicalFilePath());
        partial.setChangeLogParameters(full.getChangeLogParameters());
        boolean inTarget = false;
        for (ChangeSet changeSet : full.getChangeSets()) {
            boolean belongs = Changelog.migrationOf(changeSet.getFilePath()).equals(migration);
            if (inTarget && !belongs) {
                break;
            }
            inTarget |= belongs;
            partial.addChangeSet(changeSet);
        }
        return partial;
    }

    static CommandScope command(String[] name) {
        try {
            return new CommandScope(name);
        } catch (Exception e) {
            throw new MarsSchemaException(ErrorCode.UNEXPECTED, "Liquibase has no command " + String.join(" ", name)
                    + ": the Liquibase on the classpath is not 4.33.", e);
        }
    }

    static void run(CommandScope command, Listener listener, ErrorCode failure) {
        try {
            command.execute();
        } catch (Exception e) {
            throw translate(e, listener, failure);
        }
    }

    static MarsSchemaException translate(Exception e, Listener listener, ErrorCode failure) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarsSchemaException mse) {
                return mse;
            }
            if (t instanceof java.sql.SQLException sql && (sql.getErrorCode() == 1142 || sql.getErrorCode() == 1044
                    || sql.getErrorCode() == 1227 || sql.getErrorCode() == 1143)) {
                String changeSet = listener != null && listener.failed != null
                        ? " (changeset " + listener.failed.id() + " of migration " + listener.failed.migration() + ")" : "";
                return new MarsSchemaException(ErrorCode.INSUFFICIENT_PRIVILEGES, "The user lacks a privilege"
                        + changeSet + ": " + sql.getMessage() + ". Grant it ALL PRIVILEGES on the database (it changes"
                        + " the schema), or run with a user that has them; nothing after the failure ran.", e);
            }
            if (t instanceof LockException) {
                return new org.marsai.schema.LockException("The migration lock could not be taken: "
                        + oneLine(t.getMessage()) + ". Another process is migrating this database; retry when it is done.");
            }
            if (t instanceof ValidationFailedException vfe && !vfe.getInvalidMD5Sums().isEmpty()) {
                return new MarsSchemaException(ErrorCode.CHECKSUM_MISMATCH, "Changesets differ from the ones this"
                        + " database ran: " + String.join(", ", vfe.getInvalidMD5Sums()) + ". Released changesets"
                        + " must not be edited: use a jar whose changelog is intact.", e);
            }
        }
        String cause = oneLine(rootMessage(e));
        if (listener != null && listener.failed != null) {
            ChangeSetInfo failed = listener.failed;
            boolean rollback = failure == ErrorCode.ROLLBACK_FAILED;
            return new MarsSchemaException(failure, (rollback ? "Rolling back changeset " : "Changeset ") + failed.id()
                    + " of migration " + failed.migration() + " failed: " + cause + ". The changesets "
                    + (rollback ? "undone before it stay undone" : "applied before it stay applied")
                    + " and it is not recorded; fix the cause, then run `status` and retry.", e);
        }
        return new MarsSchemaException(failure == ErrorCode.MIGRATION_FAILED || failure == ErrorCode.ROLLBACK_FAILED
                ? failure : ErrorCode.UNEXPECTED, cause, e);
    }

    static String rootMessage(Throwable e) {
        String message = e.getMessage();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }

    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    /** Collects what Liquibase ran, marked, rolled back, or failed on. */
    static final class Listener extends AbstractChangeExecListener {
        final List<ChangeSetInfo> executed = new ArrayList<>();
        final List<ChangeSetInfo> markedRan = new ArrayList<>();
        final List<ChangeSetInfo> rolledBack = new ArrayList<>();
        ChangeSetInfo failed;

        @Override
        public void ran(ChangeSet changeSet, DatabaseChangeLog log, Database database, ChangeSet.ExecType execType) {
            if (execType == ChangeSet.ExecType.MARK_RAN) {
                markedRan.add(Changelog.info(changeSet));
            } else if (execType != ChangeSet.ExecType.SKIPPED) {
                executed.add(Changelog.info(changeSet));
            }
        }

        @Override
        public void rolledBack(ChangeSet changeSet, DatabaseChangeLog log, Database database) {
            rolledBack.add(Changelog.info(changeSet));
        }

        @Override
        public void runFailed(ChangeSet changeSet, DatabaseChangeLog log, Database database, Exception exception) {
            failed = Changelog.info(changeSet);
        }

        @Override
        public void rollbackFailed(ChangeSet changeSet, DatabaseChangeLog log, Database database, Exception exception) {
            failed = Changelog.info(changeSet);
        }
    }
}

package org.marsai.schema.internal.liquibase;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import liquibase.Scope;
import liquibase.UpdateSummaryEnum;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.FastCheckService;
import liquibase.command.CommandScope;
import liquibase.command.core.ChangelogSyncCommandStep;
import liquibase.command.core.RollbackCountCommandStep;
import liquibase.command.core.RollbackCountSqlCommandStep;
import liquibase.command.core.TagCommandStep;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.UpdateSqlCommandStep;
import liquibase.command.core.helpers.ChangeExecListenerCommandStep;
import liquibase.command.core.helpers.DatabaseChangelogCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import org.marsai.schema.ChangeSetInfo;
import org.marsai.schema.ErrorCode;
import org.marsai.schema.MarsSchemaException;
import org.marsai.schema.internal.jdbc.Failures;

/**
 * The Liquibase commands this library runs, typed, in one place, all on the packaged changelog
 * ({@link Changelog#ROOT}). Failures come out as one {@link MarsSchemaException} naming the changeset.
 * Every method runs inside a Liquibase scope ({@link LiquibaseScope}).
 */
public final class LiquibaseCommands {

    /** The dialect of offline previews: MySQL 8 syntax, which MariaDB 10.11 runs too. */
    private static final String OFFLINE_URL = "offline:mysql?version=8.0&caseSensitive=true&outputLiquibaseSql=all";
    private static final Object OFFLINE_LOCK = new Object();
    /** The offline database of the preview under way, if any (offline work runs one at a time). */
    private static volatile Database offlineDatabase;

    private LiquibaseCommands() {
    }

    /** Applies the pending changesets, up to and including {@code migration}'s if given. */
    public static void update(Database database, Optional<String> migration, ChangeSetListener listener) {
        // Liquibase remembers "up to date" per URL for the life of the JVM, even after a rollback here or in
        // another process: forget it, so that this update looks at the history as it is now.
        Scope.getCurrentScope().getSingleton(FastCheckService.class).clearCache();
        CommandScope command = changelogCommand(UpdateCommandStep.COMMAND_NAME, database);
        command.addArgumentValue(ChangeExecListenerCommandStep.CHANGE_EXEC_LISTENER_ARG, listener);
        command.addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY, UpdateSummaryEnum.OFF);
        migration.ifPresent(m -> command.addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_ARG,
                cutAfterMigration(database, m)));
        run(command, listener, ErrorCode.MIGRATION_FAILED);
    }

    /** Records the changesets up to and including {@code last} as applied, without running them. */
    public static void changelogSync(Database database, ChangeSetInfo last) {
        CommandScope command = changelogCommand(ChangelogSyncCommandStep.COMMAND_NAME, database);
        command.addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_ARG,
                cut(Changelog.parse(database), c -> Changelog.info(c).equals(last)));
        run(command, null, ErrorCode.UNEXPECTED);
    }

    /** Undoes the {@code count} most recently applied changesets. */
    public static void rollback(Database database, int count, ChangeSetListener listener) {
        CommandScope command = changelogCommand(RollbackCountCommandStep.COMMAND_NAME, database);
        command.addArgumentValue(RollbackCountCommandStep.COUNT_ARG, count);
        command.addArgumentValue(ChangeExecListenerCommandStep.CHANGE_EXEC_LISTENER_ARG, listener);
        run(command, listener, ErrorCode.ROLLBACK_FAILED);
    }

    /** Tags the last applied changeset. */
    public static void tag(Database database, String tag) {
        CommandScope command = command(TagCommandStep.COMMAND_NAME, database);
        command.addArgumentValue(TagCommandStep.TAG_ARG, tag);
        run(command, null, ErrorCode.UNEXPECTED);
    }

    /** The SQL an update would run, history rows included, up to and including {@code migration}'s if given. */
    public static String updateSql(Database database, Optional<String> migration) {
        CommandScope command = changelogCommand(UpdateSqlCommandStep.COMMAND_NAME, database);
        migration.ifPresent(m -> command.addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_ARG,
                cutAfterMigration(database, m)));
        return output(command);
    }

    /** The SQL undoing the {@code count} most recently applied changesets would run. */
    public static String rollbackSql(Database database, int count) {
        CommandScope command = changelogCommand(RollbackCountSqlCommandStep.COMMAND_NAME, database);
        command.addArgumentValue(RollbackCountCommandStep.COUNT_ARG, count);
        return output(command);
    }

    /**
     * Runs work against an offline MySQL 8 database whose history is a fresh temporary file. Liquibase
     * registers a history service per offline database globally and may hand it to the next one; it is
     * removed afterwards, and offline work runs one at a time.
     */
    public static <T> T offline(Function<Database, T> work) {
        synchronized (OFFLINE_LOCK) {
            Path history = null;
            Database offline = null;
            try {
                history = Files.createTempFile("marsai-schema-offline", ".csv");
                Files.delete(history);
                offline = DatabaseFactory.getInstance().openDatabase(OFFLINE_URL + "&changeLogFile=" + history,
                        null, null, null, Scope.getCurrentScope().getResourceAccessor());
                offlineDatabase = offline;
                return work.apply(offline);
            } catch (MarsSchemaException e) {
                throw e;
            } catch (Exception e) {
                throw new MarsSchemaException(ErrorCode.UNEXPECTED, "Cannot prepare the offline preview: "
                        + e.getMessage(), e);
            } finally {
                offlineDatabase = null;
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

    /** Whether {@code database} is the offline database of a preview of this library's. */
    public static boolean isOffline(Database database) {
        return database != null && database == offlineDatabase;
    }

    private static CommandScope command(String[] name, Database database) {
        CommandScope command;
        try {
            command = new CommandScope(name);
        } catch (Exception e) {
            throw new MarsSchemaException(ErrorCode.UNEXPECTED, "Liquibase has no command " + String.join(" ", name)
                    + ": the Liquibase on the classpath is not the " + BuildInfo.LIQUIBASE_VERSION
                    + " this library needs.", e);
        }
        command.addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database);
        return command;
    }

    /** A command on the packaged changelog. */
    private static CommandScope changelogCommand(String[] name, Database database) {
        CommandScope command = command(name, database);
        command.addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_FILE_ARG, Changelog.ROOT);
        return command;
    }

    private static void run(CommandScope command, ChangeSetListener listener, ErrorCode failure) {
        try {
            command.execute();
        } catch (Exception e) {
            throw Failures.ofCommand(e, listener == null ? null : listener.failed, failure);
        }
    }

    private static String output(CommandScope command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        command.setOutput(out);
        run(command, null, ErrorCode.UNEXPECTED);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static DatabaseChangeLog cutAfterMigration(Database database, String migration) {
        DatabaseChangeLog full = Changelog.parse(database);
        ChangeSet last = full.getChangeSets().stream()
                .filter(c -> Changelog.migrationOf(c.getFilePath()).equals(migration))
                .reduce((first, second) -> second).orElseThrow();
        return cut(full, c -> c == last);
    }

    /** The changelog cut after the first changeset that matches {@code last}. */
    private static DatabaseChangeLog cut(DatabaseChangeLog full, Predicate<ChangeSet> last) {
        DatabaseChangeLog partial = new DatabaseChangeLog(full.getPhysicalFilePath());
        partial.setLogicalFilePath(full.getRawLogicalFilePath());
        partial.setChangeLogParameters(full.getChangeLogParameters());
        for (ChangeSet changeSet : full.getChangeSets()) {
            partial.addChangeSet(changeSet);
            if (last.test(changeSet)) {
                break;
            }
        }
        return partial;
    }
}

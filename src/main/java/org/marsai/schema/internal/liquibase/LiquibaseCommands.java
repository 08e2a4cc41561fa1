package org.marsai.schema.internal.liquibase;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import liquibase.Scope;
import liquibase.UpdateSummaryEnum;
import liquibase.change.Change;
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
import liquibase.exception.ValidationErrors;
import org.marsai.schema.ChangeSetInfo;
import org.marsai.schema.ErrorCode;
import org.marsai.schema.MarsSchemaException;
import org.marsai.schema.ValidationResult.Problem;
import org.marsai.schema.internal.jdbc.Failures;
import org.marsai.schema.internal.jdbc.Session;

/**
 * The Liquibase commands this library runs, typed, in one place, all on the packaged changelog
 * ({@link Changelog#ROOT}), against one database: a session's ({@link #on(Session)}) or an offline one
 * ({@link #offline(Function)}). Remembers which changesets its update and rollbacks ran, recorded as already
 * present, undid or failed on. Failures come out as one {@link MarsSchemaException} naming the changeset.
 * Every method runs inside a Liquibase scope ({@link LiquibaseScope}).
 */
public final class LiquibaseCommands {

    /** The dialect of offline previews: MySQL 8 syntax, which MariaDB 10.11 runs too. */
    private static final String OFFLINE_URL = "offline:mysql?version=8.0&caseSensitive=true&outputLiquibaseSql=all";
    private static final Object OFFLINE_LOCK = new Object();
    /** The offline database of the preview under way, if any (offline work runs one at a time). */
    private static volatile Database offlineDatabase;

    /** The session's (made when first needed: Liquibase then reads the server) or the offline one. */
    private final Supplier<Database> database;
    private final ChangeSetListener listener;

    private LiquibaseCommands(Supplier<Database> database, ChangeSetListener listener) {
        this.database = database;
        this.listener = listener;
    }

    /** The commands against the database behind {@code session}. */
    public static LiquibaseCommands on(Session session) {
        return new LiquibaseCommands(() -> LiquibaseDatabase.of(session), new ChangeSetListener(session));
    }

    /** Liquibase's view of the database, for the changelog's own checks against its dialect. */
    public Database database() {
        return database.get();
    }

    /** The changesets the updates so far ran. */
    public List<ChangeSetInfo> executed() {
        return listener.executed;
    }

    /** The changesets the updates so far recorded as already present. */
    public List<ChangeSetInfo> markedRan() {
        return listener.markedRan;
    }

    /** The changesets the rollbacks so far undid, in the order they were undone. */
    public List<ChangeSetInfo> rolledBack() {
        return listener.rolledBack;
    }

    /** The changeset the last failed update or rollback stopped at, or {@code null}. */
    public ChangeSetInfo failed() {
        return listener.failed;
    }

    /** Applies the pending changesets, up to and including {@code migration}'s if given. */
    public void update(Optional<String> migration) {
        // Liquibase remembers "up to date" per URL for the life of the JVM, even after a rollback here or in
        // another process: forget it, so that this update looks at the history as it is now.
        Scope.getCurrentScope().getSingleton(FastCheckService.class).clearCache();
        CommandScope command = changelogCommand(UpdateCommandStep.COMMAND_NAME, database());
        command.addArgumentValue(ChangeExecListenerCommandStep.CHANGE_EXEC_LISTENER_ARG, listener);
        command.addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY, UpdateSummaryEnum.OFF);
        migration.ifPresent(m -> command.addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_ARG,
                cutAfterMigration(database(), m)));
        run(command, listener, ErrorCode.MIGRATION_FAILED);
    }

    /** Records the changesets up to and including {@code last} as applied, without running them. */
    public void changelogSync(ChangeSetInfo last) {
        CommandScope command = changelogCommand(ChangelogSyncCommandStep.COMMAND_NAME, database());
        command.addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_ARG,
                cut(Changelog.parse(database()), c -> Changelog.info(c).equals(last)));
        run(command, null, ErrorCode.UNEXPECTED);
    }

    /** Undoes the {@code count} most recently applied changesets. */
    public void rollback(int count) {
        CommandScope command = changelogCommand(RollbackCountCommandStep.COMMAND_NAME, database());
        command.addArgumentValue(RollbackCountCommandStep.COUNT_ARG, count);
        command.addArgumentValue(ChangeExecListenerCommandStep.CHANGE_EXEC_LISTENER_ARG, listener);
        run(command, listener, ErrorCode.ROLLBACK_FAILED);
    }

    /** Tags the last applied changeset. */
    public void tag(String tag) {
        CommandScope command = command(TagCommandStep.COMMAND_NAME, database());
        command.addArgumentValue(TagCommandStep.TAG_ARG, tag);
        run(command, null, ErrorCode.UNEXPECTED);
    }

    /** The SQL an update would run, history rows included, up to and including {@code migration}'s if given. */
    public String updateSql(Optional<String> migration) {
        CommandScope command = changelogCommand(UpdateSqlCommandStep.COMMAND_NAME, database());
        migration.ifPresent(m -> command.addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_ARG,
                cutAfterMigration(database(), m)));
        return output(command);
    }

    /** The SQL undoing the {@code count} most recently applied changesets would run. */
    public String rollbackSql(int count) {
        CommandScope command = changelogCommand(RollbackCountSqlCommandStep.COMMAND_NAME, database());
        command.addArgumentValue(RollbackCountCommandStep.COUNT_ARG, count);
        return output(command);
    }

    /** The changelog's own checks of every change and rollback, against the database's dialect; reads nothing. */
    public List<Problem> changelogProblems() {
        List<Problem> problems = new ArrayList<>();
        for (ChangeSet changeSet : Changelog.parse(database()).getChangeSets()) {
            List<Change> changes = new ArrayList<>(changeSet.getChanges());
            changes.addAll(changeSet.getRollback().getChanges());
            for (Change change : changes) {
                ValidationErrors errors = change.validate(database());
                if (errors.hasErrors()) {
                    problems.add(new Problem(ErrorCode.VALIDATION_FAILED, "Changeset " + changeSet.getId()
                            + ": " + String.join("; ", errors.getErrorMessages())));
                }
            }
        }
        return problems;
    }

    /**
     * Runs work against an offline MySQL 8 database whose history is a fresh temporary file. Liquibase
     * registers a history service per offline database globally and may hand it to the next one; it is
     * removed afterwards, and offline work runs one at a time.
     */
    public static <T> T offline(Function<LiquibaseCommands, T> work) {
        synchronized (OFFLINE_LOCK) {
            Path history = null;
            Database offline = null;
            try {
                history = Files.createTempFile("marsai-schema-offline", ".csv");
                Files.delete(history);
                offline = DatabaseFactory.getInstance().openDatabase(OFFLINE_URL + "&changeLogFile=" + history,
                        null, null, null, Scope.getCurrentScope().getResourceAccessor());
                offlineDatabase = offline;
                Database database = offline;
                return work.apply(new LiquibaseCommands(() -> database, null));
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

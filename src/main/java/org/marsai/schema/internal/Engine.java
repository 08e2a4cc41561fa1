package org.marsai.schema.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import liquibase.Scope;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.FastCheckService;
import liquibase.command.CommandScope;
import liquibase.command.core.ChangelogSyncCommandStep;
import liquibase.command.core.RollbackCountCommandStep;
import liquibase.command.core.RollbackCountSqlCommandStep;
import liquibase.command.core.TagCommandStep;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.UpdateSqlCommandStep;
import liquibase.command.core.ValidateCommandStep;
import liquibase.command.core.helpers.ChangeExecListenerCommandStep;
import liquibase.command.core.helpers.DatabaseChangelogCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.UpdateSummaryEnum;
import org.marsai.schema.ChangeSetInfo;
import org.marsai.schema.ErrorCode;
import org.marsai.schema.HandoverPlan;
import org.marsai.schema.HistoryEntry;
import org.marsai.schema.MarsSchemaException;
import org.marsai.schema.MigrationState;
import org.marsai.schema.DataLoss;
import org.marsai.schema.RollbackRefusedException;
import org.marsai.schema.RollbackResult;
import org.marsai.schema.ExecType;
import org.marsai.schema.SchemaDiff;
import org.marsai.schema.StatusResult;
import org.marsai.schema.UpdateResult;
import org.marsai.schema.ValidationResult;
import org.marsai.schema.ValidationResult.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every operation of the facade, on top of Liquibase's command API. */
public final class Engine {

    private static final Logger LOG = LoggerFactory.getLogger("org.marsai.schema");
    private final Settings settings;
    private final Changelog changelog;

    public Engine(Settings settings) {
        this(settings.validate(), Changelog.load());
    }

    private Engine(Settings settings, Changelog changelog) {
        this.settings = settings;
        this.changelog = changelog;
    }

    /** The same engine, except that rollbacks may destroy data. */
    public Engine withDataLossAllowed() {
        return new Engine(settings.withDataLossAllowed(), changelog);
    }

    public Changelog changelog() {
        return changelog;
    }

    // ---------------------------------------------------------------- update

    /** Applies every pending changeset, or those up to and including the migration {@code target}. */
    public UpdateResult update(Optional<String> target) {
        Optional<String> migration = target.map(changelog::resolve);
        if (upToDate(migration)) {
            return new UpdateResult(List.of(), List.of(), List.of());
        }
        return locked("update" + migration.map(m -> " to " + m).orElse(""), session -> {
            recoverIfInterrupted(session);
            Optional<String> sequelizeMeta = Sequelize.table(session.connection);
            List<History.Row> rows = History.read(session.connection);
            boolean handover = sequelizeMeta.isPresent() && rows.isEmpty();
            guard(rows);
            if (!handover && upTo(status(rows).pending(), migration).isEmpty()) {
                sequelizeMeta.ifPresent(table -> syncSequelizeMeta(session, table));
                return new UpdateResult(List.of(), List.of(), List.of());
            }
            if (handover) {
                refuseUnlessPossible(plan(session, sequelizeMeta.get()));
            }
            String historyTable = historyTable(session);
            History.mark(session.connection, historyTable, "update");
            List<ChangeSetInfo> handedOver = handover ? handOver(session, sequelizeMeta.get()) : List.of();
            // Liquibase remembers "up to date" per URL for the life of the JVM, even after a rollback here or
            // in another process: forget it, so that this update looks at the history as it is now.
            Scope.getCurrentScope().getSingleton(FastCheckService.class).clearCache();
            Commands.Listener listener = new Commands.Listener();
            try {
                CommandScope command = Commands.command(UpdateCommandStep.COMMAND_NAME);
                command.addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, session.database());
                command.addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, Changelog.ROOT);
                command.addArgumentValue(ChangeExecListenerCommandStep.CHANGE_EXEC_LISTENER_ARG, listener);
                command.addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY, UpdateSummaryEnum.OFF);
                if (migration.isPresent()) {
                    command.addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_ARG,
                            Commands.upTo(Changelog.parse(session.database()), migration.get()));
                }
                Commands.run(command, listener, ErrorCode.MIGRATION_FAILED);
            } catch (MarsSchemaException e) {
                throw withDrift(session, e);
            } finally {
                sequelizeMeta.ifPresent(table -> syncSequelizeMeta(session, table));
            }
            History.clearMarker(session.connection, historyTable);
            UpdateResult result = new UpdateResult(listener.executed, listener.markedRan, handedOver);
            LOG.info("marsai-schema: update of {} done: {} changeset(s) executed, {} recorded as already present,"
                    + " {} taken over from SequelizeMeta", session.where(), result.executed().size(),
                    result.markedRan().size(), handedOver.size());
            return result;
        });
    }

    /**
     * The common case at every start of an application: nothing to do. Answered with one query and no
     * lock, without starting Liquibase; anything else (an empty history, an interrupted run, something
     * pending) goes the full way, under the lock.
     */
    private boolean upToDate(Optional<String> migration) {
        return plain(session -> {
            History.Snapshot history = History.snapshot(session.connection);
            if (history.interrupted() || history.rows().isEmpty()) {
                return false;
            }
            guard(history.rows());
            return upTo(status(history.rows()).pending(), migration).isEmpty();
        });
    }

    /** A failed changeset's message, with how the schema differs from what the history implies, if it does. */
    private MarsSchemaException withDrift(Session session, MarsSchemaException failure) {
        if (failure.code() != ErrorCode.MIGRATION_FAILED) {
            return failure;
        }
        try {
            List<org.marsai.schema.Difference> differences = SchemaComparator.compare(
                    changelog.expectedSchema(appliedChangeSets(History.read(session.connection))), liveSchema(session));
            if (differences.isEmpty()) {
                return failure;
            }
            return new MarsSchemaException(failure.code(), failure.getMessage() + " The schema also differs from what"
                    + " the applied changesets imply (" + String.join("; ", differences.stream().limit(5)
                    .map(org.marsai.schema.Difference::message).toList()) + (differences.size() > 5 ? "; …" : "")
                    + "): see `diff`, bring those objects in line, and run update again.", failure.getCause());
        } catch (RuntimeException e) {
            return failure;
        }
    }

    // ---------------------------------------------------------------- recovery from interrupted runs

    /** The history table, created the way Liquibase creates it if this database has none yet. */
    private static String historyTable(Session session) {
        try {
            Optional<String> table = History.tableName(session.connection);
            if (table.isPresent()) {
                return table.get();
            }
            Scope.getCurrentScope().getSingleton(ChangeLogHistoryServiceFactory.class)
                    .getChangeLogService(session.database()).init();
            if (!session.connection.getAutoCommit()) {
                session.connection.commit();
            }
            return History.tableName(session.connection).orElseThrow();
        } catch (Exception e) {
            throw Commands.translatePrivileges(e, session, "create the history table DATABASECHANGELOG");
        }
    }

    /**
     * A run that was killed (process, connection or server) leaves its marker in the history. MySQL commits
     * each DDL statement by itself, so the schema is then either as recorded, or one changeset ahead of the
     * history (its DDL ran, its row was not written) or one behind (a rollback's DDL ran, its row was not
     * removed), or several ahead for an interrupted handover. Bring the history in line with the schema;
     * if the schema matches none of these, leave it to the run to report the changeset that fails.
     */
    private void recoverIfInterrupted(Session session) {
        if (!History.interrupted(session.connection)) {
            return;
        }
        String table = historyTable(session);
        List<History.Row> rows = History.read(session.connection);
        List<History.Row> known = known(rows);
        SchemaModel live = liveSchema(session);
        List<ChangeSetInfo> applied = appliedChangeSets(known);
        String outcome;
        if (matches(live, changelog.expectedSchema(applied))) {
            outcome = "the schema matches the history";
        } else {
            outcome = recoverBackward(session, known, live).or(() -> recoverForward(session, rows, applied, live))
                    .orElse("the schema matches no state next to the history; the run goes on and reports what fails");
        }
        History.clearMarker(session.connection, table);
        LOG.warn("marsai-schema: a previous run on {} was interrupted: {}", session.where(), outcome);
    }

    private Optional<String> recoverBackward(Session session, List<History.Row> known, SchemaModel live) {
        for (int undone = 1; undone <= Math.min(3, known.size()); undone++) {
            List<History.Row> kept = known.subList(0, known.size() - undone);
            if (matches(live, changelog.expectedSchema(appliedChangeSets(kept)))) {
                List<History.Row> gone = known.subList(known.size() - undone, known.size());
                gone.forEach(row -> History.forget(session.connection, row));
                return Optional.of("the rollback of " + gone.stream().map(History.Row::id).toList()
                        + " had run; their history rows were removed");
            }
        }
        return Optional.empty();
    }

    private Optional<String> recoverForward(Session session, List<History.Row> rows, List<ChangeSetInfo> applied,
                                            SchemaModel live) {
        List<ChangeSetInfo> pending = status(rows).pending();
        SchemaModel model = changelog.expectedSchema(applied);
        for (int done = 1; done <= pending.size(); done++) {
            try {
                model = changelog.after(model, pending.get(done - 1));
            } catch (MarsSchemaException e) {
                return Optional.empty();
            }
            if (matches(live, model)) {
                List<ChangeSetInfo> ran = pending.subList(0, done);
                CommandScope sync = Commands.command(ChangelogSyncCommandStep.COMMAND_NAME);
                sync.addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, session.database());
                sync.addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_FILE_ARG, Changelog.ROOT);
                sync.addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_ARG,
                        Commands.upToChangeSet(Changelog.parse(session.database()), ran.get(ran.size() - 1)));
                Commands.run(sync, null, ErrorCode.UNEXPECTED);
                markConditionalDropAsNotRun(session, ran);
                return Optional.of(ran.size() + " changeset(s) had run without being recorded, up to "
                        + ran.get(ran.size() - 1).id() + "; they were recorded");
            }
        }
        return Optional.empty();
    }

    private static boolean matches(SchemaModel live, SchemaModel expected) {
        return SchemaComparator.compare(expected, live).isEmpty();
    }

    // ---------------------------------------------------------------- handover from sequelize-cli

    /** What taking over this database from sequelize-cli would do; changes nothing. */
    public HandoverPlan handoverPlan() {
        return readOnly(session -> {
            Optional<String> table = Sequelize.table(session.connection);
            if (table.isEmpty()) {
                return refusedPlan("This database has no SequelizeMeta table: the original tool never migrated it,"
                        + " so there is nothing to take over; run update.");
            }
            if (!History.read(session.connection).isEmpty()) {
                return refusedPlan("This database already has a marsai-schema history: it was taken over already;"
                        + " run update.");
            }
            return plan(session, table.get());
        });
    }

    /** Takes over this database from sequelize-cli (records its migrations, runs no DDL), and nothing more. */
    public HandoverPlan handover() {
        return locked("handover from sequelize-cli", session -> {
            recoverIfInterrupted(session);
            Optional<String> table = Sequelize.table(session.connection);
            if (table.isEmpty() || !History.read(session.connection).isEmpty()) {
                HandoverPlan plan = table.isEmpty() ? refusedPlan("This database has no SequelizeMeta table: there is"
                        + " nothing to take over; run update.") : refusedPlan("This database already has a marsai-schema"
                        + " history: it was taken over already; run update.");
                throw new MarsSchemaException(ErrorCode.HANDOVER_REFUSED, plan.problems().get(0));
            }
            HandoverPlan plan = plan(session, table.get());
            refuseUnlessPossible(plan);
            String historyTable = historyTable(session);
            History.mark(session.connection, historyTable, "handover");
            handOver(session, table.get());
            History.clearMarker(session.connection, historyTable);
            return plan;
        });
    }

    private HandoverPlan refusedPlan(String problem) {
        return new HandoverPlan(List.of(), List.of(), changelog.changeSets(), List.of(), List.of(problem));
    }

    /**
     * Checks that SequelizeMeta lists a prefix of our migrations and that the schema is exactly what those
     * imply; then records their changesets as applied without running them. Refuses, changing nothing,
     * otherwise.
     */
    private static void refuseUnlessPossible(HandoverPlan plan) {
        if (!plan.canHandOver()) {
            String differences = plan.differences().isEmpty() ? "" : " Differences: " + String.join("; ",
                    plan.differences().stream().map(org.marsai.schema.Difference::message).toList()) + ".";
            throw new MarsSchemaException(ErrorCode.HANDOVER_REFUSED, "Cannot take over this database from"
                    + " sequelize-cli, nothing was changed: " + String.join(" ", plan.problems()) + differences);
        }
    }

    private List<ChangeSetInfo> handOver(Session session, String table) {
        HandoverPlan plan = plan(session, table);
        refuseUnlessPossible(plan);
        if (!plan.changeSetsToRecord().isEmpty()) {
            String last = plan.sequelizeMigrations().get(plan.sequelizeMigrations().size() - 1);
            CommandScope sync = Commands.command(ChangelogSyncCommandStep.COMMAND_NAME);
            sync.addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, session.database());
            sync.addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_FILE_ARG, Changelog.ROOT);
            sync.addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_ARG, Commands.upTo(Changelog.parse(session.database()), last));
            Commands.run(sync, null, ErrorCode.UNEXPECTED);
            markConditionalDropAsNotRun(session, plan.changeSetsToRecord());
        }
        LOG.info("marsai-schema: took over {} from sequelize-cli: {} migration(s), {} changeset(s) recorded without"
                + " running", session.where(), plan.sequelizeMigrations().size(), plan.changeSetsToRecord().size());
        return plan.changeSetsToRecord();
    }

    /**
     * Migration 15 drops votes.id_film only where it exists, and it never does on a database built as
     * specified: recorded as MARK_RAN, its rollback adds nothing back.
     */
    private static void markConditionalDropAsNotRun(Session session, List<ChangeSetInfo> recorded) {
        String id = "20260212103000-drop-id-film-from-votes";
        if (recorded.stream().noneMatch(c -> c.id().equals(id))) {
            return;
        }
        try {
            String table = History.tableName(session.connection).orElseThrow();
            try (java.sql.PreparedStatement update = session.connection.prepareStatement("UPDATE `" + table
                    + "` SET EXECTYPE = 'MARK_RAN' WHERE ID = ? AND AUTHOR = ? AND FILENAME = ?")) {
                update.setString(1, id);
                update.setString(2, Changelog.AUTHOR);
                update.setString(3, Changelog.LOGICAL_PREFIX + id + ".yaml");
                update.executeUpdate();
            }
            if (!session.connection.getAutoCommit()) {
                session.connection.commit();
            }
        } catch (java.sql.SQLException e) {
            throw new MarsSchemaException(ErrorCode.UNEXPECTED, "Cannot record migration 15 as not run: " + e.getMessage(), e);
        }
    }

    private HandoverPlan plan(Session session, String table) {
        List<String> recorded = Sequelize.names(session.connection, table).stream().map(Sequelize::migration).toList();
        List<String> ours = changelog.migrations();
        List<String> problems = new ArrayList<>();
        List<String> unknown = recorded.stream().filter(m -> !ours.contains(m)).toList();
        if (!unknown.isEmpty()) {
            problems.add("SequelizeMeta lists " + String.join(", ", unknown) + ", which this version does not know (a"
                    + " migration the Node project added after these " + ours.size() + "?): add it to the changelog in a"
                    + " new version first, or keep using sequelize-cli for now.");
        }
        List<String> known = recorded.stream().filter(ours::contains).toList();
        if (unknown.isEmpty() && !known.equals(ours.subList(0, known.size()))) {
            String missing = ours.stream().filter(m -> !known.contains(m)).findFirst().orElseThrow();
            problems.add("SequelizeMeta lists " + known.get(known.size() - 1) + " but not " + missing
                    + ", which comes before it: the original migrations ran out of order or one was undone by hand;"
                    + " apply or undo it with sequelize-cli so that the list has no gap, then retry.");
        }
        List<ChangeSetInfo> toRecord = new ArrayList<>();
        List<org.marsai.schema.Difference> differences = List.of();
        if (problems.isEmpty()) {
            known.forEach(m -> toRecord.addAll(changelog.changeSetsOf(m)));
            differences = SchemaComparator.compare(changelog.expectedSchema(toRecord), liveSchema(session));
            if (!differences.isEmpty()) {
                problems.add("the schema differs from what the " + known.size() + " migration(s) SequelizeMeta lists"
                        + " imply, so that list cannot be trusted; bring the schema in line (see `diff`) and retry.");
            }
        }
        List<ChangeSetInfo> remaining = changelog.changeSets().stream().filter(c -> !toRecord.contains(c)).toList();
        return new HandoverPlan(recorded, problems.isEmpty() ? toRecord : List.of(), remaining, differences, problems);
    }

    private void syncSequelizeMeta(Session session, String table) {
        Set<String> applied = new HashSet<>();
        status(History.read(session.connection)).migrations().stream().filter(MigrationState::isApplied)
                .forEach(m -> applied.add(m.name()));
        Sequelize.sync(session.connection, table, changelog.migrations(), applied);
    }

    // ---------------------------------------------------------------- status and history

    public StatusResult status() {
        return plain(session -> status(History.read(session.connection)));
    }

    public List<HistoryEntry> history() {
        return plain(session -> History.read(session.connection).stream().map(History.Row::toEntry).toList());
    }

    private StatusResult status(List<History.Row> rows) {
        List<HistoryEntry> applied = new ArrayList<>();
        List<HistoryEntry> unknown = new ArrayList<>();
        Set<ChangeSetInfo> appliedSet = new HashSet<>();
        for (History.Row row : rows) {
            Optional<ChangeSetInfo> known = changelog.find(row.fileName(), row.author(), row.id());
            if (known.isPresent()) {
                appliedSet.add(known.get());
                applied.add(row.toEntry());
            } else {
                unknown.add(row.toEntry());
            }
        }
        List<ChangeSetInfo> pending = changelog.changeSets().stream().filter(c -> !appliedSet.contains(c)).toList();
        List<MigrationState> migrations = new ArrayList<>();
        for (String name : changelog.migrations()) {
            List<ChangeSetInfo> changeSets = changelog.changeSetsOf(name);
            long done = changeSets.stream().filter(appliedSet::contains).count();
            MigrationState.State state = done == changeSets.size() ? MigrationState.State.APPLIED
                    : done == 0 ? MigrationState.State.PENDING : MigrationState.State.PARTIALLY_APPLIED;
            migrations.add(new MigrationState(name, state));
        }
        return new StatusResult(migrations, applied, pending, unknown);
    }

    // ---------------------------------------------------------------- diff

    /** The live schema against the changelog at the changesets this database has applied. */
    public SchemaDiff diff() {
        return readOnly(session -> {
            List<History.Row> rows = History.read(session.connection);
            requireKnown(rows);
            List<ChangeSetInfo> applied = appliedChangeSets(rows);
            SchemaModel expected = changelog.expectedSchema(applied);
            return new SchemaDiff(session.where(), describe(applied),
                    SchemaComparator.compare(expected, liveSchema(session)));
        });
    }

    /** The live schema against another database's. */
    public SchemaDiff diffAgainst(Engine reference) {
        record Side(String where, SchemaModel schema) {
        }
        Side expected = reference.readOnly(session -> new Side(session.where(), liveSchema(session)));
        return readOnly(session -> new SchemaDiff(session.where(), "the database " + expected.where(),
                SchemaComparator.compare(expected.schema(), liveSchema(session))));
    }

    private String describe(List<ChangeSetInfo> applied) {
        if (applied.isEmpty()) {
            return "the changelog with nothing applied (no MarsAI table)";
        }
        return "the changelog at its " + applied.size() + " applied changeset(s), up to "
                + applied.get(applied.size() - 1).migration();
    }

    private List<ChangeSetInfo> appliedChangeSets(List<History.Row> rows) {
        return rows.stream().map(r -> changelog.find(r.fileName(), r.author(), r.id())).flatMap(Optional::stream)
                .sorted(java.util.Comparator.comparingInt(changelog::indexOf)).toList();
    }

    static SchemaModel liveSchema(Session session) {
        try {
            return SchemaReader.read(session.connection, session.schema);
        } catch (java.sql.SQLException e) {
            throw new MarsSchemaException(ErrorCode.INSUFFICIENT_PRIVILEGES, "Cannot read the schema of "
                    + session.where() + " from information_schema: " + e.getMessage()
                    + ". The user needs SELECT on the database.", e);
        }
    }

    private void requireKnown(List<History.Row> rows) {
        List<Problem> problems = problems(rows).stream()
                .filter(p -> p.code() == ErrorCode.DATABASE_NEWER_THAN_LIBRARY).toList();
        if (!problems.isEmpty()) {
            new ValidationResult(problems).orThrow();
        }
    }

    // ---------------------------------------------------------------- rollback

    /** Undoes the last {@code count} applied migrations. */
    public RollbackResult rollbackMigrations(int count) {
        requirePositive(count);
        return rollback("rollback of the last " + count + " migration(s)", rows -> lastMigrations(rows, count));
    }

    /** Undoes every migration after {@code migration}, which stays applied. */
    public RollbackResult rollbackTo(String migration) {
        String name = changelog.resolve(migration);
        return rollback("rollback to " + name, rows -> after(rows, name));
    }

    /** Undoes every applied migration. */
    public RollbackResult rollbackAll() {
        return rollback("rollback of all migrations", this::known);
    }

    public RollbackResult rollbackToTag(String tag) {
        requireText(tag, "tag");
        return rollback("rollback to tag " + tag, rows -> afterTag(rows, tag));
    }

    public RollbackResult rollbackToDate(Instant instant) {
        if (instant == null) {
            throw new MarsSchemaException(ErrorCode.INVALID_CONFIGURATION, "A rollback date is required.");
        }
        return rollback("rollback to " + instant, rows -> rows.stream()
                .filter(r -> r.executedAt().isAfter(instant)).toList());
    }

    /**
     * Every rollback: plan which recorded changesets to undo (the most recent ones), check what that
     * would destroy, then let Liquibase undo them, all under the migration lock.
     */
    private RollbackResult rollback(String operation, Function<List<History.Row>, List<History.Row>> plan) {
        return locked(operation, !settings.allowDataLoss(), session -> {
            recoverIfInterrupted(session);
            List<History.Row> rows = History.read(session.connection);
            guard(rows);
            List<History.Row> undo = plan.apply(rows);
            if (undo.isEmpty()) {
                return new RollbackResult(List.of());
            }
            requireTail(rows, undo);
            List<DataLoss> atRisk = rollbackLosses(session, rows, undo).stream()
                    .filter(loss -> loss.affectedRows() > 0).toList();
            if (!atRisk.isEmpty() && !settings.allowDataLoss()) {
                throw new RollbackRefusedException(atRisk);
            }
            String historyTable = historyTable(session);
            History.mark(session.connection, historyTable, operation);
            Commands.Listener listener = new Commands.Listener();
            CommandScope command = Commands.command(RollbackCountCommandStep.COMMAND_NAME);
            command.addArgumentValue(RollbackCountCommandStep.COUNT_ARG, undo.size());
            command.addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, session.database());
            command.addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_FILE_ARG, Changelog.ROOT);
            command.addArgumentValue(ChangeExecListenerCommandStep.CHANGE_EXEC_LISTENER_ARG, listener);
            try {
                Commands.run(command, listener, ErrorCode.ROLLBACK_FAILED);
            } finally {
                Sequelize.table(session.connection).ifPresent(table -> syncSequelizeMeta(session, table));
            }
            History.clearMarker(session.connection, historyTable);
            LOG.info("marsai-schema: rollback of {} done: {} changeset(s) undone{}", session.where(),
                    listener.rolledBack.size(), atRisk.isEmpty() ? "" : ", data loss allowed: " + atRisk);
            return new RollbackResult(listener.rolledBack);
        });
    }

    /**
     * What undoing these changesets would destroy, counted in the live database. A changeset recorded as
     * MARK_RAN found its change already there, and its rollback leaves that in place: it destroys nothing.
     */
    private List<DataLoss> rollbackLosses(Session session, List<History.Row> rows, List<History.Row> undo) {
        List<LossAnalysis.Loss> losses = new ArrayList<>();
        undoSteps(rows, undo).forEach(step -> losses.addAll(step.losses()));
        return LossAnalysis.count(session.connection, liveSchema(session), losses);
    }

    /** One changeset to undo, newest first, and what undoing it destroys according to the changelog. */
    private record UndoStep(ChangeSetInfo changeSet, ExecType execType, List<LossAnalysis.Loss> losses) {
    }

    private List<UndoStep> undoSteps(List<History.Row> rows, List<History.Row> undo) {
        java.util.Set<ChangeSetInfo> current = new java.util.LinkedHashSet<>(appliedChangeSets(rows));
        Map<String, String> liveNames = new java.util.HashMap<>();
        List<UndoStep> steps = new ArrayList<>();
        for (int i = undo.size() - 1; i >= 0; i--) {
            History.Row row = undo.get(i);
            ChangeSetInfo changeSet = changelog.find(row.fileName(), row.author(), row.id()).orElseThrow();
            ExecType execType = History.parseExecType(row.execType());
            SchemaModel before = changelog.expectedSchema(current);
            current.remove(changeSet);
            SchemaModel after = changelog.expectedSchema(current);
            List<LossAnalysis.Loss> losses = execType == ExecType.MARK_RAN ? List.of()
                    : LossAnalysis.between(before, after).stream().map(loss -> loss.inLive(
                            liveNames.getOrDefault(loss.table() + "." + loss.column(), loss.column()))).toList();
            // A column renamed back by an earlier undo still has its live name in the database.
            LossAnalysis.renames(before, after).forEach((table, renamed) -> renamed.forEach((from, to) ->
                    liveNames.put(table + "." + to, liveNames.getOrDefault(table + "." + from, from))));
            steps.add(new UndoStep(changeSet, execType, losses));
        }
        return steps;
    }

    private static List<History.Row> afterTag(List<History.Row> rows, String tag) {
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (tag.equals(rows.get(i).tag())) {
                return rows.subList(i + 1, rows.size());
            }
        }
        throw new MarsSchemaException(ErrorCode.UNKNOWN_TAG, "No changeset of this database is tagged '" + tag
                + "': use a tag that `history` shows" + knownTags(rows) + ".");
    }

    private static void requirePositive(int count) {
        if (count < 1) {
            throw new MarsSchemaException(ErrorCode.INVALID_CONFIGURATION,
                    "A rollback count must be at least 1, got " + count + ".");
        }
    }

    /** The applied changesets of the last {@code count} migrations that have any applied. */
    private List<History.Row> lastMigrations(List<History.Row> rows, int count) {
        List<History.Row> ours = known(rows);
        List<String> appliedMigrations = changelog.migrations().stream()
                .filter(m -> ours.stream().anyMatch(r -> Changelog.migrationOf(r.fileName()).equals(m)))
                .toList();
        Set<String> undo = new HashSet<>(appliedMigrations.subList(Math.max(0, appliedMigrations.size() - count),
                appliedMigrations.size()));
        return ours.stream().filter(r -> undo.contains(Changelog.migrationOf(r.fileName()))).toList();
    }

    private List<History.Row> after(List<History.Row> rows, String migration) {
        List<ChangeSetInfo> changeSets = changelog.changeSetsOf(migration);
        int last = changelog.indexOf(changeSets.get(changeSets.size() - 1));
        return known(rows).stream().filter(r -> indexOf(r) > last).toList();
    }

    private List<History.Row> known(List<History.Row> rows) {
        return rows.stream().filter(r -> indexOf(r) >= 0).toList();
    }

    private int indexOf(History.Row row) {
        return changelog.find(row.fileName(), row.author(), row.id()).map(changelog::indexOf).orElse(-1);
    }

    /** Liquibase undoes the most recently applied changesets: they must be exactly the ones planned. */
    private static void requireTail(List<History.Row> rows, List<History.Row> undo) {
        List<History.Row> tail = rows.subList(rows.size() - undo.size(), rows.size());
        if (!new HashSet<>(tail).equals(new HashSet<>(undo))) {
            throw new MarsSchemaException(ErrorCode.VALIDATION_FAILED, "The history of this database is not in"
                    + " changelog order (changeset " + tail.get(0).id() + " ran after later ones), so undoing by"
                    + " migration would undo the wrong changesets: check `history`, and roll back by tag or date.");
        }
    }

    // ---------------------------------------------------------------- tag

    public void tag(String tag) {
        requireText(tag, "tag");
        locked("tag " + tag, session -> {
            recoverIfInterrupted(session);
            if (History.read(session.connection).isEmpty()) {
                throw new MarsSchemaException(ErrorCode.VALIDATION_FAILED, "Nothing is applied yet, so there is"
                        + " nothing to tag: a tag marks the last applied changeset; run update first.");
            }
            CommandScope command = Commands.command(TagCommandStep.COMMAND_NAME);
            command.addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, session.database());
            command.addArgumentValue(TagCommandStep.TAG_ARG, tag);
            Commands.run(command, null, ErrorCode.UNEXPECTED);
            return null;
        });
    }

    // ---------------------------------------------------------------- SQL previews

    /**
     * The SQL an update would run, with the history inserts a DBA needs to run it by hand. Without a
     * configured database: the whole script for an empty database, in MySQL 8 syntax.
     */
    public String updateSql(Optional<String> target) {
        Optional<String> migration = target.map(changelog::resolve);
        if (!settings.hasDatabase()) {
            return LiquibaseScope.call(() -> offlineUpdateSql(migration));
        }
        return readOnly(session -> {
            List<History.Row> rows = History.read(session.connection);
            guard(rows);
            List<ChangeSetInfo> pending = upTo(status(rows).pending(), migration);
            SchemaModel live = liveSchema(session);
            Map<ChangeSetInfo, List<String>> notes = forwardNotes(live, pending, session);
            return Preview.annotate(Preview.redactAgainst(updateSql(session.database(), migration)), changelog, notes);
        });
    }

    private String offlineUpdateSql(Optional<String> migration) {
        List<ChangeSetInfo> all = upTo(changelog.changeSets(), migration);
        Map<ChangeSetInfo, List<String>> notes = forwardNotes(new SchemaModel(Map.of()), all, null);
        return Commands.offline(database -> Preview.annotate(updateSql(database, migration)
                .replaceFirst("(?m)^--  Against: .*$", "--  Against: an empty MySQL 8.0 or MariaDB 10.11 database"),
                changelog, notes));
    }

    private List<ChangeSetInfo> upTo(List<ChangeSetInfo> changeSets, Optional<String> migration) {
        if (migration.isEmpty()) {
            return changeSets;
        }
        List<ChangeSetInfo> own = changelog.changeSetsOf(migration.get());
        int last = changelog.indexOf(own.get(own.size() - 1));
        return changeSets.stream().filter(c -> changelog.indexOf(c) <= last).toList();
    }

    /**
     * For each changeset about to run, what it would destroy, starting from the live schema (or an empty
     * one offline) and counted in the live database when there is one.
     */
    private Map<ChangeSetInfo, List<String>> forwardNotes(SchemaModel start, List<ChangeSetInfo> pending, Session session) {
        Map<ChangeSetInfo, List<String>> notes = new java.util.HashMap<>();
        SchemaModel model = start;
        for (ChangeSetInfo changeSet : pending) {
            SchemaModel next;
            try {
                next = changelog.after(model, changeSet);
            } catch (MarsSchemaException e) {
                notes.put(changeSet, List.of("-- Cannot tell what this changeset does to this database: " + e.getMessage()));
                break;
            }
            List<LossAnalysis.Loss> losses = LossAnalysis.between(model, next);
            List<String> lines = new ArrayList<>();
            if (session == null) {
                losses.forEach(loss -> lines.add("-- DESTROYS DATA: " + loss.description() + "."));
            } else {
                LossAnalysis.count(session.connection, start, losses).forEach(loss -> lines.add("-- DESTROYS DATA: "
                        + loss.description() + "; in this database: " + loss.affectedRows() + " row(s)."));
            }
            if (session != null) {
                // Only a table that holds rows now is worth a warning: rebuilding an empty one costs nothing.
                LossAnalysis.rebuilds(model, next).forEach((table, why) -> {
                    long rows = LossAnalysis.rowCount(session.connection, start, table);
                    if (rows > 0) {
                        lines.add("-- REBUILDS TABLE " + table + " (copies all " + rows + " row(s), holding a lock"
                                + " meanwhile): " + why + ".");
                    }
                });
            }
            notes.put(changeSet, lines);
            model = next;
        }
        return notes;
    }

    private String updateSql(Database database, Optional<String> migration) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommandScope command = Commands.command(UpdateSqlCommandStep.COMMAND_NAME);
        command.addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database);
        command.addArgumentValue(UpdateSqlCommandStep.CHANGELOG_FILE_ARG, Changelog.ROOT);
        migration.ifPresent(m -> command.addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_ARG,
                Commands.upTo(Changelog.parse(database), m)));
        command.setOutput(out);
        Commands.run(command, null, ErrorCode.UNEXPECTED);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The SQL that undoing the last {@code count} migrations would run; the database is not changed. */
    public String rollbackSqlMigrations(int count) {
        requirePositive(count);
        return rollbackSql(rows -> lastMigrations(rows, count));
    }

    /** The SQL that undoing every migration after {@code migration} would run; the database is not changed. */
    public String rollbackSqlTo(String migration) {
        String name = changelog.resolve(migration);
        return rollbackSql(rows -> after(rows, name));
    }

    public String rollbackSqlAll() {
        return rollbackSql(this::known);
    }

    private String rollbackSql(Function<List<History.Row>, List<History.Row>> plan) {
        return readOnly(session -> {
            List<History.Row> rows = History.read(session.connection);
            guard(rows);
            List<History.Row> undo = plan.apply(rows);
            if (undo.isEmpty()) {
                return "-- Nothing to roll back.\n";
            }
            requireTail(rows, undo);
            SchemaModel live = liveSchema(session);
            Map<ChangeSetInfo, List<String>> notes = new java.util.HashMap<>();
            for (UndoStep step : undoSteps(rows, undo)) {
                List<String> lines = new ArrayList<>();
                if (step.execType() == ExecType.MARK_RAN) {
                    lines.add("-- Recorded as MARK_RAN (its change was already there): undoing it removes only its history row.");
                }
                for (DataLoss loss : LossAnalysis.count(session.connection, live, step.losses())) {
                    lines.add("-- DESTROYS DATA: " + loss.description() + "; in this database: " + loss.affectedRows()
                            + " row(s).");
                }
                notes.put(step.changeSet(), lines);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            CommandScope command = Commands.command(RollbackCountSqlCommandStep.COMMAND_NAME);
            command.addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, session.database());
            command.addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_FILE_ARG, Changelog.ROOT);
            command.addArgumentValue(RollbackCountCommandStep.COUNT_ARG, undo.size());
            command.setOutput(out);
            Commands.run(command, null, ErrorCode.UNEXPECTED);
            return Preview.annotate(Preview.redactAgainst(out.toString(StandardCharsets.UTF_8)), changelog, notes);
        });
    }

    // ---------------------------------------------------------------- locks

    /**
     * Clears a lock that an older tool (Liquibase's own lock table) left set, and says whether another
     * process holds this library's lock (which the server drops when that process ends).
     */
    public List<String> releaseLocks() {
        return readOnly(session -> {
            List<String> released = new ArrayList<>(LockTable.release(session.connection));
            String holder = MigrationLock.currentHolder(session.connection, session.schema);
            if (holder != null) {
                released.add("The marsai-schema lock is " + holder + ": it is a live run, released when that process"
                        + " ends (to stop it now, KILL that connection).");
            }
            return released;
        });
    }

    // ---------------------------------------------------------------- validate

    public ValidationResult validate() {
        if (!settings.hasDatabase()) {
            return LiquibaseScope.call(() -> Commands.offline(database -> {
                List<Problem> problems = new ArrayList<>();
                for (ChangeSet changeSet : Changelog.parse(database).getChangeSets()) {
                    List<liquibase.change.Change> changes = new ArrayList<>(changeSet.getChanges());
                    changes.addAll(changeSet.getRollback().getChanges());
                    for (liquibase.change.Change change : changes) {
                        liquibase.exception.ValidationErrors errors = change.validate(database);
                        if (errors.hasErrors()) {
                            problems.add(new Problem(ErrorCode.VALIDATION_FAILED, "Changeset " + changeSet.getId()
                                    + ": " + String.join("; ", errors.getErrorMessages())));
                        }
                    }
                }
                return new ValidationResult(problems);
            }));
        }
        return readOnly(session -> {
            List<Problem> problems = new ArrayList<>(problems(History.read(session.connection)));
            if (problems.isEmpty()) {
                CommandScope command = Commands.command(ValidateCommandStep.COMMAND_NAME);
                command.addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, session.database());
                command.addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_FILE_ARG, Changelog.ROOT);
                try {
                    command.execute();
                } catch (Exception e) {
                    problems.add(new Problem(ErrorCode.VALIDATION_FAILED, Commands.oneLine(Commands.rootMessage(e))));
                }
            }
            return new ValidationResult(problems);
        });
    }

    /** What makes it unsafe to change this database with this version: refuses with the first problem. */
    private void guard(List<History.Row> rows) {
        List<Problem> problems = problems(rows);
        if (!problems.isEmpty()) {
            new ValidationResult(problems).orThrow();
        }
    }

    private List<Problem> problems(List<History.Row> rows) {
        List<Problem> problems = new ArrayList<>();
        List<History.Row> unknown = rows.stream().filter(r -> indexOf(r) < 0).toList();
        if (!unknown.isEmpty()) {
            History.Row first = unknown.get(0);
            problems.add(new Problem(ErrorCode.DATABASE_NEWER_THAN_LIBRARY, "This database's history holds "
                    + unknown.size() + " changeset(s) this version of marsai-schema does not know (the first: "
                    + first.id() + " of " + first.fileName() + "): a newer version migrated it. Use that version"
                    + " or a later one; this one will neither update nor roll it back."));
        }
        for (History.Row row : rows) {
            Optional<ChangeSetInfo> known = changelog.find(row.fileName(), row.author(), row.id());
            if (known.isEmpty() || row.checksum() == null || !row.checksum().startsWith("9:")) {
                continue;
            }
            String current = changelog.checksumOf(known.get());
            if (!row.checksum().equals(current)) {
                problems.add(new Problem(ErrorCode.CHECKSUM_MISMATCH, "Changeset " + row.id() + " of migration "
                        + known.get().migration() + " differs from the one this database ran (recorded checksum "
                        + row.checksum() + ", this changelog " + current + "): released changesets must not be"
                        + " edited. Use a jar whose changelog is intact; make new changes in new changesets."));
            }
        }
        return problems;
    }

    // ---------------------------------------------------------------- plumbing

    private <T> T locked(String operation, Function<Session, T> work) {
        return locked(operation, true, work);
    }

    /**
     * Runs a change under the migration lock. {@code strict}: the session's sql_mode makes the server refuse
     * to truncate or blank a value instead of doing it silently; only a rollback with data loss allowed
     * runs without it. The session's sql_mode is restored afterwards (the connection may go back to a pool).
     */
    private <T> T locked(String operation, boolean strict, Function<Session, T> work) {
        return LiquibaseScope.call(() -> {
            try (Session session = Session.open(settings)) {
                LOG.info("marsai-schema: {} of {} starting", operation, session.where());
                MigrationLock.acquire(session.connection, session.schema, settings.lockWaitTimeout());
                String sqlMode;
                try {
                    LockTable.awaitFree(session.connection, settings.lockWaitTimeout());
                    sqlMode = SqlMode.set(session.connection, strict);
                } catch (RuntimeException e) {
                    MigrationLock.release(session.connection, session.schema);
                    throw e;
                }
                try {
                    return work.apply(session);
                } finally {
                    SqlMode.restore(session.connection, sqlMode);
                    MigrationLock.release(session.connection, session.schema);
                }
            }
        });
    }

    /** Plain JDBC work: no Liquibase involved, so none of its start-up either. */
    private <T> T plain(Function<Session, T> work) {
        try (Session session = Session.open(settings)) {
            return work.apply(session);
        }
    }

    private <T> T readOnly(Function<Session, T> work) {
        return LiquibaseScope.call(() -> {
            try (Session session = Session.open(settings)) {
                return work.apply(session);
            }
        });
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new MarsSchemaException(ErrorCode.INVALID_CONFIGURATION, "A " + what + " is required.");
        }
    }

    private static String knownTags(List<History.Row> rows) {
        List<String> tags = rows.stream().map(History.Row::tag).filter(t -> t != null && !t.isEmpty()).toList();
        return tags.isEmpty() ? " (this database has no tags yet)" : " (" + String.join(", ", tags) + ")";
    }

}

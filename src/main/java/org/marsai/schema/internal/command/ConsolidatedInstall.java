package org.marsai.schema.internal.command;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.marsai.schema.ChangeSetInfo;
import org.marsai.schema.LockTimeoutException;
import org.marsai.schema.UpdateResult;
import org.marsai.schema.internal.history.History;
import org.marsai.schema.internal.history.HistoryTable;
import org.marsai.schema.internal.jdbc.Failures;
import org.marsai.schema.internal.jdbc.Log;
import org.marsai.schema.internal.jdbc.ServerErrors;
import org.marsai.schema.internal.jdbc.Session;
import org.marsai.schema.internal.jdbc.Settings;
import org.marsai.schema.internal.liquibase.Changelog;
import org.marsai.schema.internal.liquibase.LiquibaseScope;
import org.marsai.schema.internal.liquibase.LiveSchema;
import org.marsai.schema.internal.model.InstallDdl;
import org.marsai.schema.internal.model.SchemaComparator;
import org.marsai.schema.internal.model.SchemaModel;
import org.marsai.schema.internal.plan.InstallScript;
import org.marsai.schema.internal.plan.Preflight;

/**
 * An update of a database without MarsAI tables and without history, in one go: the schema as the changelog leaves
 * it created directly ({@link InstallScript}), then every history row recorded by one statement, as the changesets
 * run one by one would have recorded them. Plain JDBC under the migration lock, without starting Liquibase.
 *
 * <p>MySQL commits each {@code CREATE TABLE} by itself, so a run killed part-way leaves some of the tables and no
 * history; the history rows are one transaction. The next run finishes such a database: every MarsAI table in it
 * empty and exactly as the install makes it, no history row. Any other database goes the step-by-step way.
 */
public final class ConsolidatedInstall {

    private static final Pattern CREATE = Pattern.compile("^CREATE TABLE `((?:[^`]|``)+)`");

    private final Changelog changelog;
    private final Runner runner;
    private final Settings settings;

    ConsolidatedInstall(Changelog changelog, Runner runner, Settings settings) {
        this.changelog = changelog;
        this.runner = runner;
        this.settings = settings;
    }

    /** The update's result; empty when the database is not one for the consolidated install (nothing was changed). */
    Optional<UpdateResult> install(Optional<String> migration) {
        Optional<InstallScript> packaged = InstallScript.packaged();
        if (packaged.isEmpty()) {
            return Optional.empty();
        }
        List<String> migrations = changelog.migrations();
        String target = migration.orElse(migrations.get(migrations.size() - 1));
        return runner.underLockWithoutLiquibase("update" + migration.map(m -> " to " + m).orElse(""), session -> {
            History history = History.read(session, changelog);
            if (!history.isEmpty() || history.interrupted() || session.tables().sequelizeMeta().isPresent()) {
                return Optional.empty();
            }
            List<ChangeSetInfo> changeSets = changelog.upTo(changelog.changeSets(), Optional.of(target));
            SchemaModel live = LiveSchema.read(session);
            Set<String> present = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            if (live.tables().isEmpty()) {
                Preflight.require(session, history, changeSets, settings);
            } else if (leftByAnInstall(session, live, changeSets)) {
                present.addAll(live.tables().keySet());
            } else {
                return Optional.empty();
            }
            return Optional.of(run(session, packaged.get(), target, changeSets, present));
        });
    }

    private UpdateResult run(Session session, InstallScript script, String target, List<ChangeSetInfo> changeSets,
                             Set<String> present) {
        String historyTable = session.tables().history().isPresent() || !script.sameLiquibase()
                ? LiquibaseScope.call(() -> HistoryTable.ensure(session).name()) : createHistoryTable(session, script);
        for (String createTable : script.schema(target)) {
            String table = tableOf(createTable);
            if (!present.contains(table)) {
                execute(session, createTable, "create the table " + table);
            }
        }
        record(session, script.historyInsert(historyTable, changeSets.size(), InstallScript.newDeploymentId(),
                InstallScript.liquibaseVersion()));
        List<ChangeSetInfo> executed = new ArrayList<>();
        List<ChangeSetInfo> markedRan = new ArrayList<>();
        for (int i = 0; i < changeSets.size(); i++) {
            (script.markRan(i) ? markedRan : executed).add(changeSets.get(i));
        }
        Log.LOG.debug("marsai-schema: {} had no MarsAI table and no history: its schema up to {} was created directly"
                + " and its {} history rows recorded in one statement (consolidated install)", session.where(), target,
                changeSets.size());
        Log.LOG.info("marsai-schema: update of {} done: {} changeset(s) executed, {} recorded as already"
                + " present, {} adopted from SequelizeMeta", session.where(), executed.size(), markedRan.size(), 0);
        return new UpdateResult(executed, markedRan, List.of());
    }

    /**
     * Whether the MarsAI tables of the database are what a consolidated install killed part-way leaves: each one of
     * the target schema's tables, exactly as that schema has it, and empty.
     */
    private boolean leftByAnInstall(Session session, SchemaModel live, List<ChangeSetInfo> changeSets) {
        SchemaModel expected = changelog.expectedSchema(changeSets);
        Map<String, SchemaModel.Table> expectedTables = new TreeMap<>();
        for (String table : live.tables().keySet()) {
            SchemaModel.Table wanted = expected.tables().get(table);
            if (wanted == null) {
                return false;
            }
            expectedTables.put(table, wanted);
        }
        if (!SchemaComparator.compare(new SchemaModel(expectedTables), live).isEmpty()) {
            return false;
        }
        for (String table : live.tables().keySet()) {
            try (PreparedStatement statement = session.connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM "
                    + InstallDdl.name(table) + ")"); ResultSet rs = statement.executeQuery()) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return false;
                }
            } catch (SQLException e) {
                throw Failures.of(e, session.where(), "read whether the table " + table + " holds rows");
            }
        }
        Log.LOG.warn("marsai-schema: {} holds {} of the MarsAI tables, empty and exactly as a consolidated install makes"
                + " them, and no history: an install was interrupted; finishing it", session.where(), live.tables().size());
        return true;
    }

    /** The history table, as Liquibase's offline script of this Liquibase version creates it. */
    private static String createHistoryTable(Session session, InstallScript script) {
        execute(session, script.historyTable(), "create the history table DATABASECHANGELOG");
        session.refreshTables();
        return session.tables().history().orElse("DATABASECHANGELOG");
    }

    private static void execute(Session session, String sql, String action) {
        try (Statement statement = session.connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw Failures.of(e, session.where(), action);
        }
    }

    /**
     * The history rows, in one transaction with the check that this run still holds the migration lock; a
     * cluster's certification conflict rolls it back whole, so it is tried again.
     */
    private static void record(Session session, String insert) {
        for (int attempt = 1; ; attempt++) {
            try {
                boolean autoCommit = session.connection.getAutoCommit();
                session.connection.setAutoCommit(false);
                try (Statement statement = session.connection.createStatement()) {
                    if (!session.fence()) {
                        session.connection.rollback();
                        throw new LockTimeoutException("This run lost the migration lock on " + session.where()
                                + " (its lease was taken over by another run), so it stopped before writing the"
                                + " history; run update again: it finishes the install.");
                    }
                    statement.executeUpdate(insert);
                    session.connection.commit();
                    return;
                } catch (SQLException e) {
                    session.connection.rollback();
                    throw e;
                } finally {
                    session.connection.setAutoCommit(autoCommit);
                }
            } catch (SQLException e) {
                if (attempt >= 5 || !ServerErrors.certificationConflict(e)) {
                    throw Failures.of(e, session.where(), "write the history rows of the install to DATABASECHANGELOG");
                }
            }
        }
    }

    /** The name of a table, as the install's statements spell it. */
    public static String tableOf(String createTable) {
        Matcher name = CREATE.matcher(createTable);
        return name.find() ? name.group(1).replace("``", "`") : "";
    }
}

package org.marsai.schema.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.marsai.schema.ChangeSetInfo;
import org.marsai.schema.DataLoss;
import org.marsai.schema.ExecType;
import org.marsai.schema.MarsSchemaException;
import org.marsai.schema.RollbackTarget;

/**
 * The SQL an update or a rollback would run, annotated for review with the migration of each changeset and
 * what it would destroy (counted in the database when there is one). Changes nothing.
 */
public final class PreviewOperation {

    private final Context context;

    public PreviewOperation(Context context) {
        this.context = context;
    }

    /**
     * The SQL an update would run, with the history inserts a DBA needs to run it by hand. Without a
     * configured database: the whole script for an empty database, in MySQL 8 syntax.
     */
    public String updateSql(Optional<String> target) {
        Changelog changelog = context.changelog;
        Optional<String> migration = target.map(changelog::resolve);
        if (!context.settings.hasDatabase()) {
            return PackagedScript.updateSql(migration, System.getenv()).orElseGet(() -> liquibaseOfflineSql(migration));
        }
        return context.runner.withLiquibase(session -> {
            History history = History.read(session, changelog);
            HistoryGuard.requireSafe(history, context.settings.refuseNewerChangesets());
            List<ChangeSetInfo> pending = history.pending(migration);
            if (pending.isEmpty()) {
                return "-- Nothing to apply: " + session.where() + " has every changeset"
                        + migration.map(m -> " up to " + m).orElse("") + " applied.\n";
            }
            Map<ChangeSetInfo, List<String>> notes = forwardNotes(SchemaReader.read(session), pending, session);
            return Preview.annotate(Preview.header(LiquibaseCommands.updateSql(session.database(), migration)),
                    changelog, notes);
        });
    }

    /** The offline script as Liquibase writes it at run time: what the build packages, and the way without it. */
    String liquibaseOfflineSql(Optional<String> migration) {
        Changelog changelog = context.changelog;
        return LiquibaseScope.call(() -> {
            Map<ChangeSetInfo, List<String>> notes = forwardNotes(new SchemaModel(Map.of()),
                    changelog.upTo(changelog.changeSets(), migration), null);
            return LiquibaseCommands.offline(database -> Preview.annotateOffline(
                    Preview.header(LiquibaseCommands.updateSql(database, migration)).replaceFirst("(?m)^--  Against: .*$",
                            "--  Against: an empty MySQL 8.0 or MariaDB 10.11 database"), changelog, notes));
        });
    }

    /**
     * Run by the build after compiling: packages the offline script into the classes directory
     * ({@code args[0]}), so that a preview without a database needs no Liquibase at run time.
     */
    public static void main(String[] args) {
        try {
            Context offline = Context.load(null, null, null, null, java.time.Duration.ofSeconds(10),
                    java.time.Duration.ofMinutes(5), false);
            String sql = new PreviewOperation(offline).liquibaseOfflineSql(Optional.empty());
            PackagedScript.write(sql, offline.changelog, java.nio.file.Path.of(args[0]));
            InstallScript.write(sql, offline.changelog, java.nio.file.Path.of(args[0]));
        } catch (java.io.IOException | RuntimeException e) {
            // the changelog itself was checked just before (ChangelogBuild): one line, no stack trace
            System.err.println("[marsai-schema] The offline update-sql script could not be written into " + args[0]
                    + " (" + e.getMessage() + "): run `mvn clean package`; if it fails again, run the build with -e.");
            System.exit(1);
        }
    }

    /** The SQL a rollback to {@code target} would run; the database is not changed. */
    public String rollbackSql(RollbackTarget requested) {
        RollbackTarget target = RollbackPlan.resolved(context.changelog, requested);
        return context.runner.withLiquibase(session -> {
            History history = History.read(session, context.changelog);
            HistoryGuard.requireUndoable(history);
            RollbackPlan plan = RollbackPlan.of(history, target);
            if (plan.isEmpty()) {
                return "-- Nothing to roll back.\n";
            }
            SchemaModel live = SchemaReader.read(session);
            Map<ChangeSetInfo, List<String>> notes = new HashMap<>();
            for (RollbackPlan.Step step : plan.steps()) {
                List<String> lines = new ArrayList<>();
                if (step.execType() == ExecType.MARK_RAN) {
                    lines.add("-- Recorded as MARK_RAN (its change was already there): undoing it removes only its"
                            + " history row.");
                }
                for (DataLoss loss : LossAnalysis.count(session.connection, live, step.losses())) {
                    lines.add("-- DESTROYS DATA: " + loss.description() + "; in this database: " + loss.affectedRows()
                            + " row(s).");
                }
                if (step.execType() != ExecType.MARK_RAN) {
                    LossAnalysis.fills(step.before(), step.after()).forEach(fill -> lines.add("-- WRITES: " + fill + "."));
                }
                notes.put(step.changeSet(), lines);
            }
            return Preview.annotate(Preview.header(LiquibaseCommands.rollbackSql(session.database(),
                    plan.rows().size())), context.changelog, notes);
        });
    }

    /**
     * For each changeset about to run, what it would destroy, starting from the live schema (or an empty
     * one offline) and counted in the live database when there is one.
     */
    private Map<ChangeSetInfo, List<String>> forwardNotes(SchemaModel start, List<ChangeSetInfo> pending,
                                                          Session session) {
        Map<ChangeSetInfo, List<String>> notes = new HashMap<>();
        SchemaModel model = start;
        for (ChangeSetInfo changeSet : pending) {
            SchemaModel next;
            try {
                next = context.changelog.after(model, changeSet);
            } catch (MarsSchemaException e) {
                notes.put(changeSet, List.of("-- Cannot tell what this changeset does to this database: "
                        + e.getMessage()));
                break;
            }
            List<LossAnalysis.Loss> losses = LossAnalysis.between(model, next);
            List<String> lines = new ArrayList<>();
            if (session == null) {
                losses.forEach(loss -> lines.add("-- DESTROYS DATA: " + loss.description() + "."));
            } else {
                LossAnalysis.count(session.connection, start, losses).forEach(loss -> lines.add("-- DESTROYS DATA: "
                        + loss.description() + "; in this database: " + loss.affectedRows() + " row(s)."));
                // Only a table that holds rows now is worth a warning: rebuilding an empty one costs nothing.
                LossAnalysis.rebuilds(model, next).forEach((table, why) -> {
                    long rows = LossAnalysis.rowCount(session.connection, start, table);
                    if (rows > 0) {
                        lines.add("-- REBUILDS TABLE " + table + " (copies all " + rows + " row(s), holding a lock"
                                + " meanwhile): " + why + ".");
                    }
                });
            }
            LossAnalysis.fills(model, next).forEach(fill -> lines.add("-- WRITES: " + fill + "."));
            notes.put(changeSet, lines);
            model = next;
        }
        return notes;
    }
}

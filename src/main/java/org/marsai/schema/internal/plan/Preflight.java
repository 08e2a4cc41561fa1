package org.marsai.schema.internal.plan;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.marsai.schema.AdoptionPlan;
import org.marsai.schema.ChangeSetInfo;
import org.marsai.schema.DataLoss;
import org.marsai.schema.ErrorCode;
import org.marsai.schema.MarsSchemaException;
import org.marsai.schema.ValidationResult.Problem;
import org.marsai.schema.internal.history.History;
import org.marsai.schema.internal.jdbc.Failures;
import org.marsai.schema.internal.jdbc.Session;
import org.marsai.schema.internal.jdbc.Settings;
import org.marsai.schema.internal.liquibase.Changelog;
import org.marsai.schema.internal.liquibase.LiveSchema;
import org.marsai.schema.internal.model.LossAnalysis;
import org.marsai.schema.internal.model.Normalization;
import org.marsai.schema.internal.model.SchemaModel;
import org.marsai.schema.internal.model.SchemaReader;

/**
 * What would make an update refuse before its first statement, worked out without changing anything: the
 * history ({@link History#problems}), the database's character set, and rows that a pending changeset cannot
 * take (a foreign key they do not satisfy, duplicates under a new unique index, values a new type cannot
 * hold or a dropped column holds). The update refuses with these; {@code status} and {@code validate}
 * report them, so that a CI gate fails before a deploy does.
 */
public final class Preflight {

    private Preflight() {
    }

    /** The same, reading the history now. */
    public static List<Problem> problemsOfUpdate(Session session, Changelog changelog, Settings settings) {
        return problemsOfUpdate(session, History.read(session, changelog), settings);
    }

    /**
     * Every reason an update of everything pending would refuse, for {@code status} and {@code validate}: on a
     * database sequelize-cli built and this library has not adopted yet, first the adoption plan's own check
     * (the one the update makes, {@link Adoption#refuseUnlessPossible}), then the changesets after it.
     */
    public static List<Problem> problemsOfUpdate(Session session, History history, Settings settings) {
        Optional<String> sequelizeMeta = session.tables().sequelizeMeta();
        if (history.isEmpty() && sequelizeMeta.isPresent() && history.problems(settings.refuseNewerChangesets()).isEmpty()) {
            AdoptionPlan plan = new Adoption(session, history.changelog()).plan(sequelizeMeta.get());
            try {
                Adoption.refuseUnlessPossible(plan);
            } catch (MarsSchemaException refused) {
                return List.of(new Problem(refused.code(), refused.getMessage()));
            }
            return problems(session, history, plan.remaining(), settings);
        }
        return problems(session, history, history.pending(Optional.empty()), settings);
    }

    /** Every reason an update of {@code pending} would refuse; empty when it may go ahead. */
    static List<Problem> problems(Session session, History history, List<ChangeSetInfo> pending, Settings settings) {
        boolean allowDataLoss = settings.allowDataLoss();
        List<Problem> problems = new ArrayList<>(history.problems(settings.refuseNewerChangesets()));
        if (pending.isEmpty() || !problems.isEmpty()) {
            return problems;
        }
        Changelog changelog = history.changelog();
        SchemaModel live = LiveSchema.read(session);
        if (live.tables().isEmpty()) {
            // No table, so no row a changeset could stumble on: only the character set matters, and the pending
            // changesets create tables. (No model of them needed: an update of a new database stays fast.)
            charset(session).ifPresent(problems::add);
            return problems;
        }
        if (history.isEmpty() && session.tables().sequelizeMeta().isEmpty()) {
            SchemaModel latest = changelog.expectedSchema(changelog.changeSets());
            Optional<Problem> lost = historyLost(session.where(), live, latest);
            if (lost.isPresent()) {
                problems.add(lost.get());
                return problems;
            }
        }
        SchemaModel model = live;
        boolean createsTables = false;
        for (ChangeSetInfo changeSet : pending) {
            SchemaModel next;
            try {
                next = changelog.after(model, changeSet);
            } catch (RuntimeException e) {
                break; // the schema is not what the history implies: the changeset itself will say what fails
            }
            SchemaModel current = model;
            createsTables |= next.tables().keySet().stream().anyMatch(t -> !current.tables().containsKey(t));
            for (DataLoss loss : LossAnalysis.count(session.connection, live, LossAnalysis.between(model, next))) {
                dataLoss(changeSet, loss, allowDataLoss).ifPresent(problems::add);
            }
            foreignKeys(session, live, model, next, changeSet, problems);
            uniqueIndexes(session, live, model, next, changeSet, problems);
            model = next;
        }
        if (createsTables) {
            charset(session).ifPresent(problems::add);
        }
        return problems;
    }

    /** Refuses, naming every problem, unless an update of {@code pending} may go ahead. */
    public static void require(Session session, History history, List<ChangeSetInfo> pending, Settings settings) {
        List<Problem> problems = problems(session, history, pending, settings);
        if (!problems.isEmpty()) {
            throw new MarsSchemaException(problems.get(0).code(), "Update refused, nothing was changed: "
                    + String.join(" ", problems.stream().map(Problem::message).toList()));
        }
    }

    private static Optional<Problem> charset(Session session) {
        return charset(session.schema, SchemaReader.defaultCollation(session));
    }

    /** Refuses a database whose default collation is not utf8mb4's: its new tables could not hold every name. */
    static Optional<Problem> charset(String schema, String collation) {
        if (collation.startsWith("utf8mb4_")) {
            return Optional.empty();
        }
        return Optional.of(new Problem(ErrorCode.UNSUPPORTED_CHARACTER_SET, "Database '" + schema
                + "' has the default collation " + collation + ", not utf8mb4: the MarsAI tables it would get could"
                + " not store every name (nor the ENUM values with 'é'). Run ALTER DATABASE `"
                + schema.replace("`", "``") + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci; then"
                + " update again."));
    }

    /**
     * Refuses a database without history that holds MarsAI tables (those of {@code expected}, the schema once every
     * changeset has run): its history was lost, and an update would run the migrations again on top of them.
     */
    static Optional<Problem> historyLost(String where, SchemaModel live, SchemaModel expected) {
        List<String> ours = live.tables().keySet().stream().filter(expected.tables()::containsKey).toList();
        if (ours.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Problem(ErrorCode.HISTORY_DAMAGED, where + " holds MarsAI tables ("
                + String.join(", ", ours.subList(0, Math.min(4, ours.size()))) + (ours.size() > 4 ? ", …" : "")
                + ") but no marsai-schema history: its history table was dropped or not restored. Run"
                + " `repair` (API repairHistory()): it records the migrations the schema shows, after checking"
                + " the schema is exactly what they build; or restore DATABASECHANGELOG from a backup."));
    }

    /** Refuses a changeset that would destroy data rows hold, unless the loss is allowed. */
    static Optional<Problem> dataLoss(ChangeSetInfo changeSet, DataLoss loss, boolean allowDataLoss) {
        if (loss.affectedRows() <= 0 || allowDataLoss) {
            return Optional.empty();
        }
        return Optional.of(blocked(changeSet, loss.description() + ": " + loss.affectedRows() + " row(s) hold"
                + " data it would destroy, and an update never destroys data. Back the data up and clear"
                + " it, or allow the loss explicitly (CLI --allow-data-loss, API allowDataLoss(true))"));
    }

    /** Foreign keys a changeset adds that existing rows would not satisfy. */
    private static void foreignKeys(Session session, SchemaModel live, SchemaModel before, SchemaModel after,
                                    ChangeSetInfo changeSet, List<Problem> problems) {
        for (SchemaModel.Table table : after.tables().values()) {
            SchemaModel.Table liveTable = live.tables().get(table.name());
            SchemaModel.Table old = before.tables().get(table.name());
            if (liveTable == null || old == null) {
                continue; // a table created by a pending changeset is empty
            }
            for (SchemaModel.ForeignKey fk : table.foreignKeys()) {
                if (old.foreignKeys().stream().anyMatch(f -> f.name().equals(fk.name()))) {
                    continue;
                }
                long rows = violations(session, live, liveTable, table, fk);
                if (rows > 0) {
                    problems.add(blocked(changeSet, "it adds foreign key " + fk.name() + " (" + table.name() + "."
                            + String.join(",", fk.columns()) + " -> " + fk.referencedTable() + "."
                            + String.join(",", fk.referencedColumns()) + "), which " + rows + " existing row(s) of "
                            + table.name() + " would break" + implicitNote(liveTable, table, fk) + ". Make those rows"
                            + " satisfy it first (point them at an existing " + fk.referencedTable() + " row, or"
                            + " delete them), then update again"));
                }
            }
        }
    }

    private static long violations(Session session, SchemaModel live, SchemaModel.Table liveTable,
                                   SchemaModel.Table table, SchemaModel.ForeignKey fk) {
        if (fk.columns().size() != 1) {
            return 0;
        }
        String column = fk.columns().get(0);
        String referenced = fk.referencedColumns().get(0);
        boolean referencedLive = live.tables().containsKey(fk.referencedTable());
        boolean exists = liveTable.columns().stream().anyMatch(c -> c.name().equals(column));
        if (exists) {
            return count(session, "SELECT COUNT(*) FROM " + q(table.name()) + " t" + (referencedLive
                    ? " LEFT JOIN " + q(fk.referencedTable()) + " r ON t." + q(column) + " = r." + q(referenced)
                    + " WHERE t." + q(column) + " IS NOT NULL AND r." + q(referenced) + " IS NULL"
                    : " WHERE t." + q(column) + " IS NOT NULL"));
        }
        // A column a pending changeset adds: existing rows get its default, or the type's implicit value.
        Optional<String> value = valueForExistingRows(table, column);
        if (value.isEmpty()) {
            return 0;
        }
        long rows = count(session, "SELECT COUNT(*) FROM " + q(table.name()));
        if (rows == 0 || !referencedLive) {
            return rows;
        }
        long matching = count(session, "SELECT COUNT(*) FROM " + q(fk.referencedTable()) + " WHERE " + q(referenced)
                + " = " + value.get());
        return matching > 0 ? 0 : rows;
    }

    private static String implicitNote(SchemaModel.Table liveTable, SchemaModel.Table table, SchemaModel.ForeignKey fk) {
        String column = fk.columns().get(0);
        if (liveTable.columns().stream().anyMatch(c -> c.name().equals(column))) {
            return "";
        }
        return " (the new column " + column + " gives them " + valueForExistingRows(table, column).orElse("NULL")
                + ", which no " + fk.referencedTable() + " row has; the original migration fails the same way,"
                + " halfway)";
    }

    /** The SQL literal a new NOT NULL column holds in existing rows, or empty when it holds NULL. */
    static Optional<String> valueForExistingRows(SchemaModel.Table table, String column) {
        SchemaModel.Column c = table.columns().stream().filter(x -> x.name().equals(column)).findFirst().orElseThrow();
        if (!c.defaultValue().equals("none") && !c.defaultValue().equals("NULL")) {
            return Optional.of(c.defaultValue());
        }
        if (c.nullable()) {
            return Optional.empty();
        }
        return Optional.of(Normalization.isTextual(c.type()) ? "''" : "0");
    }

    /** Unique indexes a changeset adds over columns whose existing values repeat. */
    private static void uniqueIndexes(Session session, SchemaModel live, SchemaModel before, SchemaModel after,
                                      ChangeSetInfo changeSet, List<Problem> problems) {
        for (SchemaModel.Table table : after.tables().values()) {
            SchemaModel.Table liveTable = live.tables().get(table.name());
            SchemaModel.Table old = before.tables().get(table.name());
            if (liveTable == null || old == null) {
                continue;
            }
            for (SchemaModel.Index index : addedUniqueIndexes(liveTable, old, table)) {
                String columns = String.join(", ", index.columns().stream().map(Preflight::q).toList());
                long repeated = count(session, "SELECT COUNT(*) FROM (SELECT 1 FROM " + q(table.name()) + " WHERE "
                        + String.join(" AND ", index.columns().stream().map(c -> q(c) + " IS NOT NULL").toList())
                        + " GROUP BY " + columns + " HAVING COUNT(*) > 1) d");
                if (repeated > 0) {
                    problems.add(blocked(changeSet, "it adds unique index " + index.name() + " on " + table.name()
                            + " (" + String.join(", ", index.columns()) + "), where " + repeated + " value(s) repeat."
                            + " Remove or change the duplicates, then update again"));
                }
            }
        }
    }

    /**
     * The unique indexes a changeset adds to a table over columns that hold values now: only their existing
     * values can repeat (a column a pending changeset adds holds none yet).
     */
    static List<SchemaModel.Index> addedUniqueIndexes(SchemaModel.Table liveTable, SchemaModel.Table before,
                                                      SchemaModel.Table after) {
        return after.indexes().stream()
                .filter(SchemaModel.Index::unique)
                .filter(index -> before.indexes().stream().noneMatch(i -> i.name().equals(index.name())))
                .filter(index -> index.columns().stream()
                        .allMatch(c -> liveTable.columns().stream().anyMatch(l -> l.name().equals(c))))
                .toList();
    }

    private static Problem blocked(ChangeSetInfo changeSet, String why) {
        return new Problem(ErrorCode.DATA_BLOCKS_MIGRATION, "Changeset " + changeSet.id() + " of migration "
                + changeSet.migration() + " cannot run on this database's rows: " + why + ".");
    }

    private static long count(Session session, String sql) {
        try (PreparedStatement statement = session.connection.prepareStatement(sql);
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw Failures.of(e, session.where(), "check the rows a pending changeset needs (" + sql + ")");
        }
    }

    private static String q(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }
}

package org.marsai.schema.internal.plan;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import liquibase.change.core.DropColumnChange;
import liquibase.change.core.DropTableChange;
import org.marsai.schema.DataLoss;
import org.marsai.schema.internal.jdbc.Session;
import org.marsai.schema.internal.liquibase.Changelog;
import org.marsai.schema.internal.lock.MetadataLocks;
import org.marsai.schema.internal.model.LossAnalysis;
import org.marsai.schema.internal.model.SchemaBuilder;
import org.marsai.schema.internal.model.SchemaComparator;
import org.marsai.schema.internal.model.SchemaModel;

/**
 * Drops the tables and columns a rollback step removes so that no row written while the rollback runs is
 * lost: checking first and dropping afterwards would leave a moment in which an application's insert lands
 * in a table about to go. Instead the table or column is first moved aside under a name no application
 * uses ({@link #ASIDE}), one atomic rename that waits for open transactions; from then on, writes to the old
 * name fail instead of landing. What was written before the rename is counted where it now lies: nothing,
 * and it is dropped; something, and it is put back and the rollback stops, nothing lost.
 */
public final class GuardedDrop {

    /** The prefix of a table or column moved aside; an interrupted run's are put back by {@link #restore}. */
    static final String ASIDE = Changelog.ASIDE;
    private static final int MAX_NAME = 64;

    /** The tables a step drops, and per remaining table the columns it drops. */
    public record Plan(List<String> tables, Map<String, List<String>> columns, Map<String, String> holdsValue) {
        boolean isEmpty() {
            return tables.isEmpty() && columns.isEmpty();
        }
    }

    private GuardedDrop() {
    }

    /**
     * The drops that take {@code before} to {@code after}, if that is all the step does (and every name fits
     * aside); empty when the step does anything else, which then runs as the changelog says.
     */
    public static Optional<Plan> of(SchemaModel before, SchemaModel after) {
        List<String> tables = new ArrayList<>();
        Map<String, List<String>> columns = new LinkedHashMap<>();
        Map<String, String> holdsValue = new LinkedHashMap<>();
        SchemaBuilder model = new SchemaBuilder(before);
        for (SchemaModel.Table table : before.tables().values()) {
            SchemaModel.Table kept = after.tables().get(table.name());
            if (kept == null) {
                tables.add(table.name());
                DropTableChange drop = new DropTableChange();
                drop.setTableName(table.name());
                model.apply(drop);
                continue;
            }
            for (SchemaModel.Column column : table.columns()) {
                if (kept.columns().stream().noneMatch(c -> c.name().equals(column.name()))) {
                    columns.computeIfAbsent(table.name(), t -> new ArrayList<>()).add(column.name());
                    holdsValue.put(table.name() + "." + column.name(), LossAnalysis.holdsValue(column));
                    DropColumnChange drop = new DropColumnChange();
                    drop.setTableName(table.name());
                    drop.setColumnName(column.name());
                    model.apply(drop);
                }
            }
        }
        Plan plan = new Plan(tables, columns, holdsValue);
        boolean fits = tables.stream().allMatch(GuardedDrop::fitsAside)
                && columns.values().stream().flatMap(List::stream).allMatch(GuardedDrop::fitsAside);
        boolean onlyDrops = SchemaComparator.compare(after, model.build()).isEmpty();
        return !plan.isEmpty() && fits && onlyDrops ? Optional.of(plan) : Optional.empty();
    }

    /**
     * Moves the plan's tables and columns aside, counts what they hold, and drops them if they hold nothing;
     * otherwise puts them back and returns what they hold (the rollback must stop).
     */
    public static List<DataLoss> run(Session session, Plan plan, MetadataLocks waits) throws SQLException {
        try (Statement statement = session.connection.createStatement()) {
            Ddl ddl = sql -> waits.retrying("run " + sql, () -> statement.execute(sql));
            moveAside(ddl, plan, false);
            List<DataLoss> written = count(statement, plan);
            if (!written.isEmpty()) {
                moveAside(ddl, plan, true);
                return written;
            }
            for (String table : plan.tables()) {
                ddl.execute("DROP TABLE " + quote(aside(table)));
            }
            for (Map.Entry<String, List<String>> table : plan.columns().entrySet()) {
                ddl.execute("ALTER TABLE " + quote(table.getKey()) + " " + String.join(", ", table.getValue()
                        .stream().map(c -> "DROP COLUMN " + quote(aside(c))).toList()));
            }
            return List.of();
        }
    }

    /** One DDL statement, each under a short lock wait tried again within the caller's wait ({@link MetadataLocks}). */
    private interface Ddl {
        void execute(String sql) throws SQLException;
    }

    private static void moveAside(Ddl ddl, Plan plan, boolean back) throws SQLException {
        if (!plan.tables().isEmpty()) {
            ddl.execute("RENAME TABLE " + String.join(", ", plan.tables().stream().map(t -> back
                    ? quote(aside(t)) + " TO " + quote(t) : quote(t) + " TO " + quote(aside(t))).toList()));
        }
        for (Map.Entry<String, List<String>> table : plan.columns().entrySet()) {
            ddl.execute("ALTER TABLE " + quote(table.getKey()) + " " + String.join(", ", table.getValue().stream()
                    .map(c -> back ? "RENAME COLUMN " + quote(aside(c)) + " TO " + quote(c)
                            : "RENAME COLUMN " + quote(c) + " TO " + quote(aside(c))).toList()));
        }
    }

    private static List<DataLoss> count(Statement statement, Plan plan) throws SQLException {
        List<DataLoss> written = new ArrayList<>();
        for (String table : plan.tables()) {
            long rows = single(statement, "SELECT COUNT(*) FROM " + quote(aside(table)));
            if (rows > 0) {
                written.add(new DataLoss(table, "", "drops table " + table + ", which received rows while the"
                        + " rollback ran", rows));
            }
        }
        for (Map.Entry<String, List<String>> table : plan.columns().entrySet()) {
            for (String column : table.getValue()) {
                long rows = single(statement, "SELECT COUNT(*) FROM " + quote(table.getKey()) + " WHERE "
                        + plan.holdsValue().get(table.getKey() + "." + column).replace("{column}", quote(aside(column))));
                if (rows > 0) {
                    written.add(new DataLoss(table.getKey(), column, "drops column " + table.getKey() + "." + column
                            + ", which received values while the rollback ran", rows));
                }
            }
        }
        return written;
    }

    /** Puts back what an interrupted run moved aside; returns what it put back. */
    static List<String> restore(Session session) throws SQLException {
        List<String> restored = new ArrayList<>();
        String pattern = ASIDE.replace("_", "\\_") + "%";
        try (Statement statement = session.connection.createStatement()) {
            List<String> tables = strings(session, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE"
                    + " TABLE_SCHEMA = DATABASE() AND TABLE_NAME LIKE ?", pattern);
            for (String aside : tables) {
                String table = aside.substring(ASIDE.length());
                if (!Changelog.packaged().manages(table)) {
                    continue; // an application's table that happens to have the prefix: not ours
                }
                // A table of that name exists: the aside one is not ours to move (or was put back already).
                if (strings(session, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
                        + " AND TABLE_NAME = ?", table).isEmpty()) {
                    statement.execute("RENAME TABLE " + quote(aside) + " TO " + quote(table));
                    restored.add("table " + table);
                }
            }
            List<String> columns = strings(session, "SELECT CONCAT(TABLE_NAME, '.', COLUMN_NAME) FROM"
                    + " information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND COLUMN_NAME LIKE ?", pattern);
            for (String qualified : columns) {
                int dot = qualified.indexOf('.');
                String table = qualified.substring(0, dot);
                String aside = qualified.substring(dot + 1);
                String column = aside.substring(ASIDE.length());
                if (!Changelog.packaged().manages(table)) {
                    continue;
                }
                if (strings(session, "SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
                        + " AND TABLE_NAME = ? AND COLUMN_NAME = '" + column.replace("'", "''") + "'", table).isEmpty()) {
                    statement.execute("ALTER TABLE " + quote(table) + " RENAME COLUMN " + quote(aside) + " TO "
                            + quote(column));
                    restored.add("column " + table + "." + column);
                }
            }
        }
        return restored;
    }

    private static List<String> strings(Session session, String sql, String parameter) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement statement = session.connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }

    private static long single(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static boolean fitsAside(String name) {
        return ASIDE.length() + name.length() <= MAX_NAME;
    }

    private static String aside(String name) {
        return ASIDE + name;
    }

    private static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }
}

package org.marsai.schema.internal.model;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.marsai.schema.DataLoss;
import org.marsai.schema.ErrorCode;
import org.marsai.schema.MarsSchemaException;

/**
 * What going from one schema to another destroys: tables and columns that disappear, ENUM values that
 * are removed, types that get narrower, columns that become NOT NULL. Counted in a live database, it
 * becomes the rows at risk.
 */
public final class LossAnalysis {

    /**
     * A loss before counting: what it is, and the query that counts the rows holding the data, with
     * {@code {column}} standing for the column's name in the live database (a later rename may differ).
     */
    public record Loss(String table, String column, String description, String countSql, String liveColumn) {
        public Loss(String table, String column, String description, String countSql) {
            this(table, column, description, countSql, column);
        }

        public Loss inLive(String name) {
            return new Loss(table, column, description, countSql, name);
        }
    }

    /** Columns renamed between two schemas, table by table: old name to new name. */
    public static Map<String, Map<String, String>> renames(SchemaModel from, SchemaModel to) {
        Map<String, Map<String, String>> renames = new LinkedHashMap<>();
        for (SchemaModel.Table before : from.tables().values()) {
            SchemaModel.Table after = to.tables().get(before.name());
            if (after == null) {
                continue;
            }
            for (SchemaModel.Column column : before.columns()) {
                boolean gone = after.columns().stream().noneMatch(c -> c.name().equals(column.name()));
                if (gone && renamed(column, after, before)) {
                    String newName = after.columns().get(before.columns().indexOf(column)).name();
                    renames.computeIfAbsent(before.name(), t -> new LinkedHashMap<>()).put(column.name(), newName);
                }
            }
        }
        return renames;
    }

    private static final Pattern VARCHAR = Pattern.compile("^(var)?char\\((\\d+)\\)$");

    private LossAnalysis() {
    }

    public static List<Loss> between(SchemaModel from, SchemaModel to) {
        List<Loss> losses = new ArrayList<>();
        for (SchemaModel.Table before : from.tables().values()) {
            SchemaModel.Table after = to.tables().get(before.name());
            String table = quote(before.name());
            if (after == null) {
                losses.add(new Loss(before.name(), "", "drops table " + before.name(), "SELECT COUNT(*) FROM " + table));
                continue;
            }
            Map<String, SchemaModel.Column> afterColumns = new LinkedHashMap<>();
            after.columns().forEach(c -> afterColumns.put(c.name(), c));
            for (SchemaModel.Column column : before.columns()) {
                SchemaModel.Column next = afterColumns.get(column.name());
                String name = before.name() + "." + column.name();
                if (next == null) {
                    if (!renamed(column, after, before)) {
                        String refill = refill(column);
                        losses.add(new Loss(before.name(), column.name(), "drops column " + name + (refill == null ? ""
                                : " (rows holding " + refill + ", what adding it back writes, lose nothing)"),
                                "SELECT COUNT(*) FROM " + table + " WHERE " + holdsValue(column)));
                    }
                    continue;
                }
                if (!column.type().equals(next.type())) {
                    typeLoss(before.name(), column, next).ifPresent(losses::add);
                }
                if (column.nullable() && !next.nullable()) {
                    losses.add(new Loss(before.name(), column.name(), "makes " + name + " NOT NULL",
                            "SELECT COUNT(*) FROM " + table + " WHERE {column} IS NULL"));
                }
            }
        }
        return losses;
    }

    /**
     * The tables the server must rebuild (copy row by row) to go from one schema to the other, with why: a
     * value inserted inside an ENUM list (stored ordinals move), another type change, or a foreign key added
     * to an existing table (the server checks it by copying). Adding columns, widening an ENUM at its end or
     * renaming are done in place.
     */
    public static Map<String, String> rebuilds(SchemaModel from, SchemaModel to) {
        Map<String, String> rebuilt = new LinkedHashMap<>();
        for (SchemaModel.Table before : from.tables().values()) {
            SchemaModel.Table after = to.tables().get(before.name());
            if (after == null) {
                continue;
            }
            for (SchemaModel.Column column : before.columns()) {
                after.columns().stream().filter(c -> c.name().equals(column.name())).findFirst()
                        .filter(next -> !next.type().equals(column.type()))
                        .ifPresent(next -> {
                            List<String> old = enumValues(column.type());
                            List<String> now = enumValues(next.type());
                            boolean appended = old != null && now != null && now.size() >= old.size()
                                    && now.subList(0, old.size()).equals(old);
                            if (!appended) {
                                rebuilt.put(before.name(), old != null && now != null
                                        ? "values inserted inside the ENUM list of " + column.name() + " move the stored ordinals"
                                        : "the type of " + column.name() + " changes from " + column.type() + " to " + next.type());
                            }
                        });
            }
            for (SchemaModel.ForeignKey fk : after.foreignKeys()) {
                if (before.foreignKeys().stream().noneMatch(f -> f.name().equals(fk.name()))) {
                    rebuilt.putIfAbsent(before.name(), "adding foreign key " + fk.name() + " checks every row by copying the table");
                }
            }
        }
        return rebuilt;
    }

    /**
     * What going from one schema to the other writes into rows that exist: a column added to a table with a
     * default (or 0, for a NOT NULL number) fills every row with it; an AUTO_INCREMENT column numbers them.
     */
    public static List<String> fills(SchemaModel from, SchemaModel to) {
        List<String> fills = new ArrayList<>();
        for (SchemaModel.Table after : to.tables().values()) {
            SchemaModel.Table before = from.tables().get(after.name());
            if (before == null) {
                continue;
            }
            for (SchemaModel.Column column : after.columns()) {
                if (before.columns().stream().anyMatch(c -> c.name().equals(column.name()))
                        || renamed(column, before, after)) {
                    continue;
                }
                String refill = refill(column);
                if (column.autoIncrement()) {
                    fills.add("numbers the existing rows of " + after.name() + " in " + column.name() + " (1, 2, 3…)");
                } else if (refill != null) {
                    fills.add("sets " + after.name() + "." + column.name() + " to " + refill + " in every existing row");
                }
            }
        }
        return fills;
    }

    /**
     * The condition, with {@code {column}} for the column's live name, of the rows whose value in {@code column}
     * is information: anything but what adding the column back writes into existing rows (its default, or 0 for
     * a NOT NULL number without one). A column whose every value is that holds nothing to lose.
     */
    public static String holdsValue(SchemaModel.Column column) {
        String refill = refill(column);
        return refill == null ? "{column} IS NOT NULL" : "NOT ({column} <=> " + refill + ")";
    }

    /** What adding {@code column} back writes into existing rows, as SQL; null for NULL or a value of its own. */
    static String refill(SchemaModel.Column column) {
        String value = column.defaultValue();
        if (value == null || value.equals("NULL") || value.equals(Normalization.CURRENT_TIMESTAMP)) {
            return null;
        }
        if (value.equals("none")) {
            return !column.nullable() && NUMBERS.matcher(column.type()).matches() ? "0" : null;
        }
        return value;
    }

    private static final Pattern NUMBERS = Pattern.compile(
            "^(tinyint|smallint|mediumint|int|bigint|float|double|decimal)\\b.*");

    public static long rowCount(Connection connection, SchemaModel live, String table) {
        return live.tables().containsKey(table) ? rows(connection, "SELECT COUNT(*) FROM " + quote(table)) : 0;
    }

    /** A column that disappears while one with its definition appears in its place was renamed: no loss. */
    private static boolean renamed(SchemaModel.Column column, SchemaModel.Table after, SchemaModel.Table before) {
        int position = before.columns().indexOf(column);
        if (position >= after.columns().size()) {
            return false;
        }
        SchemaModel.Column there = after.columns().get(position);
        boolean newName = before.columns().stream().noneMatch(c -> c.name().equals(there.name()));
        return newName && there.type().equals(column.type()) && there.nullable() == column.nullable();
    }

    private static Optional<Loss> typeLoss(String tableName, SchemaModel.Column from, SchemaModel.Column to) {
        String table = quote(tableName);
        String name = tableName + "." + from.name();
        List<String> fromValues = enumValues(from.type());
        List<String> toValues = enumValues(to.type());
        if (fromValues != null && toValues != null) {
            List<String> removed = fromValues.stream().filter(v -> !toValues.contains(v)).toList();
            if (removed.isEmpty()) {
                return Optional.empty();
            }
            String list = String.join(", ", removed.stream().map(Normalization::quote).toList());
            return Optional.of(new Loss(tableName, from.name(), "removes " + list + " from " + name,
                    "SELECT COUNT(*) FROM " + table + " WHERE {column} IN (" + list + ")"));
        }
        Matcher a = VARCHAR.matcher(from.type());
        Matcher b = VARCHAR.matcher(to.type());
        if (a.matches() && b.matches()) {
            int length = Integer.parseInt(b.group(2));
            if (length >= Integer.parseInt(a.group(2))) {
                return Optional.empty();
            }
            return Optional.of(new Loss(tableName, from.name(), "narrows " + name + " from " + from.type()
                    + " to " + to.type(), "SELECT COUNT(*) FROM " + table + " WHERE CHAR_LENGTH({column}) > " + length));
        }
        if (toValues != null || !widening(from.type(), to.type())) {
            return Optional.of(new Loss(tableName, from.name(), "changes " + name + " from " + from.type()
                    + " to " + to.type(), "SELECT COUNT(*) FROM " + table + " WHERE {column} IS NOT NULL"));
        }
        return Optional.empty();
    }

    private static final List<String> INTEGERS = List.of("tinyint", "smallint", "mediumint", "int", "bigint");

    private static boolean widening(String from, String to) {
        if (to.equals("text") || to.equals("mediumtext") || to.equals("longtext")) {
            return from.startsWith("varchar") || from.startsWith("char") || from.equals("text") || from.equals("tinytext")
                    || from.startsWith("enum");
        }
        int a = INTEGERS.indexOf(from.replace("(1)", ""));
        int b = INTEGERS.indexOf(to.replace("(1)", ""));
        return a >= 0 && b >= a;
    }

    static List<String> enumValues(String type) {
        if (!type.startsWith("enum(")) {
            return null;
        }
        List<String> values = new ArrayList<>();
        String body = type.substring(5, type.length() - 1);
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\'') {
                if (quoted && i + 1 < body.length() && body.charAt(i + 1) == '\'') {
                    current.append('\'');
                    i++;
                } else {
                    quoted = !quoted;
                    if (!quoted) {
                        values.add(current.toString());
                        current.setLength(0);
                    }
                }
            } else if (quoted) {
                current.append(c);
            }
        }
        return values;
    }

    /** The rows at risk in the live database, for the losses whose table and column exist there. */
    public static List<DataLoss> count(Connection connection, SchemaModel live, List<Loss> losses) {
        List<DataLoss> counted = new ArrayList<>();
        for (Loss loss : losses) {
            SchemaModel.Table table = live.tables().get(loss.table());
            boolean present = table != null && (loss.column().isEmpty()
                    || table.columns().stream().anyMatch(c -> c.name().equals(loss.liveColumn())));
            counted.add(new DataLoss(loss.table(), loss.column(), loss.description(), present
                    ? rows(connection, loss.countSql().replace("{column}", quote(loss.liveColumn() == null ? "" : loss.liveColumn())))
                    : 0));
        }
        return counted;
    }

    private static long rows(Connection connection, String sql) {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new MarsSchemaException(ErrorCode.INSUFFICIENT_PRIVILEGES, "Cannot count the rows at risk (" + sql
                    + "): " + e.getMessage() + ". The user needs SELECT on the MarsAI tables.", e);
        }
    }

    private static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }
}

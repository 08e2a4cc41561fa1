package org.marsai.schema.internal.model;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.marsai.schema.ErrorCode;
import org.marsai.schema.MarsSchemaException;
import org.marsai.schema.internal.jdbc.Failures;
import org.marsai.schema.internal.jdbc.Session;

/**
 * Reads a schema from {@code information_schema} (read access is all it needs) into a {@link SchemaModel}.
 * Liquibase's tables and the original tool's {@code SequelizeMeta} are not part of the schema, nor (through a
 * {@link Session}) the application's own tables.
 */
public final class SchemaReader {

    /** Tables a database managed by this library may hold besides the MarsAI tables (compared lower-case). */
    static final Set<String> BOOKKEEPING_TABLES = Set.of("databasechangelog", "databasechangeloglock",
            "sequelizemeta");


    private SchemaReader() {
    }

    /**
     * The tables of the session's database that {@code managed} accepts; the others are left out. A failure to
     * read it names the privilege it needs.
     */
    public static SchemaModel read(Session session, Predicate<String> managed) {
        try {
            return read(session.connection, session.schema, managed);
        } catch (SQLException e) {
            throw new MarsSchemaException(ErrorCode.INSUFFICIENT_PRIVILEGES, "Cannot read the schema of "
                    + session.where() + " from information_schema: " + e.getMessage()
                    + ". The user needs SELECT on the database.", e);
        }
    }

    /** The database's default collation, which the changelog leaves its tables to. */
    public static String defaultCollation(Session session) {
        try (PreparedStatement statement = session.connection.prepareStatement("SELECT DEFAULT_COLLATION_NAME FROM"
                + " information_schema.SCHEMATA WHERE SCHEMA_NAME = DATABASE()"); ResultSet rs = statement.executeQuery()) {
            return rs.next() ? rs.getString(1) : "";
        } catch (SQLException e) {
            throw Failures.of(e, session.where(), "read the database's default character set");
        }
    }

    /**
     * The tables and views of the session's database that are neither {@code managed} nor bookkeeping: the
     * application's own, which this library never touches nor judges. Sorted.
     */
    public static List<String> notManaged(Session session, Predicate<String> managed) {
        List<String> names = new ArrayList<>();
        try {
            query(session.connection, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?"
                    + " ORDER BY TABLE_NAME", session.schema, rs -> {
                String name = rs.getString(1);
                if (!BOOKKEEPING_TABLES.contains(name.toLowerCase(Locale.ROOT)) && !managed.test(name)) {
                    names.add(name);
                }
            });
        } catch (SQLException e) {
            throw Failures.of(e, session.where(), "list the database's tables");
        }
        return names;
    }

    /** Every table of the database but the bookkeeping ones. */
    static SchemaModel read(Connection connection, String schema) throws SQLException {
        return read(connection, schema, table -> true);
    }

    /** The tables of the database that {@code managed} accepts, but the bookkeeping ones. */
    static SchemaModel read(Connection connection, String schema, Predicate<String> managed)
            throws SQLException {
        boolean mariaDb = connection.getMetaData().getDatabaseProductVersion().toLowerCase(Locale.ROOT)
                .contains("mariadb");
        Map<String, String> engines = new TreeMap<>();
        Map<String, String> collations = new TreeMap<>();
        query(connection, "SELECT TABLE_NAME, ENGINE, TABLE_COLLATION FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'", schema, rs -> {
            if (!BOOKKEEPING_TABLES.contains(rs.getString(1).toLowerCase(Locale.ROOT)) && managed.test(rs.getString(1))) {
                engines.put(rs.getString(1), rs.getString(2));
                collations.put(rs.getString(1), rs.getString(3));
            }
        });

        Map<String, List<SchemaModel.Column>> columns = new LinkedHashMap<>();
        query(connection, "SELECT TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT,"
                + " EXTRA, COLUMN_COMMENT, DATA_TYPE, COLLATION_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ?"
                + " ORDER BY TABLE_NAME, ORDINAL_POSITION", schema, rs -> {
            String table = rs.getString(1);
            if (!engines.containsKey(table)) {
                return;
            }
            boolean nullable = "YES".equalsIgnoreCase(rs.getString(5));
            String extra = rs.getString(7) == null ? "" : rs.getString(7).toLowerCase(Locale.ROOT);
            String dataType = rs.getString(9).toLowerCase(Locale.ROOT);
            String collation = rs.getString(10);
            columns.computeIfAbsent(table, t -> new ArrayList<>()).add(new SchemaModel.Column(rs.getString(2),
                    rs.getInt(3), Normalization.type(rs.getString(4)), nullable,
                    defaultValue(rs.getString(6), nullable, dataType, extra, mariaDb),
                    extra.contains("auto_increment"),
                    extra.contains("on update") ? "CURRENT_TIMESTAMP" : null, rs.getString(8),
                    collation == null || collation.equals(collations.get(table)) ? null : collation));
        });

        Map<String, Map<String, IndexBuilder>> indexes = new LinkedHashMap<>();
        query(connection, "SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME FROM information_schema.STATISTICS"
                + " WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX", schema, rs -> {
            String table = rs.getString(1);
            boolean unique = rs.getInt(3) == 0;
            String column = rs.getString(4);
            if (engines.containsKey(table)) {
                indexes.computeIfAbsent(table, t -> new TreeMap<>())
                        .computeIfAbsent(rs.getString(2), n -> new IndexBuilder(n, unique))
                        .columns.add(column);
            }
        });

        // KEY_COLUMN_USAGE lists foreign keys to any user who may read the table; REFERENTIAL_CONSTRAINTS,
        // which has the rules, shows MariaDB users with only SELECT nothing: then SHOW CREATE TABLE tells.
        Map<String, Map<String, FkBuilder>> foreignKeys = new LinkedHashMap<>();
        query(connection, "SELECT TABLE_NAME, CONSTRAINT_NAME, REFERENCED_TABLE_NAME, COLUMN_NAME, REFERENCED_COLUMN_NAME"
                + " FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = ? AND REFERENCED_TABLE_NAME IS NOT NULL"
                + " ORDER BY TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION", schema, rs -> {
            String table = rs.getString(1);
            String referencedTable = rs.getString(3);
            if (engines.containsKey(table)) {
                FkBuilder fk = foreignKeys.computeIfAbsent(table, t -> new TreeMap<>())
                        .computeIfAbsent(rs.getString(2), n -> new FkBuilder(n, referencedTable));
                fk.columns.add(rs.getString(4));
                fk.referencedColumns.add(rs.getString(5));
            }
        });
        query(connection, "SELECT TABLE_NAME, CONSTRAINT_NAME, UPDATE_RULE, DELETE_RULE"
                + " FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?", schema, rs -> {
            FkBuilder fk = foreignKeys.getOrDefault(rs.getString(1), Map.of()).get(rs.getString(2));
            if (fk != null) {
                fk.onUpdate = Normalization.rule(rs.getString(3));
                fk.onDelete = Normalization.rule(rs.getString(4));
            }
        });
        for (Map.Entry<String, Map<String, FkBuilder>> table : foreignKeys.entrySet()) {
            if (table.getValue().values().stream().anyMatch(fk -> fk.onUpdate == null)) {
                rulesFromCreateTable(connection, schema, table.getKey(), table.getValue());
            }
        }

        Map<String, SchemaModel.Table> tables = new TreeMap<>();
        engines.forEach((name, engine) -> tables.put(name, new SchemaModel.Table(name, engine, collations.get(name),
                columns.getOrDefault(name, List.of()),
                indexes.getOrDefault(name, Map.of()).values().stream().map(IndexBuilder::build).toList(),
                foreignKeys.getOrDefault(name, Map.of()).values().stream().map(FkBuilder::build).toList())));
        return new SchemaModel(tables);
    }

    /**
     * One form for both servers. MariaDB quotes string defaults and writes {@code NULL} and
     * {@code current_timestamp()}; MySQL 8 writes strings bare and {@code CURRENT_TIMESTAMP}.
     */
    static String defaultValue(String raw, boolean nullable, String dataType, String extra, boolean mariaDb) {
        if (raw == null || (mariaDb && raw.equals("NULL"))) {
            return nullable ? "NULL" : "none";
        }
        if (Normalization.currentTimestamp(raw) != null) {
            return Normalization.CURRENT_TIMESTAMP;
        }
        if (mariaDb) {
            if (raw.length() >= 2 && raw.startsWith("'") && raw.endsWith("'")) {
                return Normalization.quote(raw.substring(1, raw.length() - 1).replace("''", "'").replace("\\\\", "\\"));
            }
            return raw;
        }
        if (extra.contains("default_generated")) {
            return "(" + raw + ")";
        }
        return Normalization.isTextual(dataType) ? Normalization.quote(raw) : raw;
    }

    private interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    private static void query(Connection connection, String sql, String schema, RowHandler handler)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    handler.handle(rs);
                }
            }
        }
    }

    private static final class IndexBuilder {
        final String name;
        final boolean unique;
        final List<String> columns = new ArrayList<>();

        IndexBuilder(String name, boolean unique) {
            this.name = name;
            this.unique = unique;
        }

        SchemaModel.Index build() {
            return new SchemaModel.Index(name, unique, columns);
        }
    }

    private static final Pattern CONSTRAINT = Pattern.compile(
            "CONSTRAINT `((?:[^`]|``)+)` FOREIGN KEY [^\\n]*?\\)([^\\n]*)");

    private static void rulesFromCreateTable(Connection connection, String schema, String table,
                                             Map<String, FkBuilder> keys) throws SQLException {
        String ddl;
        try (PreparedStatement statement = connection.prepareStatement("SHOW CREATE TABLE `"
                + schema.replace("`", "``") + "`.`" + table.replace("`", "``") + "`");
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            ddl = rs.getString(2);
        }
        Matcher m = CONSTRAINT.matcher(ddl);
        while (m.find()) {
            FkBuilder fk = keys.get(m.group(1).replace("``", "`"));
            if (fk != null) {
                String tail = m.group(2).toUpperCase(Locale.ROOT);
                fk.onDelete = Normalization.rule(action(tail, "ON DELETE "));
                fk.onUpdate = Normalization.rule(action(tail, "ON UPDATE "));
            }
        }
    }

    private static String action(String tail, String clause) {
        int at = tail.indexOf(clause);
        if (at < 0) {
            return null;
        }
        String rest = tail.substring(at + clause.length());
        for (String action : List.of("SET NULL", "SET DEFAULT", "NO ACTION", "CASCADE", "RESTRICT")) {
            if (rest.startsWith(action)) {
                return action;
            }
        }
        return null;
    }

    private static final class FkBuilder {
        final String name;
        final String referencedTable;
        String onUpdate;
        String onDelete;
        final List<String> columns = new ArrayList<>();
        final List<String> referencedColumns = new ArrayList<>();

        FkBuilder(String name, String referencedTable) {
            this.name = name;
            this.referencedTable = referencedTable;
        }

        SchemaModel.ForeignKey build() {
            return new SchemaModel.ForeignKey(name, columns, referencedTable, referencedColumns,
                    onUpdate == null ? "RESTRICT" : onUpdate, onDelete == null ? "RESTRICT" : onDelete);
        }
    }
}

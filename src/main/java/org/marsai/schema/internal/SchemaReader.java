package org.marsai.schema.internal;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a schema from {@code information_schema} (read access is all it needs) into a {@link SchemaModel}.
 * Liquibase's tables and the original tool's {@code SequelizeMeta} are not part of the schema.
 */
public final class SchemaReader {

    /** Tables a database managed by this library may hold besides the MarsAI tables (compared lower-case). */
    public static final Set<String> BOOKKEEPING_TABLES = Set.of("databasechangelog", "databasechangeloglock",
            "sequelizemeta");

    private static final Pattern INTEGER_WIDTH = Pattern.compile("^(tinyint|smallint|mediumint|int|bigint)\\(\\d+\\)");
    private static final Set<String> TEXTUAL = Set.of("char", "varchar", "tinytext", "text", "mediumtext", "longtext",
            "enum", "set", "binary", "varbinary");

    private SchemaReader() {
    }

    public static SchemaModel read(Connection connection, String schema) throws SQLException {
        boolean mariaDb = connection.getMetaData().getDatabaseProductVersion().toLowerCase(Locale.ROOT)
                .contains("mariadb");
        Map<String, String> engines = new TreeMap<>();
        query(connection, "SELECT TABLE_NAME, ENGINE FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'", schema, rs -> {
            if (!BOOKKEEPING_TABLES.contains(rs.getString(1).toLowerCase(Locale.ROOT))) {
                engines.put(rs.getString(1), rs.getString(2));
            }
        });

        Map<String, List<SchemaModel.Column>> columns = new LinkedHashMap<>();
        query(connection, "SELECT TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT,"
                + " EXTRA, COLUMN_COMMENT, DATA_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ?"
                + " ORDER BY TABLE_NAME, ORDINAL_POSITION", schema, rs -> {
            String table = rs.getString(1);
            if (!engines.containsKey(table)) {
                return;
            }
            boolean nullable = "YES".equalsIgnoreCase(rs.getString(5));
            String extra = rs.getString(7) == null ? "" : rs.getString(7).toLowerCase(Locale.ROOT);
            String dataType = rs.getString(9).toLowerCase(Locale.ROOT);
            columns.computeIfAbsent(table, t -> new ArrayList<>()).add(new SchemaModel.Column(rs.getString(2),
                    rs.getInt(3), type(rs.getString(4)), nullable,
                    defaultValue(rs.getString(6), nullable, dataType, extra, mariaDb),
                    extra.contains("auto_increment"),
                    extra.contains("on update") ? "CURRENT_TIMESTAMP" : null, rs.getString(8)));
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

        Map<String, Map<String, FkBuilder>> foreignKeys = new LinkedHashMap<>();
        query(connection, "SELECT rc.TABLE_NAME, rc.CONSTRAINT_NAME, rc.REFERENCED_TABLE_NAME, rc.UPDATE_RULE,"
                + " rc.DELETE_RULE, k.COLUMN_NAME, k.REFERENCED_COLUMN_NAME"
                + " FROM information_schema.REFERENTIAL_CONSTRAINTS rc"
                + " JOIN information_schema.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = rc.CONSTRAINT_SCHEMA"
                + " AND k.CONSTRAINT_NAME = rc.CONSTRAINT_NAME AND k.TABLE_NAME = rc.TABLE_NAME"
                + " WHERE rc.CONSTRAINT_SCHEMA = ? ORDER BY rc.TABLE_NAME, rc.CONSTRAINT_NAME, k.ORDINAL_POSITION",
                schema, rs -> {
            String table = rs.getString(1);
            String referencedTable = rs.getString(3);
            String onUpdate = rs.getString(4);
            String onDelete = rs.getString(5);
            if (engines.containsKey(table)) {
                FkBuilder fk = foreignKeys.computeIfAbsent(table, t -> new TreeMap<>())
                        .computeIfAbsent(rs.getString(2), n -> new FkBuilder(n, referencedTable, onUpdate, onDelete));
                fk.columns.add(rs.getString(6));
                fk.referencedColumns.add(rs.getString(7));
            }
        });

        Map<String, SchemaModel.Table> tables = new TreeMap<>();
        engines.forEach((name, engine) -> tables.put(name, new SchemaModel.Table(name, engine,
                columns.getOrDefault(name, List.of()),
                indexes.getOrDefault(name, Map.of()).values().stream().map(IndexBuilder::build).toList(),
                foreignKeys.getOrDefault(name, Map.of()).values().stream().map(FkBuilder::build).toList())));
        return new SchemaModel(tables);
    }

    /** {@code int(11)} as {@code int}, as MySQL 8 shows it; {@code tinyint(1)} keeps its width (a boolean). */
    static String type(String columnType) {
        String type = columnType.toLowerCase(Locale.ROOT).trim();
        if (type.startsWith("enum(") || type.startsWith("set(")) {
            return type.substring(0, type.indexOf('(')) + columnType.trim().substring(type.indexOf('('));
        }
        Matcher m = INTEGER_WIDTH.matcher(type);
        if (m.find() && !type.startsWith("tinyint(1)")) {
            type = m.group(1) + type.substring(m.end());
        }
        return type;
    }

    /**
     * One form for both servers. MariaDB quotes string defaults and writes {@code NULL} and
     * {@code current_timestamp()}; MySQL 8 writes strings bare and {@code CURRENT_TIMESTAMP}.
     */
    static String defaultValue(String raw, boolean nullable, String dataType, String extra, boolean mariaDb) {
        if (raw == null || (mariaDb && raw.equals("NULL"))) {
            return nullable ? "NULL" : "none";
        }
        String lower = raw.toLowerCase(Locale.ROOT);
        if (lower.equals("current_timestamp") || lower.equals("current_timestamp()") || lower.equals("now()")) {
            return "CURRENT_TIMESTAMP";
        }
        if (mariaDb) {
            if (raw.length() >= 2 && raw.startsWith("'") && raw.endsWith("'")) {
                return SchemaModel.quote(raw.substring(1, raw.length() - 1).replace("''", "'").replace("\\\\", "\\"));
            }
            return raw;
        }
        if (extra.contains("default_generated")) {
            return "(" + raw + ")";
        }
        return TEXTUAL.contains(dataType) ? SchemaModel.quote(raw) : raw;
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

    private static final class FkBuilder {
        final String name;
        final String referencedTable;
        final String onUpdate;
        final String onDelete;
        final List<String> columns = new ArrayList<>();
        final List<String> referencedColumns = new ArrayList<>();

        FkBuilder(String name, String referencedTable, String onUpdate, String onDelete) {
            this.name = name;
            this.referencedTable = referencedTable;
            this.onUpdate = onUpdate;
            this.onDelete = onDelete;
        }

        SchemaModel.ForeignKey build() {
            return new SchemaModel.ForeignKey(name, columns, referencedTable, referencedColumns, onUpdate, onDelete);
        }
    }
}

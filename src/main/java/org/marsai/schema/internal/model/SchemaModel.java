package org.marsai.schema.internal.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A database schema as {@code information_schema} describes it, reduced to a form in which MariaDB and
 * MySQL 8 agree: integer display widths dropped (except {@code tinyint(1)}), defaults written one way
 * ({@code none}, {@code NULL}, {@code CURRENT_TIMESTAMP}, a quoted string or a number).
 */
public record SchemaModel(Map<String, Table> tables) {

    public SchemaModel {
        tables = Collections.unmodifiableMap(new TreeMap<>(tables));
    }

    /**
     * @param collation the table's collation; {@code null} when not checked (the changelog leaves it to the
     *                  database's default), a bare character set such as {@code utf8mb4} when any collation
     *                  of it will do
     */
    public record Table(String name, String engine, String collation, List<Column> columns, List<Index> indexes,
                        List<ForeignKey> foreignKeys) {
        public Table {
            columns = List.copyOf(columns);
            indexes = List.copyOf(indexes);
            foreignKeys = List.copyOf(foreignKeys);
        }
    }

    /**
     * @param defaultValue {@code none} when the column has no default, otherwise its canonical form
     * @param collation    the column's own collation where it differs from its table's; {@code null} otherwise
     */
    public record Column(String name, int position, String type, boolean nullable, String defaultValue,
                         boolean autoIncrement, String onUpdate, String comment, String collation) {
    }

    public record Index(String name, boolean unique, List<String> columns) {
        public Index {
            columns = List.copyOf(columns);
        }
    }

    public record ForeignKey(String name, List<String> columns, String referencedTable,
                             List<String> referencedColumns, String onUpdate, String onDelete) {
        public ForeignKey {
            columns = List.copyOf(columns);
            referencedColumns = List.copyOf(referencedColumns);
        }
    }

    /** The same schema, every table expected in {@code collation} (see {@link Table#collation()}). */
    public SchemaModel withCollation(String collation) {
        Map<String, Table> tables = new TreeMap<>();
        tables().forEach((name, t) -> tables.put(name, new Table(t.name(), t.engine(), collation, t.columns(),
                t.indexes(), t.foreignKeys())));
        return new SchemaModel(tables);
    }

    /** One line per table, column, index and foreign key, grouped by table: easy to read and to compare. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (Table table : tables.values()) {
            lines.add("table " + table.name() + " engine=" + table.engine());
            for (Column c : table.columns()) {
                StringBuilder line = new StringBuilder("column ").append(table.name()).append(' ')
                        .append(c.position()).append(' ').append(c.name()).append(' ').append(c.type())
                        .append(c.nullable() ? " NULL" : " NOT-NULL").append(" default=").append(c.defaultValue());
                if (c.autoIncrement()) {
                    line.append(" auto_increment");
                }
                if (c.onUpdate() != null) {
                    line.append(" on-update=").append(c.onUpdate());
                }
                if (c.comment() != null && !c.comment().isEmpty()) {
                    line.append(" comment=").append(Normalization.quote(c.comment()));
                }
                lines.add(line.toString());
            }
            for (Index index : table.indexes()) {
                lines.add("index " + table.name() + " " + index.name() + (index.unique() ? " unique" : " non-unique")
                        + " (" + String.join(",", index.columns()) + ")");
            }
            for (ForeignKey fk : table.foreignKeys()) {
                lines.add("fk " + table.name() + " " + fk.name() + " (" + String.join(",", fk.columns()) + ") -> "
                        + fk.referencedTable() + " (" + String.join(",", fk.referencedColumns()) + ") on-update="
                        + fk.onUpdate() + " on-delete=" + fk.onDelete());
            }
        }
        return lines;
    }
}

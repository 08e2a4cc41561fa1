package org.marsai.schema.internal;

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
record SchemaModel(Map<String, Table> tables) {

    SchemaModel {
        tables = Collections.unmodifiableMap(new TreeMap<>(tables));
    }

    public record Table(String name, String engine, List<Column> columns, List<Index> indexes,
                        List<ForeignKey> foreignKeys) {
        public Table {
            columns = List.copyOf(columns);
            indexes = List.copyOf(indexes);
            foreignKeys = List.copyOf(foreignKeys);
        }
    }

    /**
     * @param defaultValue {@code none} when the column has no default, otherwise its canonical form
     */
    public record Column(String name, int position, String type, boolean nullable, String defaultValue,
                         boolean autoIncrement, String onUpdate, String comment) {
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

    /** One line per table, column, index and foreign key, grouped by table: easy to read and to compare. */
    List<String> lines() {
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

package org.marsai.schema.internal.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.marsai.schema.Difference;
import org.marsai.schema.Difference.Kind;

/** Every difference between the schema a database should have and the one it has. */
public final class SchemaComparator {

    private SchemaComparator() {
    }

    public static List<Difference> compare(SchemaModel expected, SchemaModel actual) {
        List<Difference> differences = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(expected.tables().keySet());
        names.addAll(actual.tables().keySet());
        for (String name : names) {
            SchemaModel.Table want = expected.tables().get(name);
            SchemaModel.Table have = actual.tables().get(name);
            if (have == null) {
                differences.add(new Difference(Kind.TABLE_MISSING, name, name, columnList(want), ""));
            } else if (want == null) {
                differences.add(new Difference(Kind.TABLE_EXTRA, name, name, "", columnList(have)));
            } else {
                compareTables(want, have, differences);
            }
        }
        return differences;
    }

    private static void compareTables(SchemaModel.Table want, SchemaModel.Table have, List<Difference> out) {
        String table = want.name();
        if (!want.engine().equalsIgnoreCase(have.engine())) {
            out.add(new Difference(Kind.TABLE_ENGINE, table, table, want.engine(), have.engine()));
        }
        if (want.collation() != null && !collationMatches(want.collation(), have.collation())) {
            out.add(new Difference(Kind.TABLE_CHARSET, table, table, want.collation(), have.collation()));
        }
        Map<String, SchemaModel.Column> haveColumns = byName(have.columns(), SchemaModel.Column::name);
        Map<String, SchemaModel.Column> wantColumns = byName(want.columns(), SchemaModel.Column::name);
        for (SchemaModel.Column w : want.columns()) {
            SchemaModel.Column h = haveColumns.get(w.name());
            if (h == null) {
                out.add(new Difference(Kind.COLUMN_MISSING, table, w.name(), definition(w), ""));
                continue;
            }
            String wd = definition(w);
            String hd = definition(h);
            if (!w.type().equals(h.type())) {
                out.add(new Difference(Kind.COLUMN_TYPE, table, w.name(), wd, hd));
            }
            if (w.nullable() != h.nullable()) {
                out.add(new Difference(Kind.COLUMN_NULLABILITY, table, w.name(), wd, hd));
            }
            boolean implicitDefaults = Set.of("none", "NULL").contains(w.defaultValue())
                    && Set.of("none", "NULL").contains(h.defaultValue());
            if (!w.defaultValue().equals(h.defaultValue()) && !(w.nullable() != h.nullable() && implicitDefaults)) {
                out.add(new Difference(Kind.COLUMN_DEFAULT, table, w.name(), wd, hd));
            }
            if (w.autoIncrement() != h.autoIncrement()) {
                out.add(new Difference(Kind.COLUMN_AUTO_INCREMENT, table, w.name(), wd, hd));
            }
            if (!Objects.equals(w.onUpdate(), h.onUpdate())) {
                out.add(new Difference(Kind.COLUMN_ON_UPDATE, table, w.name(), wd, hd));
            }
            if (!Objects.equals(blank(w.comment()), blank(h.comment()))) {
                out.add(new Difference(Kind.COLUMN_COMMENT, table, w.name(), wd, hd));
            }
            if (want.collation() != null && !Objects.equals(w.collation(), h.collation())) {
                out.add(new Difference(Kind.COLUMN_COLLATION, table, w.name(), w.collation() == null
                        ? "the table's collation" : w.collation(), h.collation() == null ? "the table's collation"
                        : h.collation()));
            }
        }
        for (SchemaModel.Column h : have.columns()) {
            if (!wantColumns.containsKey(h.name())) {
                out.add(new Difference(Kind.COLUMN_EXTRA, table, h.name(), "", definition(h) + " at " + place(have, h)));
            }
        }
        movedColumns(want, have, out);

        Map<String, SchemaModel.Index> haveIndexes = byName(have.indexes(), SchemaModel.Index::name);
        Map<String, SchemaModel.Index> wantIndexes = byName(want.indexes(), SchemaModel.Index::name);
        for (SchemaModel.Index w : want.indexes()) {
            SchemaModel.Index h = haveIndexes.get(w.name());
            if (h == null) {
                out.add(new Difference(Kind.INDEX_MISSING, table, w.name(), index(w), ""));
            } else if (w.unique() != h.unique() || !lower(w.columns()).equals(lower(h.columns()))) {
                out.add(new Difference(Kind.INDEX_CHANGED, table, w.name(), index(w), index(h)));
            }
        }
        for (SchemaModel.Index h : have.indexes()) {
            if (!wantIndexes.containsKey(h.name())) {
                out.add(new Difference(Kind.INDEX_EXTRA, table, h.name(), "", index(h)));
            }
        }

        Map<String, SchemaModel.ForeignKey> haveKeys = byName(have.foreignKeys(), SchemaModel.ForeignKey::name);
        Map<String, SchemaModel.ForeignKey> wantKeys = byName(want.foreignKeys(), SchemaModel.ForeignKey::name);
        for (SchemaModel.ForeignKey w : want.foreignKeys()) {
            SchemaModel.ForeignKey h = haveKeys.get(w.name());
            if (h == null) {
                out.add(new Difference(Kind.FOREIGN_KEY_MISSING, table, w.name(), foreignKey(w), ""));
            } else if (!foreignKey(w).equalsIgnoreCase(foreignKey(h))) {
                out.add(new Difference(Kind.FOREIGN_KEY_CHANGED, table, w.name(), foreignKey(w), foreignKey(h)));
            }
        }
        for (SchemaModel.ForeignKey h : have.foreignKeys()) {
            if (!wantKeys.containsKey(h.name())) {
                out.add(new Difference(Kind.FOREIGN_KEY_EXTRA, table, h.name(), "", foreignKey(h)));
            }
        }
    }

    /**
     * Columns whose order among the columns both sides have differs: the fewest columns that, moved,
     * restore the expected order (those outside a longest common subsequence). Columns added or removed
     * elsewhere do not count as moves.
     */
    private static void movedColumns(SchemaModel.Table want, SchemaModel.Table have, List<Difference> out) {
        Map<String, SchemaModel.Column> haveColumns = byName(have.columns(), SchemaModel.Column::name);
        Map<String, SchemaModel.Column> wantColumns = byName(want.columns(), SchemaModel.Column::name);
        List<String> a = want.columns().stream().map(SchemaModel.Column::name).filter(haveColumns::containsKey).toList();
        List<String> b = have.columns().stream().map(SchemaModel.Column::name).filter(wantColumns::containsKey).toList();
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        TreeSet<String> inPlace = new TreeSet<>();
        for (int i = 0, j = 0; i < a.size() && j < b.size(); ) {
            if (a.get(i).equals(b.get(j))) {
                inPlace.add(a.get(i));
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        for (String column : a) {
            if (!inPlace.contains(column)) {
                out.add(new Difference(Kind.COLUMN_POSITION, want.name(), column,
                        place(want, wantColumns.get(column)), place(have, haveColumns.get(column))));
            }
        }
    }

    private static String place(SchemaModel.Table table, SchemaModel.Column column) {
        int index = table.columns().indexOf(column);
        return "position " + (index + 1) + (index == 0 ? " (first)" : " (after " + table.columns().get(index - 1).name() + ")");
    }

    /** A column as MySQL would declare it. */
    /** A bare character set ({@code utf8mb4}) accepts any of its collations; a collation only itself. */
    private static boolean collationMatches(String want, String have) {
        return have != null && (want.contains("_") ? want.equalsIgnoreCase(have)
                : have.toLowerCase(Locale.ROOT).startsWith(want.toLowerCase(Locale.ROOT) + "_"));
    }

    static String definition(SchemaModel.Column c) {
        StringBuilder text = new StringBuilder(c.type()).append(c.nullable() ? " NULL" : " NOT NULL");
        if (!c.defaultValue().equals("none")) {
            text.append(" DEFAULT ").append(c.defaultValue());
        }
        if (c.autoIncrement()) {
            text.append(" AUTO_INCREMENT");
        }
        if (c.onUpdate() != null) {
            text.append(" ON UPDATE ").append(c.onUpdate());
        }
        if (c.comment() != null && !c.comment().isEmpty()) {
            text.append(" COMMENT ").append(Normalization.quote(c.comment()));
        }
        return text.toString();
    }

    private static String index(SchemaModel.Index index) {
        return (index.unique() ? "unique" : "non-unique") + " (" + String.join(", ", index.columns()) + ")";
    }

    private static String foreignKey(SchemaModel.ForeignKey fk) {
        return "(" + String.join(", ", fk.columns()) + ") REFERENCES " + fk.referencedTable() + " ("
                + String.join(", ", fk.referencedColumns()) + ") ON UPDATE " + fk.onUpdate() + " ON DELETE " + fk.onDelete();
    }

    private static String columnList(SchemaModel.Table table) {
        return table.columns().size() + " columns (" + String.join(", ",
                table.columns().stream().map(SchemaModel.Column::name).toList()) + ")";
    }

    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(i -> map.put(name.apply(i), i));
        return map;
    }

    private static List<String> lower(List<String> names) {
        return names.stream().map(String::toLowerCase).toList();
    }

    private static String blank(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}

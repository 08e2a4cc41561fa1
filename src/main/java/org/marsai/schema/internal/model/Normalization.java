package org.marsai.schema.internal.model;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one home of the rules that bring a schema into the form {@link SchemaModel} compares, shared by the
 * model worked out from the changelog ({@link SchemaBuilder}) and the one read from a server
 * ({@link SchemaReader}): how types, defaults and referential actions are spelled once MariaDB's and
 * MySQL 8's differences are taken out.
 */
public final class Normalization {

    /** Types whose default is a string literal. */
    private static final Set<String> TEXTUAL = Set.of("char", "varchar", "tinytext", "text", "mediumtext", "longtext",
            "enum", "set", "binary", "varbinary");
    private static final Pattern INTEGER_WIDTH = Pattern.compile("^(tinyint|smallint|mediumint|int|bigint)\\(\\d+\\)");
    static final String CURRENT_TIMESTAMP = "CURRENT_TIMESTAMP";

    private Normalization() {
    }

    /**
     * A column type as MySQL 8 shows it: lower case, integer display widths dropped except {@code tinyint(1)}
     * (a boolean); ENUM and SET values keep their case.
     */
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

    /** Whether a default of this type is a string literal. */
    public static boolean isTextual(String type) {
        int paren = type.indexOf('(');
        return TEXTUAL.contains((paren < 0 ? type : type.substring(0, paren)).trim().toLowerCase(Locale.ROOT));
    }

    /** {@code CURRENT_TIMESTAMP} for any spelling of it ({@code current_timestamp()}, {@code now()}), else null. */
    static String currentTimestamp(String value) {
        String lower = value.trim().toLowerCase(Locale.ROOT);
        return lower.equals("current_timestamp") || lower.equals("current_timestamp()") || lower.equals("now()")
                ? CURRENT_TIMESTAMP : null;
    }

    /** The server's name for a referential action; NO ACTION and RESTRICT are the same in InnoDB. */
    static String rule(String rule) {
        if (rule == null || rule.isBlank()) {
            return "RESTRICT";
        }
        String upper = rule.trim().toUpperCase(Locale.ROOT).replace('_', ' ');
        return upper.equals("NO ACTION") ? "RESTRICT" : upper;
    }

    /** A string as an SQL literal. */
    public static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** The text of an SQL string literal; text that is not quoted is returned as it is. */
    static String unquote(String literal) {
        String text = literal.trim();
        if (text.length() >= 2 && text.startsWith("'") && text.endsWith("'")) {
            text = text.substring(1, text.length() - 1);
        }
        return text.replace("''", "'");
    }
}

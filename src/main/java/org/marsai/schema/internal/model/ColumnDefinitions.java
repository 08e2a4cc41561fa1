package org.marsai.schema.internal.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import liquibase.change.ColumnConfig;
import liquibase.change.ConstraintsConfig;

/**
 * Column definitions as the changelog writes them, read with MySQL's semantics into {@link SchemaModel}
 * columns: Liquibase's column elements, and the whole definitions {@code MODIFY}/{@code CHANGE} take.
 */
public final class ColumnDefinitions {

    private ColumnDefinitions() {
    }

    /** A column as Liquibase's {@code column} element describes it ({@code createTable}, {@code addColumn}). */
    static SchemaModel.Column column(ColumnConfig config, boolean primary) {
        ConstraintsConfig constraints = config.getConstraints();
        boolean nullable = !primary && (constraints == null || !Boolean.FALSE.equals(constraints.isNullable()));
        String type = type(config.getType());
        boolean autoIncrement = Boolean.TRUE.equals(config.isAutoIncrement());
        String defaultValue;
        if (config.getDefaultValueComputed() != null) {
            String value = config.getDefaultValueComputed().getValue();
            defaultValue = Normalization.currentTimestamp(value) != null ? Normalization.CURRENT_TIMESTAMP : value.trim();
        } else if (config.getDefaultValueNumeric() != null) {
            defaultValue = number(config.getDefaultValueNumeric());
        } else if (config.getDefaultValueBoolean() != null) {
            defaultValue = config.getDefaultValueBoolean() ? "1" : "0";
        } else if (config.getDefaultValue() != null) {
            defaultValue = Normalization.isTextual(type) ? Normalization.quote(config.getDefaultValue())
                    : config.getDefaultValue();
        } else {
            defaultValue = nullable ? "NULL" : "none";
        }
        return new SchemaModel.Column(config.getName(), 0, type, nullable, defaultValue, autoIncrement, null,
                config.getRemarks() == null ? "" : config.getRemarks(), null);
    }

    /**
     * A whole MySQL column definition, as {@code MODIFY}/{@code CHANGE} take it: the type, then any of
     * {@code [NOT] NULL}, {@code DEFAULT x}, {@code AUTO_INCREMENT}, {@code COMMENT '...'}. What is not
     * written is reset: nullable, no default, no comment.
     */
    public static SchemaModel.Column define(String name, String definition, String remarks) {
        String text = definition.trim();
        int typeEnd = typeEnd(text);
        String type = type(text.substring(0, typeEnd));
        List<String> tokens = tokens(text.substring(typeEnd));
        boolean nullable = true;
        boolean autoIncrement = false;
        String defaultValue = null;
        String comment = remarks == null ? "" : remarks;
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i).toUpperCase(Locale.ROOT);
            switch (token) {
                case "NOT" -> {
                    nullable = false;
                    i++;
                }
                case "NULL" -> nullable = true;
                case "AUTO_INCREMENT" -> autoIncrement = true;
                case "DEFAULT" -> {
                    String value = tokens.get(++i);
                    String now = Normalization.currentTimestamp(value);
                    defaultValue = value.startsWith("'") ? Normalization.quote(Normalization.unquote(value))
                            : value.equalsIgnoreCase("NULL") ? "NULL"
                            : now != null ? now
                            : Normalization.isTextual(type) ? Normalization.quote(value) : value;
                }
                case "COMMENT" -> comment = Normalization.unquote(tokens.get(++i));
                default -> throw new UnsupportedChangeException("cannot read '" + tokens.get(i) + "' in " + definition);
            }
        }
        if (defaultValue == null) {
            defaultValue = nullable ? "NULL" : "none";
        }
        return new SchemaModel.Column(name, 0, type, nullable, defaultValue, autoIncrement, null, comment, null);
    }

    private static int typeEnd(String text) {
        int i = 0;
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
            i++;
        }
        if (i < text.length() && text.charAt(i) == '(') {
            boolean quoted = false;
            for (; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\'') {
                    quoted = !quoted;
                } else if (c == ')' && !quoted) {
                    return i + 1;
                }
            }
        }
        String rest = text.substring(i).toUpperCase(Locale.ROOT);
        if (rest.startsWith(" UNSIGNED")) {
            i += " UNSIGNED".length();
        }
        return i;
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                int j = i + 1;
                while (j < text.length()) {
                    if (text.charAt(j) == '\'' && j + 1 < text.length() && text.charAt(j + 1) == '\'') {
                        j += 2;
                    } else if (text.charAt(j) == '\'') {
                        break;
                    } else {
                        j++;
                    }
                }
                tokens.add(text.substring(i, Math.min(j + 1, text.length())));
                i = j + 1;
            } else {
                int j = i;
                while (j < text.length() && !Character.isWhitespace(text.charAt(j))) {
                    j++;
                }
                tokens.add(text.substring(i, j));
                i = j;
            }
        }
        return tokens;
    }

    /** A Liquibase column type as the server reports it, in {@link Normalization#type}'s form. */
    static String type(String liquibaseType) {
        String type = liquibaseType.trim();
        String lower = type.toLowerCase(Locale.ROOT);
        if (lower.startsWith("enum(") || lower.startsWith("set(")) {
            int open = type.indexOf('(');
            List<String> values = new ArrayList<>();
            for (String token : tokens(type.substring(open + 1, type.lastIndexOf(')')).replace(",", " , "))) {
                if (!token.equals(",")) {
                    values.add(Normalization.quote(Normalization.unquote(token)));
                }
            }
            return lower.substring(0, open) + "(" + String.join(",", values) + ")";
        }
        return Normalization.type(lower.replaceAll("\\s+", " ")
                .replace("integer", "int").replace("boolean", "tinyint(1)").replace("bool", "tinyint(1)"));
    }

    private static String number(Number number) {
        return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
    }

}

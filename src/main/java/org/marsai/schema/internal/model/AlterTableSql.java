package org.marsai.schema.internal.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The schema effect of an {@code sql} change that is one {@code ALTER TABLE} statement, for the clauses a
 * changeset needs when several changes must happen at once (a primary key replaced in one statement, so that
 * the table never lacks one): {@code ADD [COLUMN] name definition [FIRST | AFTER col]}, {@code DROP [COLUMN]
 * name}, {@code DROP PRIMARY KEY}, {@code ADD PRIMARY KEY (cols)}, {@code ADD UNIQUE [KEY|INDEX] name (cols)},
 * {@code ADD [KEY|INDEX] name (cols)}, {@code DROP {KEY|INDEX} name}. Anything else cannot be modelled.
 */
public final class AlterTableSql {

    private static final Pattern ALTER = Pattern.compile("(?is)^\\s*ALTER\\s+TABLE\\s+`?(\\w+)`?\\s+(.*?);?\\s*$");
    private static final Pattern ADD_COLUMN = Pattern.compile("(?is)^ADD\\s+(?:COLUMN\\s+)?`?(\\w+)`?\\s+(.*?)"
            + "(?:\\s+(FIRST)|\\s+AFTER\\s+`?(\\w+)`?)?$");
    private static final Pattern DROP_COLUMN = Pattern.compile("(?is)^DROP\\s+(?:COLUMN\\s+)?`?(\\w+)`?$");
    private static final Pattern DROP_PRIMARY = Pattern.compile("(?is)^DROP\\s+PRIMARY\\s+KEY$");
    private static final Pattern ADD_PRIMARY = Pattern.compile("(?is)^ADD\\s+PRIMARY\\s+KEY\\s*\\((.*)\\)$");
    private static final Pattern ADD_INDEX = Pattern.compile(
            "(?is)^ADD\\s+(UNIQUE\\s+)?(?:KEY|INDEX)?\\s*`?(\\w+)`?\\s*\\((.*)\\)$");
    private static final Pattern DROP_INDEX = Pattern.compile("(?is)^DROP\\s+(?:KEY|INDEX)\\s+`?(\\w+)`?$");

    /** One clause of the statement, as the model applies it. */
    sealed interface Clause {
    }

    /** A column added; {@code after} null: at the end, empty: first. */
    record AddColumn(String table, SchemaModel.Column column, String after) implements Clause {
    }

    record DropColumn(String table, String column) implements Clause {
    }

    record AddIndex(String table, String name, boolean unique, List<String> columns) implements Clause {
    }

    record DropIndex(String table, String name) implements Clause {
    }

    private AlterTableSql() {
    }

    static List<Clause> parse(String sql) {
        List<Clause> parsed = new ArrayList<>();
        Matcher alter = ALTER.matcher(sql == null ? "" : sql.trim());
        if (!alter.matches()) {
            throw new UnsupportedChangeException("cannot work out the schema after an sql change that is not one"
                    + " ALTER TABLE statement");
        }
        String table = alter.group(1);
        for (String clause : clauses(alter.group(2))) {
            Matcher m;
            if ((m = DROP_PRIMARY.matcher(clause)).matches()) {
                parsed.add(new DropIndex(table, "PRIMARY"));
            } else if ((m = ADD_PRIMARY.matcher(clause)).matches()) {
                parsed.add(new AddIndex(table, "PRIMARY", true, names(m.group(1))));
            } else if ((m = DROP_INDEX.matcher(clause)).matches()) {
                parsed.add(new DropIndex(table, m.group(1)));
            } else if ((m = DROP_COLUMN.matcher(clause)).matches() && !m.group(1).equalsIgnoreCase("PRIMARY")) {
                parsed.add(new DropColumn(table, m.group(1)));
            } else if ((m = ADD_INDEX.matcher(clause)).matches() && !clause.toUpperCase(Locale.ROOT).startsWith("ADD COLUMN")
                    && (m.group(1) != null || clause.toUpperCase(Locale.ROOT).matches("^ADD\\s+(KEY|INDEX)\\b.*"))) {
                parsed.add(new AddIndex(table, m.group(2), m.group(1) != null, names(m.group(3))));
            } else if ((m = ADD_COLUMN.matcher(clause)).matches()) {
                String after = m.group(3) != null ? "" : m.group(4);
                parsed.add(new AddColumn(table, ColumnDefinitions.define(m.group(1), m.group(2), null), after));
            } else {
                throw new UnsupportedChangeException("cannot work out the schema after '" + clause + "'");
            }
        }
        return parsed;
    }

    /** The statement's clauses: split at commas outside parentheses and quotes. */
    static List<String> clauses(String body) {
        List<String> clauses = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                clauses.add(body.substring(start, i).trim().replaceAll("\\s+", " "));
                start = i + 1;
            }
        }
        clauses.add(body.substring(start).trim().replaceAll("\\s+", " "));
        return clauses;
    }

    private static List<String> names(String list) {
        return List.of(list.replace("`", "").trim().split("\\s*,\\s*"));
    }
}

package org.marsai.schema.internal.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.marsai.schema.ErrorCode;
import org.marsai.schema.MarsSchemaException;

/**
 * The bookkeeping tables of a database (Liquibase's history and lock tables, the original tool's
 * {@code SequelizeMeta}) as the database spells them: a database restored from a case-insensitive server may
 * hold {@code databasechangelog}.
 */
public final class Bookkeeping {

    /** Their names, comma-separated, as one SQL expression. */
    static final String QUERY = "(SELECT GROUP_CONCAT(TABLE_NAME SEPARATOR ',')"
            + " FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND UPPER(TABLE_NAME) IN"
            + " ('DATABASECHANGELOG', 'DATABASECHANGELOGLOCK', 'SEQUELIZEMETA'))";

    private final Map<String, List<String>> byUpperCase = new HashMap<>();
    private final String where;

    Bookkeeping(String names, String where) {
        this.where = where;
        if (names != null && !names.isEmpty()) {
            for (String name : names.split(",")) {
                byUpperCase.computeIfAbsent(name.toUpperCase(Locale.ROOT), k -> new ArrayList<>()).add(name);
            }
        }
    }

    static Bookkeeping read(Connection connection, String where) {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT " + QUERY)) {
            rs.next();
            return new Bookkeeping(rs.getString(1), where);
        } catch (SQLException e) {
            throw Failures.of(e, where, "read the names of the history tables");
        }
    }

    /**
     * Liquibase's history table; refuses when two tables differ only in case (a case-sensitive server can hold
     * both), since either could be the real history.
     */
    public Optional<String> history() {
        List<String> found = byUpperCase.getOrDefault("DATABASECHANGELOG", List.of());
        if (found.size() > 1) {
            throw new MarsSchemaException(ErrorCode.VALIDATION_FAILED, where + " holds " + found.size()
                    + " history tables whose names differ only in case (" + String.join(", ", found) + "), so either"
                    + " could be this database's history: keep the one with the rows (SELECT COUNT(*) FROM each)"
                    + " and drop or rename the other, then retry.");
        }
        return found.stream().findFirst();
    }

    /** Liquibase's lock table. */
    public Optional<String> lock() {
        return byUpperCase.getOrDefault("DATABASECHANGELOGLOCK", List.of()).stream().findFirst();
    }

    /** The original tool's {@code SequelizeMeta}. */
    public Optional<String> sequelizeMeta() {
        return byUpperCase.getOrDefault("SEQUELIZEMETA", List.of()).stream().findFirst();
    }
}

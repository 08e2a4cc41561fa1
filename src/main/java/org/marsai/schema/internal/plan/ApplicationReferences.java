package org.marsai.schema.internal.plan;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.marsai.schema.ErrorCode;
import org.marsai.schema.MarsSchemaException;
import org.marsai.schema.internal.jdbc.Failures;
import org.marsai.schema.internal.jdbc.Session;
import org.marsai.schema.internal.liquibase.Changelog;
import org.marsai.schema.internal.model.SchemaModel;

/**
 * Foreign keys of the application's own tables that point at MarsAI tables (e.g. {@code app_sessions.id_user ->
 * users}). The server will not drop a table or column such a key references, so a rollback that would drop one
 * refuses before its first statement instead of stopping halfway.
 */
public final class ApplicationReferences {

    private final Changelog changelog;

    public ApplicationReferences(Changelog changelog) {
        this.changelog = changelog;
    }

    /** Refuses, naming each key and the table or column it holds on to, if the plan drops what one references. */
    public void requireNoneBlock(Session session, RollbackPlan plan) {
        Set<String> droppedTables = new TreeSet<>();
        Set<String> droppedColumns = new TreeSet<>();
        for (RollbackPlan.Step step : plan.steps()) {
            for (SchemaModel.Table table : step.before().tables().values()) {
                SchemaModel.Table after = step.after().tables().get(table.name());
                if (after == null) {
                    droppedTables.add(lower(table.name()));
                    continue;
                }
                table.columns().stream().filter(c -> after.columns().stream().noneMatch(a -> a.name().equals(c.name())))
                        .forEach(c -> droppedColumns.add(lower(table.name() + "." + c.name())));
            }
        }
        if (droppedTables.isEmpty() && droppedColumns.isEmpty()) {
            return;
        }
        List<String> blocking = new ArrayList<>();
        String sql = "SELECT TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME, REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME"
                + " FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = DATABASE()"
                + " AND REFERENCED_TABLE_SCHEMA = DATABASE() AND REFERENCED_TABLE_NAME IS NOT NULL"
                + " ORDER BY TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION";
        try (PreparedStatement statement = session.connection.prepareStatement(sql);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                String table = rs.getString(1);
                String referenced = rs.getString(4);
                if (changelog.manages(table)) {
                    continue;
                }
                boolean tableDropped = droppedTables.contains(lower(referenced));
                if (tableDropped || droppedColumns.contains(lower(referenced + "." + rs.getString(5)))) {
                    String key = table + "." + rs.getString(2) + " (" + rs.getString(3) + " -> " + referenced + "."
                            + rs.getString(5) + ")";
                    if (!blocking.contains(key)) {
                        blocking.add(key);
                    }
                }
            }
        } catch (SQLException e) {
            throw Failures.of(e, session.where(), "read the foreign keys that point at MarsAI tables");
        }
        if (!blocking.isEmpty()) {
            throw new MarsSchemaException(ErrorCode.ROLLBACK_REFUSED, "Rollback refused, nothing was changed: it"
                    + " would drop what foreign keys of the application's own tables reference ("
                    + String.join("; ", blocking) + "), and the server refuses to drop a referenced table or column."
                    + " Drop or change those keys first (they belong to the application, which this library never"
                    + " touches), then roll back again.");
        }
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}

package org.marsai.schema.internal.command;

import java.util.List;
import java.util.Optional;

import org.marsai.schema.ChangeSetInfo;
import org.marsai.schema.ErrorCode;
import org.marsai.schema.MarsSchemaException;
import org.marsai.schema.internal.history.History;
import org.marsai.schema.internal.liquibase.Changelog;
import org.marsai.schema.internal.liquibase.LiveSchema;
import org.marsai.schema.internal.plan.InstallScript;
import org.marsai.schema.internal.plan.Preview;

/**
 * The consolidated install as a script for a DBA: the schema as the changesets leave it, one {@code CREATE TABLE}
 * per table, then their history rows in one {@code INSERT}; reviewable in one read and runnable with the
 * {@code mysql}/{@code mariadb} client. For an empty database only: with a database configured, one with MarsAI
 * tables, history or SequelizeMeta is refused (its {@code update-sql} is the step-by-step script).
 */
public final class InstallSqlOperation {

    private final Context context;

    public InstallSqlOperation(Context context) {
        this.context = context;
    }

    public String installSql(Optional<String> target) {
        Changelog changelog = context.changelog;
        List<String> migrations = changelog.migrations();
        String migration = target.map(changelog::resolve).orElse(migrations.get(migrations.size() - 1));
        InstallScript script = InstallScript.packaged().orElseThrow(() -> new MarsSchemaException(ErrorCode.UNEXPECTED,
                "This jar holds no consolidated install script (" + InstallScript.RESOURCE + "): rebuild it, or use"
                        + " update-sql without --consolidated-install."));
        if (!context.settings.hasDatabase()) {
            return script(script, migration, "an empty MySQL 8.0 or MariaDB 10.11 database", true);
        }
        return context.runner.withSession(session -> {
            History history = History.read(session, changelog);
            boolean empty = history.isEmpty() && !history.interrupted() && session.tables().sequelizeMeta().isEmpty()
                    && LiveSchema.read(session).tables().isEmpty();
            if (!empty) {
                throw new MarsSchemaException(ErrorCode.VALIDATION_FAILED, session.where() + " is not empty (it holds"
                        + " MarsAI tables, history or SequelizeMeta): the consolidated install is for an empty database"
                        + " only; update-sql without --consolidated-install prints what an update would run here.");
            }
            return script(script, migration, session.where(), session.tables().history().isEmpty());
        });
    }

    private String script(InstallScript script, String migration, String against, boolean withHistoryTable) {
        List<ChangeSetInfo> changeSets = context.changelog.upTo(context.changelog.changeSets(), Optional.of(migration));
        StringBuilder sql = new StringBuilder();
        sql.append("-- marsai-schema: consolidated install up to ").append(migration).append('\n');
        sql.append("-- Against: ").append(against).append('\n');
        sql.append("-- Made at: ").append(Preview.ranAt()).append('\n');
        sql.append("-- The schema as its ").append(changeSets.size()).append(" changesets leave it, then their history rows"
                + " in one statement, as `update` records them one by one.\n\n");
        if (withHistoryTable) {
            sql.append("-- Liquibase's history table\n").append(script.historyTable()).append(";\n\n");
        }
        for (String createTable : script.schema(migration)) {
            sql.append(createTable).append(";\n\n");
        }
        sql.append("-- The history: ").append(changeSets.size()).append(" rows\n");
        sql.append(script.historyInsert("DATABASECHANGELOG", changeSets.size(), InstallScript.newDeploymentId(),
                InstallScript.liquibaseVersion())).append(";\n");
        return sql.toString();
    }
}

package org.marsai.schema.internal.liquibase;

import java.sql.Connection;
import java.sql.DriverManager;

import liquibase.UpdateSummaryEnum;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DatabaseChangelogCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;

/**
 * Run by {@code LiquibaseLogIT} in a fresh JVM: Liquibase updates a small changelog that warns, first inside
 * this library's scope, then as a host application's own Liquibase would (outside it), each on its own database.
 * Arguments: URL of the first database, URL of the second, user, password.
 */
public final class LiquibaseLogProbe {

    static final String CHANGELOG = "org/marsai/schema/internal/log-probe-changelog.yaml";

    private LiquibaseLogProbe() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("== in marsai-schema's scope");
        LiquibaseScope.call(() -> {
            update(args[0], args[2], args[3]);
            return null;
        });
        System.out.println("== the host's own Liquibase");
        update(args[1], args[2], args[3]);
        System.out.println("== end");
    }

    private static void update(String url, String user, String password) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            new CommandScope(UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                    .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY, UpdateSummaryEnum.OFF) // printed, not logged
                    .execute();
        }
    }
}

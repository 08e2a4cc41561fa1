package org.marsai.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.integration.spring.SpringLiquibase;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import org.marsai.schema.testing.Migrations;
import org.marsai.schema.testing.Changelogs;
import org.marsai.schema.testing.TestDatabase;
import org.marsai.schema.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * A database records the same changeset identities whichever way the changelog reaches Liquibase: from
 * our jar, from the {@code changelogs/} folder (as Liquibase's CLI reads it) or from the classpath with a
 * {@code classpath:} prefix (as Spring Boot's Liquibase support reads it).
 */
class ChangelogIdentityIT {

    @Test
    void liquibaseReadingTheFolderRecordsTheIdentitiesTheLibraryKnows() throws Exception {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            runLiquibaseUpdate(db, new DirectoryResourceAccessor(Changelogs.FOLDER.toFile()), Changelogs.ROOT_FILE);
            assertRecognised(db);
        }
    }

    @Test
    void springLiquibaseReadingTheClasspathRecordsTheSameIdentities() throws Exception {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            // What Spring Boot does with spring.liquibase.change-log=classpath:org/marsai/schema/changelogs/marsai-changelog.yaml
            SpringLiquibase liquibase = new SpringLiquibase();
            liquibase.setDataSource(db.dataSource());
            liquibase.setChangeLog("classpath:org/marsai/schema/changelogs/marsai-changelog.yaml");
            liquibase.setResourceLoader(new DefaultResourceLoader());
            liquibase.afterPropertiesSet();
            assertRecognised(db);
        }
    }

    @Test
    void afterTheLibraryUpdatesLiquibaseFromTheFolderFindsNothingToRun() throws Exception {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            db.schema().update();
            long rows = db.count("SELECT COUNT(*) FROM DATABASECHANGELOG");
            runLiquibaseUpdate(db, new DirectoryResourceAccessor(Changelogs.FOLDER.toFile()), Changelogs.ROOT_FILE);
            assertThat(db.count("SELECT COUNT(*) FROM DATABASECHANGELOG")).as("history rows").isEqualTo(rows);
        }
    }

    private static void assertRecognised(TestDatabase db) {
        MarsSchema schema = db.schema();
        assertThat(schema.status().isUpToDate()).as("status through the library").isTrue();
        assertThat(schema.status().unknown()).isEmpty();
        assertThat(schema.update().nothingToDo()).isTrue();
        List<String> files = db.query("SELECT DISTINCT FILENAME FROM DATABASECHANGELOG ORDER BY FILENAME").stream()
                .map(r -> r.get(0)).toList();
        assertThat(files).hasSize(Migrations.count()).allSatisfy(f -> assertThat(f).matches("marsai-schema/\\d{14}-[a-z0-9-]+\\.yaml"));
    }

    private static void runLiquibaseUpdate(TestDatabase db, ResourceAccessor accessor, String changelog) throws Exception {
        try (Connection connection = db.connect()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Map<String, Object> scope = new HashMap<>();
            scope.put(Scope.Attr.resourceAccessor.name(), accessor);
            scope.put("liquibase.analytics.enabled", false);
            Scope.child(scope, () -> {
                CommandScope update = new CommandScope(UpdateCommandStep.COMMAND_NAME);
                update.addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database);
                update.addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog);
                update.execute();
            });
        }
    }
}

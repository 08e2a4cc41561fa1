package org.marsai.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.marsai.schema.Difference.Kind;
import org.marsai.schema.testing.InProcessCli;
import org.marsai.schema.testing.TestDatabase;
import org.marsai.schema.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drift between a live database and the changelog (or another database), found and named precisely. */
class DiffIT {

    @TempDir
    Path workingDirectory;

    @Test
    void databaseBuiltByTheChangelogShowsNoDriftAtEveryMigration() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            assertThat(schema.diff().differences()).as("empty database").isEmpty();
            for (String migration : schema.migrations()) {
                schema.updateTo(migration);
                SchemaDiff diff = schema.diff();
                assertThat(diff.differences()).as("drift after %s", migration).isEmpty();
                assertThat(diff.reference()).contains("up to " + migration);
            }
            for (int i = 0; i < 3; i++) {
                schema.rollback(RollbackTarget.lastMigrations(1));
                assertThat(schema.diff().hasDrift()).as("drift after undoing").isFalse();
            }
        }
    }

    private static Difference onlyDifference(TestDatabase db, String... alter) {
        db.execute(alter);
        List<Difference> differences = db.schema().diff().differences();
        assertThat(differences).as("differences after %s", String.join("; ", alter)).hasSize(1);
        return differences.get(0);
    }

    @Test
    void eachKindOfHandMadeChangeIsNamed() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            db.schema().update();

            Difference type = onlyDifference(db, "ALTER TABLE movies MODIFY title VARCHAR(200) NOT NULL");
            assertThat(type).isEqualTo(new Difference(Kind.COLUMN_TYPE, "movies", "title", "varchar(255) NOT NULL",
                    "varchar(200) NOT NULL"));
            db.execute("ALTER TABLE movies MODIFY title VARCHAR(255) NOT NULL");

            Difference nullable = onlyDifference(db, "ALTER TABLE categories MODIFY name VARCHAR(255) NULL");
            assertThat(nullable.kind()).isEqualTo(Kind.COLUMN_NULLABILITY);
            assertThat(nullable.subject()).isEqualTo("categories.name");
            assertThat(nullable.actual()).isEqualTo("varchar(255) NULL DEFAULT NULL");
            db.execute("ALTER TABLE categories MODIFY name VARCHAR(255) NOT NULL");

            Difference defaultValue = onlyDifference(db, "ALTER TABLE users ALTER role SET DEFAULT 'JURY'");
            assertThat(defaultValue).isEqualTo(new Difference(Kind.COLUMN_DEFAULT, "users", "role",
                    "enum('ADMIN','JURY','PRODUCER') NOT NULL DEFAULT 'PRODUCER'",
                    "enum('ADMIN','JURY','PRODUCER') NOT NULL DEFAULT 'JURY'"));
            db.execute("ALTER TABLE users ALTER role SET DEFAULT 'PRODUCER'");

            Difference enumValue = onlyDifference(db, "ALTER TABLE votes MODIFY note ENUM('YES','NO','TO DISCUSS','MAYBE') NOT NULL");
            assertThat(enumValue).isEqualTo(new Difference(Kind.COLUMN_TYPE, "votes", "note",
                    "enum('YES','NO','TO DISCUSS') NOT NULL", "enum('YES','NO','TO DISCUSS','MAYBE') NOT NULL"));
            db.execute("ALTER TABLE votes MODIFY note ENUM('YES','NO','TO DISCUSS') NOT NULL");

            Difference added = onlyDifference(db, "ALTER TABLE sponsors ADD priority INT NULL");
            assertThat(added.kind()).isEqualTo(Kind.COLUMN_EXTRA);
            assertThat(added.subject()).isEqualTo("sponsors.priority");
            assertThat(added.actual()).isEqualTo("int NULL DEFAULT NULL at position 8 (after updatedAt)");
            db.execute("ALTER TABLE sponsors DROP COLUMN priority");

            Difference index = onlyDifference(db, "DROP INDEX email ON users");
            assertThat(index).isEqualTo(new Difference(Kind.INDEX_MISSING, "users", "email", "unique (email)", ""));
            db.execute("CREATE UNIQUE INDEX email ON users (email)");

            Difference rule = onlyDifference(db, "ALTER TABLE awards DROP FOREIGN KEY awards_ibfk_1",
                    "ALTER TABLE awards ADD CONSTRAINT awards_ibfk_1 FOREIGN KEY (id_movie) REFERENCES movies (id_movie)"
                            + " ON UPDATE CASCADE ON DELETE RESTRICT");
            assertThat(rule).isEqualTo(new Difference(Kind.FOREIGN_KEY_CHANGED, "awards", "awards_ibfk_1",
                    "(id_movie) REFERENCES movies (id_movie) ON UPDATE CASCADE ON DELETE CASCADE",
                    "(id_movie) REFERENCES movies (id_movie) ON UPDATE CASCADE ON DELETE RESTRICT"));
            db.execute("ALTER TABLE awards DROP FOREIGN KEY awards_ibfk_1",
                    "ALTER TABLE awards ADD CONSTRAINT awards_ibfk_1 FOREIGN KEY (id_movie) REFERENCES movies (id_movie)"
                            + " ON UPDATE CASCADE ON DELETE CASCADE");

            db.execute("CREATE TABLE press_kits (id INT PRIMARY KEY, url VARCHAR(255))");
            assertThat(db.schema().diff().differences()).as("an application's own table is not drift").isEmpty();
            assertThat(db.schema().diff().notManaged()).containsExactly("press_kits");
            db.execute("DROP TABLE press_kits");

            Difference moved = onlyDifference(db, "ALTER TABLE events MODIFY location VARCHAR(255) NULL AFTER name");
            assertThat(moved).isEqualTo(new Difference(Kind.COLUMN_POSITION, "events", "location",
                    "position 5 (after date)", "position 3 (after name)"));
            db.execute("ALTER TABLE events MODIFY location VARCHAR(255) NULL AFTER date");

            Difference comment = onlyDifference(db, "ALTER TABLE votes MODIFY modification_count INT NOT NULL DEFAULT 0");
            assertThat(comment.kind()).isEqualTo(Kind.COLUMN_COMMENT);
            assertThat(comment.expected()).endsWith("COMMENT 'Numero di volte che il voto è stato modificato'");
            db.execute("ALTER TABLE votes MODIFY modification_count INT NOT NULL DEFAULT 0"
                    + " COMMENT 'Numero di volte che il voto è stato modificato'");

            Difference missingTable = onlyDifference(db, "DROP TABLE sponsors");
            assertThat(missingTable.kind()).isEqualTo(Kind.TABLE_MISSING);

            assertThat(db.schema().diff().differences()).hasSize(1);
        }
    }

    @Test
    void twoDatabasesComparedBothWays() {
        try (TestDatabase production = TestServer.get().createDatabase();
             TestDatabase staging = TestServer.get().createDatabase()) {
            production.schema().updateTo("20260302111532-create-sponsors");
            staging.schema().updateTo("20260302171000-create-newsletter-subscribers");

            SchemaDiff productionAgainstStaging = production.schema().diffAgainst(staging.schema());
            SchemaDiff stagingAgainstProduction = staging.schema().diffAgainst(production.schema());

            assertThat(productionAgainstStaging.differences()).containsExactly(new Difference(Kind.TABLE_MISSING,
                    "newsletter_subscribers", "newsletter_subscribers", "8 columns (id_subscriber, email, first_name,"
                    + " last_name, source, is_active, createdAt, updatedAt)", ""));
            assertThat(stagingAgainstProduction.differences()).extracting(Difference::kind).containsExactly(Kind.TABLE_EXTRA);
            assertThat(productionAgainstStaging.reference()).contains(staging.name());

            production.schema().updateTo("20260302171000-create-newsletter-subscribers");
            assertThat(production.schema().diffAgainst(staging.schema()).hasDrift()).isFalse();
            assertThat(staging.schema().diffAgainst(production.schema()).hasDrift()).isFalse();

            production.execute("ALTER TABLE movies MODIFY title VARCHAR(200) NOT NULL");
            InProcessCli.Run cli = cli(production, "diff", "--reference-url=" + staging.url(), "--reference-username=" + staging.user(),
                    "--reference-password=" + staging.password());
            assertThat(cli.code()).isEqualTo(4);
            assertThat(cli.out()).contains("movies.title has another type: expected varchar(255) NOT NULL,"
                    + " found varchar(200) NOT NULL");
            InProcessCli.Run reverse = cli(staging, "diff", "--reference-url=" + production.url(),
                    "--reference-username=" + production.user(), "--reference-password=" + production.password());
            assertThat(reverse.out()).contains("expected varchar(200) NOT NULL, found varchar(255) NOT NULL");
        }
    }

    @Test
    void commandLineExitCodesAndJson() throws Exception {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            db.schema().update();
            InProcessCli.Run clean = cli(db, "diff");
            assertThat(clean.code()).isZero();
            assertThat(clean.out()).startsWith("No drift: ");

            db.execute("ALTER TABLE movies MODIFY title VARCHAR(200) NOT NULL");
            InProcessCli.Run drift = cli(db, "diff");
            assertThat(drift.code()).isEqualTo(4);
            assertThat(drift.out()).contains("movies.title", "varchar(255) NOT NULL", "varchar(200) NOT NULL");

            InProcessCli.Run json = cli(db, "diff", "--format=json");
            assertThat(json.code()).isEqualTo(4);
            JsonNode tree = new ObjectMapper().readTree(json.out());
            assertThat(tree.get("drift").asBoolean()).isTrue();
            JsonNode difference = tree.get("differences").get(0);
            assertThat(difference.get("kind").asText()).isEqualTo("COLUMN_TYPE");
            assertThat(difference.get("subject").asText()).isEqualTo("movies.title");
            assertThat(difference.get("expected").asText()).isEqualTo("varchar(255) NOT NULL");
            assertThat(difference.get("actual").asText()).isEqualTo("varchar(200) NOT NULL");
        }
    }

    @Test
    void readAccessIsEnough() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            db.schema().update();
            String user = "ro_" + db.name().substring(db.name().length() - 6);
            db.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY 'Read-Only-Pass-1'",
                    "GRANT SELECT ON `" + db.name() + "`.* TO '" + user + "'@'%'");
            try {
                MarsSchema readOnly = MarsSchema.configure().url(db.url()).username(user).password("Read-Only-Pass-1").load();
                assertThat(readOnly.diff().hasDrift()).isFalse();
                db.execute("ALTER TABLE movies DROP COLUMN workshop");
                assertThat(readOnly.diff().differences()).extracting(Difference::subject).containsExactly("movies.workshop");
            } finally {
                db.execute("DROP USER '" + user + "'@'%'");
            }
        }
    }

    private InProcessCli.Run cli(TestDatabase db, String... args) {
        return new InProcessCli(workingDirectory).on(db, args);
    }
}

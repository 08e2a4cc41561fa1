package org.marsai.schema.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marsai.schema.internal.model.Schemas.after;
import static org.marsai.schema.internal.model.Schemas.foreignKey;
import static org.marsai.schema.internal.model.Schemas.modify;
import static org.marsai.schema.internal.model.Schemas.schema;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import liquibase.change.Change;
import liquibase.change.core.DropForeignKeyConstraintChange;

import org.junit.jupiter.api.Test;
import org.marsai.schema.Difference;
import org.marsai.schema.Difference.Kind;

/** Every difference between the schema a database should have and the one it has, and none that is only spelling. */
class SchemaComparatorTest {

    /** users (id, email NOT NULL, role ENUM, created_at) and movies (id, user_id → users ON DELETE CASCADE). */
    private static final SchemaModel EXPECTED = after(schema(
            "CREATE TABLE users",
            "ALTER TABLE users ADD COLUMN email varchar(255) NOT NULL, ADD COLUMN role enum('user','admin') NOT NULL"
                    + " DEFAULT 'user', ADD COLUMN created_at datetime NULL, ADD UNIQUE KEY users_email (email)",
            "CREATE TABLE movies",
            "ALTER TABLE movies ADD COLUMN user_id int NOT NULL"),
            foreignKey("movies_user_fk", "movies", "user_id", "users", "CASCADE"));

    private static List<Difference> differences(SchemaModel actual) {
        return SchemaComparator.compare(EXPECTED, actual);
    }

    private static Difference only(List<Difference> differences) {
        assertThat(differences).hasSize(1);
        return differences.get(0);
    }

    @Test
    void theSameSchemaHasNoDifference() {
        assertThat(SchemaComparator.compare(EXPECTED, after(EXPECTED, new String[0]))).isEmpty();
    }

    @Test
    void aMissingTableAndAnExtraTableAreNamedWithTheirColumns() {
        SchemaModel actual = after(EXPECTED, "CREATE TABLE votes");
        assertThat(only(differences(actual))).isEqualTo(new Difference(Kind.TABLE_EXTRA, "votes", "votes", "",
                "1 columns (id)"));
        assertThat(only(SchemaComparator.compare(actual, EXPECTED))).isEqualTo(new Difference(Kind.TABLE_MISSING,
                "votes", "votes", "1 columns (id)", ""));
    }

    @Test
    void aColumnOfAnotherTypeIsNamedWithBothDefinitions() {
        Difference difference = only(differences(after(EXPECTED, modify("users", "email", "varchar(100) NOT NULL"))));
        assertThat(difference).isEqualTo(new Difference(Kind.COLUMN_TYPE, "users", "email",
                "varchar(255) NOT NULL", "varchar(100) NOT NULL"));
    }

    @Test
    void anotherDefaultIsADifference() {
        Difference difference = only(differences(after(EXPECTED,
                modify("users", "role", "enum('user','admin') NOT NULL DEFAULT 'admin'"))));
        assertThat(difference.kind()).isEqualTo(Kind.COLUMN_DEFAULT);
        assertThat(difference.expected()).endsWith("DEFAULT 'user'");
        assertThat(difference.actual()).endsWith("DEFAULT 'admin'");
    }

    @Test
    void nullabilityIsOneDifferenceNotAlsoItsImplicitDefault() {
        // NOT NULL without a default has none; NULL without one has NULL: that follows from the nullability.
        Difference difference = only(differences(after(EXPECTED, modify("users", "email", "varchar(255) NULL"))));
        assertThat(difference).isEqualTo(new Difference(Kind.COLUMN_NULLABILITY, "users", "email",
                "varchar(255) NOT NULL", "varchar(255) NULL DEFAULT NULL"));
    }

    @Test
    void aMissingAndAnExtraColumnAreNotAlsoCountedAsMoves() {
        SchemaModel actual = after(EXPECTED, "ALTER TABLE users DROP COLUMN role, ADD COLUMN nickname varchar(50)"
                + " NULL AFTER id");
        assertThat(differences(actual)).containsExactly(
                new Difference(Kind.COLUMN_MISSING, "users", "role", "enum('user','admin') NOT NULL DEFAULT 'user'", ""),
                new Difference(Kind.COLUMN_EXTRA, "users", "nickname", "",
                        "varchar(50) NULL DEFAULT NULL at position 2 (after id)"));
    }

    @Test
    void onlyTheColumnThatMovedIsReportedAtItsNewPlace() {
        SchemaModel actual = after(EXPECTED, "ALTER TABLE users DROP COLUMN created_at, ADD COLUMN created_at datetime"
                + " NULL AFTER id");
        assertThat(only(differences(actual))).isEqualTo(new Difference(Kind.COLUMN_POSITION, "users", "created_at",
                "position 4 (after role)", "position 2 (after id)"));
    }

    @Test
    void anIndexMissingExtraOrChangedIsADifference() {
        assertThat(only(differences(after(EXPECTED, "ALTER TABLE users DROP INDEX users_email"))))
                .isEqualTo(new Difference(Kind.INDEX_MISSING, "users", "users_email", "unique (email)", ""));
        assertThat(only(differences(after(EXPECTED, "ALTER TABLE users ADD INDEX users_role (role)"))))
                .isEqualTo(new Difference(Kind.INDEX_EXTRA, "users", "users_role", "", "non-unique (role)"));
        assertThat(only(differences(after(EXPECTED, "ALTER TABLE users DROP INDEX users_email,"
                + " ADD INDEX users_email (email)"))))
                .isEqualTo(new Difference(Kind.INDEX_CHANGED, "users", "users_email", "unique (email)",
                        "non-unique (email)"));
    }

    @Test
    void aForeignKeyWithAnotherRuleIsChanged() {
        SchemaModel withoutKey = new SchemaBuilder(EXPECTED).apply(dropMoviesKey()).build();
        SchemaModel restrict = after(withoutKey, foreignKey("movies_user_fk", "movies", "user_id", "users", "NO ACTION"));
        assertThat(only(differences(restrict))).isEqualTo(new Difference(Kind.FOREIGN_KEY_CHANGED, "movies",
                "movies_user_fk", "(user_id) REFERENCES users (id) ON UPDATE RESTRICT ON DELETE CASCADE",
                "(user_id) REFERENCES users (id) ON UPDATE RESTRICT ON DELETE RESTRICT"));
        assertThat(differences(withoutKey)).extracting(Difference::kind).containsExactly(Kind.FOREIGN_KEY_MISSING);
    }

    @Test
    void mariaDbSpellingsOfTheSameColumnsAreNoDifference() {
        // What MariaDB reports: display widths, current_timestamp(), NO ACTION, index columns in another case.
        SchemaModel mariaDb = after(schema("CREATE TABLE events", "ALTER TABLE events ADD COLUMN starts_at datetime"
                + " NOT NULL DEFAULT current_timestamp(), ADD COLUMN owner_id int(11) NULL, ADD INDEX events_owner"
                + " (OWNER_ID)"), foreignKey("events_owner_fk", "events", "owner_id", "events", "NO ACTION"));
        SchemaModel mySql = after(schema("CREATE TABLE events", "ALTER TABLE events ADD COLUMN starts_at datetime"
                + " NOT NULL DEFAULT CURRENT_TIMESTAMP, ADD COLUMN owner_id int NULL, ADD INDEX events_owner"
                + " (owner_id)"), foreignKey("events_owner_fk", "events", "owner_id", "events", "RESTRICT"));
        assertThat(SchemaComparator.compare(mySql, mariaDb)).isEmpty();
    }

    @Test
    void aBareCharacterSetAcceptsAnyOfItsCollationsAndACollationOnlyItself() {
        SchemaModel unicode = EXPECTED.withCollation("utf8mb4_unicode_ci");
        assertThat(SchemaComparator.compare(EXPECTED.withCollation("utf8mb4"), unicode)).isEmpty();
        assertThat(SchemaComparator.compare(EXPECTED.withCollation("utf8mb4_general_ci"), unicode))
                .extracting(Difference::kind).containsOnly(Kind.TABLE_CHARSET).hasSize(2);
        assertThat(SchemaComparator.compare(EXPECTED, EXPECTED.withCollation("latin1_swedish_ci")))
                .as("no collation expected: not checked").isEmpty();
    }

    @Test
    void anotherEngineIsADifference() {
        SchemaModel.Table users = EXPECTED.tables().get("users");
        Map<String, SchemaModel.Table> tables = new TreeMap<>(EXPECTED.tables());
        tables.put("users", new SchemaModel.Table("users", "MyISAM", null, users.columns(), users.indexes(),
                users.foreignKeys()));
        assertThat(only(differences(new SchemaModel(tables)))).isEqualTo(new Difference(Kind.TABLE_ENGINE, "users",
                "users", "InnoDB", "MyISAM"));
    }

    private static Change dropMoviesKey() {
        DropForeignKeyConstraintChange drop = new DropForeignKeyConstraintChange();
        drop.setBaseTableName("movies");
        drop.setConstraintName("movies_user_fk");
        return drop;
    }
}

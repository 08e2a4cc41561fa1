package org.marsai.schema.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marsai.schema.internal.model.Schemas.after;
import static org.marsai.schema.internal.model.Schemas.foreignKey;
import static org.marsai.schema.internal.model.Schemas.modify;
import static org.marsai.schema.internal.model.Schemas.schema;

import java.util.List;
import java.util.Map;

import liquibase.change.core.RenameColumnChange;
import org.junit.jupiter.api.Test;

/** What going from one schema to another destroys, rebuilds and writes, worked out from the two schemas alone. */
class LossAnalysisTest {

    private static final SchemaModel USERS = schema("CREATE TABLE users",
            "ALTER TABLE users ADD COLUMN email varchar(255) NOT NULL, ADD COLUMN role enum('user','admin') NOT NULL"
                    + " DEFAULT 'user', ADD COLUMN bio text NULL, ADD COLUMN score int NOT NULL",
            "CREATE TABLE movies");

    private static LossAnalysis.Loss only(List<LossAnalysis.Loss> losses) {
        assertThat(losses).hasSize(1);
        return losses.get(0);
    }

    @Test
    void theSameSchemaLosesNothing() {
        assertThat(LossAnalysis.between(USERS, USERS)).isEmpty();
        assertThat(LossAnalysis.rebuilds(USERS, USERS)).isEmpty();
        assertThat(LossAnalysis.fills(USERS, USERS)).isEmpty();
    }

    @Test
    void aDroppedTableLosesEveryRow() {
        SchemaModel without = new SchemaModel(Map.of("users", USERS.tables().get("users")));
        assertThat(only(LossAnalysis.between(USERS, without)))
                .isEqualTo(new LossAnalysis.Loss("movies", "", "drops table movies", "SELECT COUNT(*) FROM `movies`"));
    }

    @Test
    void aDroppedColumnWithoutDefaultLosesEveryValueThatIsNotNull() {
        LossAnalysis.Loss loss = only(LossAnalysis.between(USERS, after(USERS, "ALTER TABLE users DROP COLUMN bio")));
        assertThat(loss.description()).isEqualTo("drops column users.bio");
        assertThat(loss.countSql()).isEqualTo("SELECT COUNT(*) FROM `users` WHERE {column} IS NOT NULL");
        assertThat(loss.liveColumn()).isEqualTo("bio");
    }

    @Test
    void aDroppedColumnLosesNothingInRowsHoldingWhatAddingItBackWrites() {
        LossAnalysis.Loss role = only(LossAnalysis.between(USERS, after(USERS, "ALTER TABLE users DROP COLUMN role")));
        assertThat(role.description())
                .isEqualTo("drops column users.role (rows holding 'user', what adding it back writes, lose nothing)");
        assertThat(role.countSql()).isEqualTo("SELECT COUNT(*) FROM `users` WHERE NOT ({column} <=> 'user')");

        // A NOT NULL number without a default comes back as 0 in every row.
        LossAnalysis.Loss score = only(LossAnalysis.between(USERS, after(USERS, "ALTER TABLE users DROP COLUMN score")));
        assertThat(score.countSql()).isEqualTo("SELECT COUNT(*) FROM `users` WHERE NOT ({column} <=> 0)");
    }

    @Test
    void holdsValueIsAnythingButWhatReAddingTheColumnWrites() {
        assertThat(LossAnalysis.holdsValue(ColumnDefinitions.define("active", "tinyint(1) NOT NULL DEFAULT 1", null)))
                .isEqualTo("NOT ({column} <=> 1)");
        assertThat(LossAnalysis.holdsValue(ColumnDefinitions.define("count", "bigint NOT NULL", null)))
                .isEqualTo("NOT ({column} <=> 0)");
        assertThat(LossAnalysis.holdsValue(ColumnDefinitions.define("name", "varchar(20) NOT NULL", null)))
                .as("a string without a default: every value counts")
                .isEqualTo("{column} IS NOT NULL");
        assertThat(LossAnalysis.holdsValue(ColumnDefinitions.define("seen", "datetime NOT NULL DEFAULT"
                + " CURRENT_TIMESTAMP", null))).as("the time of re-adding is not the time it held")
                .isEqualTo("{column} IS NOT NULL");
        assertThat(LossAnalysis.holdsValue(ColumnDefinitions.define("note", "text NULL", null)))
                .isEqualTo("{column} IS NOT NULL");
    }

    @Test
    void aRenamedColumnLosesNothingAndIsReportedAsARename() {
        RenameColumnChange rename = new RenameColumnChange();
        rename.setTableName("users");
        rename.setOldColumnName("email");
        rename.setNewColumnName("mail");
        rename.setColumnDataType("varchar(255) NOT NULL");
        SchemaModel renamed = after(USERS, rename);
        assertThat(LossAnalysis.between(USERS, renamed)).isEmpty();
        assertThat(LossAnalysis.renames(USERS, renamed)).isEqualTo(Map.of("users", Map.of("email", "mail")));
        assertThat(LossAnalysis.fills(USERS, renamed)).as("the renamed column is not a new one").isEmpty();
        assertThat(LossAnalysis.rebuilds(USERS, renamed)).as("renaming is done in place").isEmpty();
    }

    @Test
    void aColumnReplacedByOneOfAnotherTypeIsADropNotARename() {
        SchemaModel replaced = after(USERS, "ALTER TABLE users DROP COLUMN email, ADD COLUMN mail int NOT NULL AFTER id");
        assertThat(LossAnalysis.renames(USERS, replaced)).isEmpty();
        assertThat(only(LossAnalysis.between(USERS, replaced)).description()).isEqualTo("drops column users.email");
    }

    @Test
    void aNarrowerVarcharLosesTheLongerValues() {
        LossAnalysis.Loss loss = only(LossAnalysis.between(USERS, after(USERS,
                modify("users", "email", "varchar(100) NOT NULL"))));
        assertThat(loss.description()).isEqualTo("narrows users.email from varchar(255) to varchar(100)");
        assertThat(loss.countSql()).isEqualTo("SELECT COUNT(*) FROM `users` WHERE CHAR_LENGTH({column}) > 100");
    }

    @Test
    void wideningLosesNothingAndANarrowerIntegerLosesEveryValue() {
        assertThat(LossAnalysis.between(USERS, after(USERS, modify("users", "email", "text NOT NULL")))).isEmpty();
        assertThat(LossAnalysis.between(USERS, after(USERS, modify("users", "score", "bigint NOT NULL")))).isEmpty();
        SchemaModel narrower = after(USERS, modify("users", "score", "smallint NOT NULL"));
        assertThat(only(LossAnalysis.between(USERS, narrower)).description())
                .isEqualTo("changes users.score from int to smallint");
        assertThat(LossAnalysis.rebuilds(USERS, narrower))
                .isEqualTo(Map.of("users", "the type of score changes from int to smallint"));
    }

    @Test
    void removingAnEnumValueLosesTheRowsHoldingIt() {
        SchemaModel fewer = after(USERS, modify("users", "role", "enum('user') NOT NULL DEFAULT 'user'"));
        LossAnalysis.Loss loss = only(LossAnalysis.between(USERS, fewer));
        assertThat(loss.description()).isEqualTo("removes 'admin' from users.role");
        assertThat(loss.countSql()).isEqualTo("SELECT COUNT(*) FROM `users` WHERE {column} IN ('admin')");
    }

    @Test
    void anEnumValueAppendedIsInPlaceButOneInsertedRebuildsTheTable() {
        SchemaModel appended = after(USERS, modify("users", "role", "enum('user','admin','owner') NOT NULL DEFAULT 'user'"));
        assertThat(LossAnalysis.between(USERS, appended)).isEmpty();
        assertThat(LossAnalysis.rebuilds(USERS, appended)).isEmpty();

        SchemaModel inserted = after(USERS, modify("users", "role", "enum('guest','user','admin') NOT NULL DEFAULT 'user'"));
        assertThat(LossAnalysis.between(USERS, inserted)).isEmpty();
        assertThat(LossAnalysis.rebuilds(USERS, inserted))
                .isEqualTo(Map.of("users", "values inserted inside the ENUM list of role move the stored ordinals"));
    }

    @Test
    void makingAColumnNotNullLosesTheNullRows() {
        LossAnalysis.Loss loss = only(LossAnalysis.between(USERS, after(USERS, modify("users", "bio", "text NOT NULL"))));
        assertThat(loss.description()).isEqualTo("makes users.bio NOT NULL");
        assertThat(loss.countSql()).isEqualTo("SELECT COUNT(*) FROM `users` WHERE {column} IS NULL");
    }

    @Test
    void aForeignKeyAddedToAnExistingTableRebuildsIt() {
        SchemaModel withOwner = after(USERS, "ALTER TABLE movies ADD COLUMN owner_id int NULL");
        assertThat(LossAnalysis.rebuilds(withOwner, after(withOwner, foreignKey("movies_owner_fk", "movies",
                "owner_id", "users", "CASCADE"))))
                .isEqualTo(Map.of("movies", "adding foreign key movies_owner_fk checks every row by copying the table"));
    }

    @Test
    void addedColumnsFillExistingRowsWithTheirDefaultZeroOrNumbers() {
        SchemaModel added = after(USERS, "ALTER TABLE movies ADD COLUMN rating int NOT NULL,"
                + " ADD COLUMN status varchar(10) NOT NULL DEFAULT 'draft', ADD COLUMN note text NULL",
                "CREATE TABLE votes", "ALTER TABLE votes ADD COLUMN weight int NOT NULL DEFAULT 1");
        assertThat(LossAnalysis.fills(USERS, added)).containsExactly(
                "sets movies.rating to 0 in every existing row",
                "sets movies.status to 'draft' in every existing row");
        assertThat(LossAnalysis.rebuilds(USERS, added)).as("adding columns is done in place").isEmpty();

        SchemaModel before = schema("CREATE TABLE tags", "ALTER TABLE tags DROP PRIMARY KEY, DROP COLUMN id,"
                + " ADD COLUMN name varchar(20) NOT NULL");
        SchemaModel numbered = after(before, "ALTER TABLE tags ADD COLUMN id int NOT NULL AUTO_INCREMENT FIRST,"
                + " ADD PRIMARY KEY (id)");
        assertThat(LossAnalysis.fills(before, numbered)).containsExactly("numbers the existing rows of tags in id (1, 2, 3…)");
    }

    @Test
    void aLossCountedInTheLiveDatabaseUsesTheColumnsLiveName() {
        LossAnalysis.Loss loss = new LossAnalysis.Loss("users", "mail", "drops column users.mail", "SELECT 1");
        assertThat(loss.inLive("email")).isEqualTo(new LossAnalysis.Loss("users", "mail", "drops column users.mail",
                "SELECT 1", "email"));
    }
}

package org.marsai.schema.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marsai.schema.internal.model.Schemas.after;
import static org.marsai.schema.internal.model.Schemas.schema;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.marsai.schema.ChangeSetInfo;
import org.marsai.schema.DataLoss;
import org.marsai.schema.ErrorCode;
import org.marsai.schema.ValidationResult.Problem;
import org.marsai.schema.internal.model.SchemaModel;

/** What makes an update refuse before its first statement, and what it lets through: the decisions, on plain values. */
class PreflightTest {

    private static final ChangeSetInfo CHANGE_SET = new ChangeSetInfo("20260324120000-add-decision-to-votes",
            "20260324120000-add-decision-to-votes", "marsai", "Add votes.decision.");

    @Test
    void aUtf8mb4DatabaseMayGetTheTablesAndAnyOtherIsRefusedWithTheStatementToFixIt() {
        assertThat(Preflight.charset("marsai", "utf8mb4_unicode_ci")).isEmpty();
        assertThat(Preflight.charset("marsai", "utf8mb4_0900_ai_ci")).isEmpty();
        Problem latin1 = Preflight.charset("mars`ai", "latin1_swedish_ci").orElseThrow();
        assertThat(latin1.code()).isEqualTo(ErrorCode.UNSUPPORTED_CHARACTER_SET);
        assertThat(latin1.message()).contains("default collation latin1_swedish_ci")
                .contains("ALTER DATABASE `mars``ai` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;");
        assertThat(Preflight.charset("marsai", "utf8mb3_general_ci")).as("utf8 without 4-byte characters").isPresent();
    }

    @Test
    void marsAiTablesWithoutHistoryAreALostHistoryAndOtherTablesAreNot() {
        SchemaModel marsAi = schema("CREATE TABLE users", "CREATE TABLE movies", "CREATE TABLE votes",
                "CREATE TABLE awards", "CREATE TABLE events");
        assertThat(Preflight.historyLost("db 'app'", schema("CREATE TABLE sessions"), marsAi))
                .as("an application's own table").isEmpty();
        Problem lost = Preflight.historyLost("db 'app'", after(marsAi, "CREATE TABLE sessions"), marsAi).orElseThrow();
        assertThat(lost.code()).isEqualTo(ErrorCode.HISTORY_DAMAGED);
        assertThat(lost.message()).startsWith("db 'app' holds MarsAI tables (awards, events, movies, users, …) but no"
                + " marsai-schema history").contains("Run `repair`").doesNotContain("sessions");
    }

    @Test
    void rowsHoldingDataTheChangeSetDestroysRefuseItUnlessTheLossIsAllowed() {
        DataLoss dropped = new DataLoss("votes", "comment", "drops column votes.comment", 3);
        Problem problem = Preflight.dataLoss(CHANGE_SET, dropped, false).orElseThrow();
        assertThat(problem.code()).isEqualTo(ErrorCode.DATA_BLOCKS_MIGRATION);
        assertThat(problem.message()).startsWith("Changeset 20260324120000-add-decision-to-votes of migration"
                + " 20260324120000-add-decision-to-votes cannot run on this database's rows: drops column"
                + " votes.comment: 3 row(s) hold data").contains("--allow-data-loss");
        assertThat(Preflight.dataLoss(CHANGE_SET, dropped, true)).as("allowed").isEmpty();
        assertThat(Preflight.dataLoss(CHANGE_SET, new DataLoss("votes", "comment", "drops column votes.comment", 0),
                false)).as("no row holds anything").isEmpty();
    }

    @Test
    void onlyNewUniqueIndexesOverColumnsThatHoldValuesAreCheckedForDuplicates() {
        SchemaModel live = schema("CREATE TABLE users", "ALTER TABLE users ADD COLUMN email varchar(255) NOT NULL,"
                + " ADD COLUMN name varchar(50) NULL, ADD UNIQUE KEY users_name (name)");
        SchemaModel next = after(live, "ALTER TABLE users ADD COLUMN login varchar(20) NULL,"
                + " ADD UNIQUE KEY users_email (email), ADD INDEX users_email_name (email, name),"
                + " ADD UNIQUE KEY users_login (login)");
        assertThat(Preflight.addedUniqueIndexes(live.tables().get("users"), live.tables().get("users"),
                next.tables().get("users"))).extracting(SchemaModel.Index::name)
                .as("not PRIMARY or users_name (there already), users_email_name (not unique), users_login (new column)")
                .containsExactly("users_email");
    }

    @Test
    void aNewColumnGivesExistingRowsItsDefaultOrTheImplicitValueOfItsType() {
        SchemaModel.Table movies = after(schema("CREATE TABLE movies"), "ALTER TABLE movies"
                + " ADD COLUMN jury_id int NOT NULL, ADD COLUMN status varchar(10) NOT NULL,"
                + " ADD COLUMN category_id int NOT NULL DEFAULT 1, ADD COLUMN owner_id int NULL").tables().get("movies");
        assertThat(Preflight.valueForExistingRows(movies, "jury_id")).contains("0");
        assertThat(Preflight.valueForExistingRows(movies, "status")).contains("''");
        assertThat(Preflight.valueForExistingRows(movies, "category_id")).contains("1");
        assertThat(Preflight.valueForExistingRows(movies, "owner_id")).as("NULL: no foreign key to break")
                .isEqualTo(Optional.empty());
    }
}

package org.marsai.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The offline SQL preview, with no database: MySQL 8 syntax (GoldenFilesTest compares it with the reviewed golden file). */
class OfflinePreviewTest {

    private final MarsSchema offline = MarsSchema.configure().load();

    /** What changes from run to run: the time of the run and the deployment id. */
    static String stable(String sql) {
        return sql.replaceAll("(?m)^--  Ran at: .*$", "--  Ran at: (time of the run)")
                .replaceAll("'\\d{10}'\\);", "'(deployment id)');");
    }

    @Test
    void scriptRecordsEveryChangeSetSoThatAScriptBuiltDatabaseIsUpToDate() {
        String sql = offline.updateSql();
        assertThat(sql).contains("CREATE TABLE DATABASECHANGELOG (")
                .as("the history table has its primary key in the same statement, for sql_require_primary_key")
                .contains("CONSTRAINT PK_DATABASECHANGELOG PRIMARY KEY (ID, AUTHOR, FILENAME));");
        for (ChangeSetInfo changeSet : offline.changeSets()) {
            assertThat(sql).as("history row of %s", changeSet.id())
                    .contains("INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, ")
                    .contains("VALUES ('" + changeSet.id() + "', 'marsai', 'marsai-schema/" + changeSet.migration() + ".yaml'");
        }
        assertThat(sql).as("no database named in the script").doesNotContain("null@offline").doesNotContain(".csv");
    }

    @Test
    void conditionalDropOfIdFilmIsRecordedWithoutDdlForAnEmptyDatabase() {
        String sql = offline.updateSql();
        assertThat(sql).doesNotContain("DROP COLUMN id_film");
        assertThat(sql).containsPattern("VALUES \\('20260212103000-drop-id-film-from-votes'.*'MARK_RAN'");
        assertThat(sql).contains("ALTER TABLE votes ADD modification_count INT DEFAULT 0 NOT NULL COMMENT"
                + " 'Numero di volte che il voto è stato modificato'");
    }

    @Test
    void twoPreviewsAreTheSame() {
        assertThat(stable(offline.updateSql())).isEqualTo(stable(offline.updateSql()));
    }

    @Test
    void operationsThatNeedADatabaseSaySo() {
        assertThatThrownBy(offline::status).isInstanceOf(MarsSchemaException.class)
                .hasMessageContaining("needs a database")
                .extracting(e -> ((MarsSchemaException) e).code()).isEqualTo(ErrorCode.NO_DATABASE);
    }

    @Test
    void offlineValidationOfTheChangelogPasses() {
        assertThat(offline.validate().problems()).isEmpty();
    }
}

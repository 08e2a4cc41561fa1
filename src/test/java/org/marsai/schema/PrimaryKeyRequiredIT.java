package org.marsai.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.marsai.schema.testing.InProcessCli;
import org.marsai.schema.testing.TestDatabase;
import org.marsai.schema.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Servers that refuse tables without a primary key, as managed MySQL services and Group Replication do
 * ({@code sql_require_primary_key=ON} on MySQL, {@code innodb_force_primary_key=ON} on MariaDB): the history
 * table is created with its key, so update, status and diff work where stock Liquibase fails at once. A history
 * table an older tool made without a key gets one; one with MySQL's invisible key is left as it is.
 */
class PrimaryKeyRequiredIT {

    /** Liquibase 4.33's own history table, without a key, as stock Liquibase and older versions created it. */
    private static final String STOCK_HISTORY_TABLE = "CREATE TABLE DATABASECHANGELOG (ID VARCHAR(255) NOT NULL,"
            + " AUTHOR VARCHAR(255) NOT NULL, FILENAME VARCHAR(255) NOT NULL, DATEEXECUTED datetime NOT NULL,"
            + " ORDEREXECUTED INT NOT NULL, EXECTYPE VARCHAR(10) NOT NULL, MD5SUM VARCHAR(35) NULL,"
            + " `DESCRIPTION` VARCHAR(255) NULL, COMMENTS VARCHAR(255) NULL, TAG VARCHAR(255) NULL,"
            + " LIQUIBASE VARCHAR(20) NULL, CONTEXTS VARCHAR(255) NULL, LABELS VARCHAR(255) NULL,"
            + " DEPLOYMENT_ID VARCHAR(10) NULL)";

    private static boolean mariaDb;
    private static TestServer strict;

    @TempDir
    Path workingDirectory;

    @BeforeAll
    static void startStrictServer() {
        mariaDb = TestServer.get().isMariaDb();
        strict = TestServer.startOwn(mariaDb ? "--innodb-force-primary-key=ON" : "--sql-require-primary-key=ON");
    }

    @AfterAll
    static void removeStrictServer() {
        strict.close();
    }

    @Test
    void updateStatusAndDiffWorkOnAServerThatRequiresPrimaryKeys() {
        try (TestDatabase db = strict.createDatabase()) {
            assertThatThrownBy(() -> db.execute("CREATE TABLE probe (x INT)")).as("the server refuses keyless tables")
                    .hasMessageContaining("primary key");
            InProcessCli cli = new InProcessCli(workingDirectory);

            InProcessCli.Run update = cli.on(db, "update");
            assertThat(update.code()).as(update.err()).isZero();
            assertThat(cli.on(db, "status", "--exit-code").code()).isZero();
            assertThat(cli.on(db, "diff").code()).isZero();
            assertThat(cli.on(db, "rollback", "--count", "2").code()).isZero();
            assertThat(cli.on(db, "update").code()).isZero();

            assertThat(db.count("SELECT COUNT(*) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = '" + db.name()
                    + "' AND TABLE_NAME = 'DATABASECHANGELOG' AND INDEX_NAME = 'PRIMARY'")).isEqualTo(3);
        }
    }

    @Test
    void aHistoryTableMadeWithoutAKeyGetsOneAndDuplicatesAreNamed() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            db.execute(STOCK_HISTORY_TABLE, "INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED,"
                    + " ORDEREXECUTED, EXECTYPE) VALUES ('x', 'a', 'f', NOW(), 1, 'EXECUTED'), ('x', 'a', 'f', NOW(), 2,"
                    + " 'EXECUTED')");
            MarsSchema schema = db.schema();

            assertThatThrownBy(schema::update).hasMessageContaining("has no primary key and records changesets more"
                    + " than once: x of f (2 times)").hasMessageContaining("Delete the extra rows");

            db.execute("DELETE FROM DATABASECHANGELOG WHERE ORDEREXECUTED = 2");
            schema.update();
            assertThat(db.query("SELECT COLUMN_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = '"
                    + db.name() + "' AND TABLE_NAME = 'DATABASECHANGELOG' AND INDEX_NAME = 'PRIMARY' ORDER BY SEQ_IN_INDEX"))
                    .extracting(r -> r.get(0)).containsExactly("ID", "AUTHOR", "FILENAME");
            assertThat(schema.status().isUpToDate()).isTrue();
        }
    }

    @Test
    void aHistoryTableWithMySqlsInvisibleKeyIsUsedAsItIs() {
        // MySQL 8.0.30+ gives a keyless table an invisible my_row_id key; MariaDB has no such thing, and there the
        // keyless table of the previous test is the case. Both kinds run this test; on MariaDB it shows the
        // server's own refusal of a keyless table is not needed for the library to keep its key rule.
        TestServer server = mariaDb ? null : TestServer.startOwn("--sql-generate-invisible-primary-key=ON");
        try (TestDatabase db = (server == null ? TestServer.get() : server).createDatabase()) {
            db.execute(STOCK_HISTORY_TABLE);
            boolean invisibleKey = !mariaDb;
            MarsSchema schema = db.schema();

            schema.update();

            String key = String.join(",", db.query("SELECT COLUMN_NAME FROM information_schema.STATISTICS WHERE"
                    + " TABLE_SCHEMA = '" + db.name() + "' AND TABLE_NAME = 'DATABASECHANGELOG' AND INDEX_NAME = 'PRIMARY'"
                    + " ORDER BY SEQ_IN_INDEX").stream().map(r -> r.get(0)).toList());
            assertThat(key).isEqualTo(invisibleKey ? "my_row_id" : "ID,AUTHOR,FILENAME");
            assertThat(schema.status().isUpToDate()).isTrue();
            assertThat(schema.diff().hasDrift()).isFalse();
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }
}

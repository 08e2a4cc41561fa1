package org.marsai.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.mysql.cj.jdbc.MysqlDataSource;
import org.marsai.schema.testing.InformationSchema;
import org.marsai.schema.testing.JavaProcess;
import org.marsai.schema.testing.RecordingDataSource;
import org.marsai.schema.testing.TestDatabase;
import org.marsai.schema.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * A consolidated install killed part-way: a JVM of its own halts right after its N-th {@code CREATE TABLE} (the
 * history table's first), for every N, leaving what a crash there leaves. The next update finishes the install, and
 * the database is then the one the step-by-step path builds. A database where such tables no longer are as the
 * install left them (a row, a changed column) is not finished: the update refuses as it always did.
 */
class ConsolidatedInstallCrashIT {

    private static final int HALTED = 77;

    @Test
    void anInstallKilledAfterAnyOfItsStatementsIsFinishedByTheNextUpdate() throws Exception {
        try (TestDatabase reference = TestServer.get().createDatabase()) {
            UpdateResult expected = reference.configure().consolidatedInstall(false).load().update();
            int statements = reference.tables().size(); // the MarsAI tables and the history table
            for (int haltAfter = 1; haltAfter <= statements; haltAfter++) {
                try (TestDatabase db = TestServer.get().createDatabase()) {
                    JavaProcess.Result killed = installUntil(db, haltAfter);
                    assertThat(killed.exitCode()).as("halted after CREATE TABLE #%d: %s", haltAfter, killed.output())
                            .isEqualTo(HALTED);
                    assertThat(db.tables()).as("tables left after CREATE TABLE #%d", haltAfter).hasSize(haltAfter);
                    assertThat(db.count("SELECT COUNT(*) FROM DATABASECHANGELOG")).isZero();

                    RecordingDataSource recorded = new RecordingDataSource(db.dataSource());
                    UpdateResult result = MarsSchema.configure().dataSource(recorded).load().update();

                    assertThat(result).as("finished after CREATE TABLE #%d", haltAfter).isEqualTo(expected);
                    assertThat(recorded.statements().stream().filter(sql -> sql.startsWith("CREATE TABLE `")))
                            .as("the tables still missing").hasSize(statements - haltAfter);
                    assertThat(InformationSchema.picture(db)).containsExactlyElementsOf(InformationSchema.picture(reference));
                    assertThat(InformationSchema.history(db)).containsExactlyElementsOf(InformationSchema.history(reference));
                }
            }
        }
    }

    @Test
    void tablesChangedSinceTheInstallWasKilledAreNotTakenForItsWork() throws Exception {
        for (String change : List.of("INSERT INTO users (first_name, last_name, email, password) VALUES ('a', 'b', 'c', 'd')",
                "ALTER TABLE users ADD COLUMN nickname VARCHAR(20)")) {
            try (TestDatabase db = TestServer.get().createDatabase()) {
                assertThat(installUntil(db, "users").exitCode()).isEqualTo(HALTED);
                assertThat(db.tables()).contains("users");
                db.execute(change);
                List<String> before = InformationSchema.picture(db);

                assertThatThrownBy(() -> db.schema().update()).as(change).isInstanceOfSatisfying(MarsSchemaException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.HISTORY_DAMAGED));
                assertThat(InformationSchema.picture(db)).as("nothing changed").containsExactlyElementsOf(before);
                assertThat(db.count("SELECT COUNT(*) FROM DATABASECHANGELOG")).isZero();
            }
        }
    }

    private static JavaProcess.Result installUntil(TestDatabase db, Object haltAfter) throws Exception {
        return JavaProcess.run(List.of(), System.getProperty("java.class.path"), HaltingInstall.class.getName(), Map.of(),
                db.url(), db.user(), db.password(), String.valueOf(haltAfter));
    }

    /**
     * Runs an update of an empty database and halts the JVM right after its N-th CREATE TABLE has run, or the
     * CREATE TABLE of the table named instead of N.
     */
    public static final class HaltingInstall {
        public static void main(String[] args) {
            MysqlDataSource server = new MysqlDataSource();
            server.setURL(args[0]);
            server.setUser(args[1]);
            server.setPassword(args[2]);
            String haltAfter = args[3];
            AtomicInteger created = new AtomicInteger();
            RecordingDataSource halting = new RecordingDataSource(server, sql -> {
                if (sql.startsWith("CREATE TABLE") && (String.valueOf(created.incrementAndGet()).equals(haltAfter)
                        || sql.startsWith("CREATE TABLE `" + haltAfter + "`"))) {
                    Runtime.getRuntime().halt(HALTED);
                }
            });
            MarsSchema.configure().dataSource(halting).load().update();
            System.exit(0);
        }
    }
}

package org.marsai.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.marsai.schema.testing.Migrations;
import org.marsai.schema.testing.CliProcess;
import org.marsai.schema.testing.ExpectedSchema;
import org.marsai.schema.testing.Figures;
import org.marsai.schema.testing.TestDatabase;
import org.marsai.schema.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lease lock that clusters use (a row in Liquibase's DATABASECHANGELOGLOCK, renewed while held), forced on
 * a single server with {@code -Dmarsai.schema.lock=lease} so that its rules are checked apart from any
 * cluster: one run at a time across processes, a killed holder delays the next run by at most the lease,
 * waiting callers name the holder, and Liquibase's own lock in the same row is respected.
 */
class LeaseLockIT {

    private static final Map<String, String> LEASE = Map.of("JAVA_TOOL_OPTIONS", "-Dmarsai.schema.lock=lease");

    @BeforeEach
    void forceLease() {
        System.setProperty("marsai.schema.lock", "lease");
    }

    @AfterEach
    void automatic() {
        System.clearProperty("marsai.schema.lock");
    }

    @Test
    void updatersInSeveralProcessesAtOnceEndWithOneHistory() throws Exception {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            List<Process> processes = new ArrayList<>();
            List<Path> logs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Path log = Files.createTempFile("lease-update", ".log");
                logs.add(log);
                processes.add(CliProcess.start(db, log, LEASE, "update"));
            }
            db.schema().update();
            for (int i = 0; i < processes.size(); i++) {
                assertThat(processes.get(i).waitFor(5, TimeUnit.MINUTES)).isTrue();
                assertThat(processes.get(i).exitValue()).as("process %d: %s", i, Files.readString(logs.get(i))).isZero();
                Files.delete(logs.get(i));
            }
            assertThat(db.count("SELECT COUNT(*) FROM DATABASECHANGELOG")).isEqualTo(Migrations.changeSetCount());
            assertThat(ExpectedSchema.sorted(db.picture())).containsExactlyElementsOf(ExpectedSchema.load().afterAll());
            assertThat(db.query("SELECT LOCKED FROM DATABASECHANGELOGLOCK")).as("released").containsExactly(List.of("0"));
        }
    }

    @Test
    void aKilledHolderDelaysTheNextRunByAtMostTheLease() throws Exception {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            Path log = Files.createTempFile("lease-killed", ".log");
            Process holder = CliProcess.start(db, log, LEASE, "update");
            Instant deadline = Instant.now().plusSeconds(60);
            while (!leaseTaken(db) && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            assertThat(leaseTaken(db)).as("the first run took the lease").isTrue();
            holder.destroyForcibly().waitFor();
            Files.deleteIfExists(log);

            long start = System.nanoTime();
            db.schema().update();
            Duration waited = Duration.ofNanos(System.nanoTime() - start);

            assertThat(waited).as("at most the 30 s lease, and a little work").isLessThan(Duration.ofSeconds(45));
            assertThat(ExpectedSchema.sorted(db.picture())).containsExactlyElementsOf(ExpectedSchema.load().afterAll());
            assertThat(db.schema().diff().hasDrift()).isFalse();
            Figures.record("LeaseLockIT.aKilledHolderDelaysTheNextRunByAtMostTheLease", "holder killed with SIGKILL"
                    + " while holding the lease; the next update waited " + waited.toMillis() + " ms (lease 30 s) and"
                    + " finished the schema");
        }
    }

    @Test
    void aWaitingRunNamesTheHolderOfTheLease() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            schema.updateTo("20260128100000-create-users");
            db.execute("UPDATE DATABASECHANGELOGLOCK SET LOCKED = 1, LOCKGRANTED = UTC_TIMESTAMP(),"
                    + " LOCKEDBY = 'marsai-schema lease 1234abcd by deploy@pod-7 pid 42: update' WHERE ID = 1");
            MarsSchema impatient = db.configure().lockWait(Duration.ofSeconds(2)).load();

            assertThatThrownBy(impatient::update).isInstanceOf(LockTimeoutException.class)
                    .hasMessageContaining("held by 1234abcd by deploy@pod-7 pid 42: update")
                    .hasMessageContaining("loses it after 30 s");
            assertThat(schema.releaseLocks()).singleElement().asString().contains("it is a live run");
        }
    }

    @Test
    void liquibasesOwnLockInTheSameRowIsWaitedForAndNamed() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            schema.updateTo("20260128100000-create-users");
            db.execute("UPDATE DATABASECHANGELOGLOCK SET LOCKED = 1, LOCKGRANTED = NOW(), LOCKEDBY = 'old-pod-7 (10.0.0.7)'"
                    + " WHERE ID = 1");

            assertThatThrownBy(() -> db.configure().lockWait(Duration.ofSeconds(2)).load().update())
                    .isInstanceOf(LockTimeoutException.class).hasMessageContaining("'old-pod-7 (10.0.0.7)'")
                    .hasMessageContaining("release-locks");
            assertThat(schema.releaseLocks()).singleElement().asString().contains("old-pod-7");
            assertThat(schema.update().executed()).isNotEmpty();
        }
    }

    @Test
    void anExpiredLeaseOfADeadRunIsTakenOverAtOnce() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            MarsSchema schema = db.schema();
            schema.updateTo("20260128100000-create-users");
            db.execute("UPDATE DATABASECHANGELOGLOCK SET LOCKED = 1, LOCKGRANTED = UTC_TIMESTAMP() - INTERVAL 2 MINUTE,"
                    + " LOCKEDBY = 'marsai-schema lease dead0001 by deploy@pod-3 pid 7: update' WHERE ID = 1");

            long start = System.nanoTime();
            schema.update();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
            assertThat(schema.status().isUpToDate()).isTrue();
        }
    }

    private static boolean leaseTaken(TestDatabase db) {
        return db.tables().contains("DATABASECHANGELOGLOCK")
                && db.count("SELECT COUNT(*) FROM DATABASECHANGELOGLOCK WHERE LOCKED = 1") > 0;
    }
}

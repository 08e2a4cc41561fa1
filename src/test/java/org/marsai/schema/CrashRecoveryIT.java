package org.marsai.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.marsai.schema.testing.Migrations;
import org.marsai.schema.testing.CliProcess;
import org.marsai.schema.testing.ExpectedSchema;
import org.marsai.schema.testing.Figures;
import org.marsai.schema.testing.TestDatabase;
import org.marsai.schema.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * Kill the updating process at random moments ({@code kill -9}): the next update reaches the complete
 * schema with nobody touching the database.
 */
class CrashRecoveryIT {

    private static final int UPDATE_KILLS = 20;
    private static final int ROLLBACK_KILLS = 10;
    private static final long SEED = Long.getLong("marsai.killSeed", System.nanoTime());

    /** How long a whole `update` process takes here, to spread the kills over it. */
    private static long measureUpdateMillis() throws Exception {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            long start = System.nanoTime();
            assertThat(CliProcess.run(db, "update").exitCode()).isZero();
            return (System.nanoTime() - start) / 1_000_000;
        }
    }

    @Test
    void killedUpdatesAreCompletedByTheNextUpdate() throws Exception {
        long duration = measureUpdateMillis();
        Random random = new Random(SEED);
        int killedMidRun = 0;
        int recoveries = 0;
        int interrupted = 0;
        int historyBehind = 0;
        for (int run = 1; run <= UPDATE_KILLS; run++) {
            try (TestDatabase db = TestServer.get().createDatabase()) {
                if (run % 4 == 0) {
                    db.schema().updateTo("20260205131006-create-movies-juries"); // killed part-way from the middle
                }
                long delay = (long) (duration * (0.15 + 0.8 * random.nextDouble()));
                if (killMidRun(db, delay, "update")) {
                    killedMidRun++;
                }
                MarsSchema schema = db.schema();
                if (markerLeft(db)) {
                    interrupted++;
                    if (schema.diff().hasDrift()) {
                        historyBehind++;
                    }
                }
                schema.update();
                recoveries++;
                assertThat(ExpectedSchema.sorted(db.picture())).as("schema after run %d (kill after %d ms, seed %d)", run, delay, SEED)
                        .containsExactlyElementsOf(ExpectedSchema.committedFinalPicture());
                assertThat(schema.status().isUpToDate()).isTrue();
                assertThat(db.count("SELECT COUNT(*) FROM DATABASECHANGELOG")).as("history rows, marker gone").isEqualTo(Migrations.changeSetCount());
                assertThat(schema.diff().hasDrift()).isFalse();
            }
        }
        Figures.record("CrashRecoveryIT.update", UPDATE_KILLS + " runs, " + killedMidRun + " killed with kill -9 while"
                + " updating (delay spread over a " + duration + " ms update, seed " + SEED + "); " + interrupted
                + " left an interrupted run, " + historyBehind + " of them with a DDL applied but not recorded; " + recoveries
                + " recovering updates reached the specified schema; failures: 0");
        assertThat(killedMidRun).as("kills that landed mid-run").isGreaterThanOrEqualTo(UPDATE_KILLS / 2);
    }

    @Test
    void killedRollbacksAreCompletedByTheNextUpdate() throws Exception {
        Random random = new Random(SEED + 1);
        int killedMidRun = 0;
        int historyAhead = 0;
        for (int run = 1; run <= ROLLBACK_KILLS; run++) {
            try (TestDatabase db = TestServer.get().createDatabase()) {
                db.schema().update();
                long start = System.nanoTime();
                long delay = 700 + random.nextInt(2500);
                if (killMidRun(db, delay, "rollback", "--to", "20260128100003-create-events")) {
                    killedMidRun++;
                }
                MarsSchema schema = db.schema();
                if (markerLeft(db) && schema.diff().hasDrift()) {
                    historyAhead++;
                }
                schema.update();
                assertThat(ExpectedSchema.sorted(db.picture())).as("schema after rollback run %d (kill after %d ms, seed %d)",
                        run, delay, SEED).containsExactlyElementsOf(ExpectedSchema.committedFinalPicture());
                assertThat(schema.status().isUpToDate()).isTrue();
                assertThat(db.count("SELECT COUNT(*) FROM DATABASECHANGELOG")).isEqualTo(Migrations.changeSetCount());
                assertThat(System.nanoTime() - start).isPositive();
            }
        }
        Figures.record("CrashRecoveryIT.rollback", ROLLBACK_KILLS + " runs, " + killedMidRun + " rollbacks killed with"
                + " kill -9 mid-run (" + historyAhead + " with a rollback DDL applied but its row not removed), each followed"
                + " by an update that reached the specified schema; failures: 0");
        assertThat(killedMidRun).isGreaterThanOrEqualTo(ROLLBACK_KILLS / 2);
    }

    private static boolean markerLeft(TestDatabase db) {
        return db.tables().contains("DATABASECHANGELOG")
                && db.count("SELECT COUNT(*) FROM DATABASECHANGELOG WHERE ID = 'marsai-schema-run-in-progress'") > 0;
    }

    /** Starts the command line and kills it after {@code delayMillis}; true when it was still running. */
    private static boolean killMidRun(TestDatabase db, long delayMillis, String... args) throws Exception {
        Path log = Files.createTempFile("marsai-kill", ".log");
        try {
            Process process = CliProcess.start(db, log, args);
            boolean finished = process.waitFor(delayMillis, TimeUnit.MILLISECONDS);
            if (!finished) {
                process.destroyForcibly().waitFor();
            }
            return !finished;
        } finally {
            Files.deleteIfExists(log);
        }
    }
}

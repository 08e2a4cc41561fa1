package org.marsai.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.marsai.schema.testing.Figures;
import org.marsai.schema.testing.TestDatabase;
import org.marsai.schema.testing.TestServer;

/**
 * Rollbacks during an incident, with the application still writing: no row or value that the server
 * acknowledged to another connection is ever destroyed, whether it arrived before the data-loss check or
 * between the check and the drop.
 */
class LiveTrafficIT {

    private static final String NEWSLETTER = "20260302171000-create-newsletter-subscribers";

    /** A transaction of the application's, open while the rollback starts, committed once the rollback waits for it. */
    @Test
    void aRowCommittedWhileTheRollbackWaitsToDropItsTableStopsTheRollbackAndStays() throws Exception {
        try (TestDatabase db = TestServer.get().createDatabase(); Connection application = db.connect()) {
            MarsSchema schema = db.schema();
            schema.updateTo(NEWSLETTER);
            assertThat(lastMigrationUndoneWhile(db, schema, application,
                    "INSERT INTO newsletter_subscribers (email) VALUES ('late@example.org')")).isInstanceOf(RollbackRefusedException.class)
                    .hasMessageContaining("Rollback stopped at changeset " + NEWSLETTER)
                    .hasMessageContaining("received rows while the rollback ran: 1 row(s)")
                    .hasMessageContaining("Nothing was lost");
            assertThat(db.query("SELECT email FROM newsletter_subscribers")).containsExactly(List.of("late@example.org"));
            assertThat(schema.status().currentMigration()).as("the history still records the migration").contains(NEWSLETTER);
            assertThat(schema.diff().differences()).isEmpty();
        }
    }

    @Test
    void aValueCommittedWhileTheRollbackWaitsToDropItsColumnStopsTheRollbackAndStays() throws Exception {
        try (TestDatabase db = TestServer.get().createDatabase(); Connection application = db.connect()) {
            MarsSchema schema = db.schema();
            schema.updateTo("20260214130000-add-admin-comment-to-movies");
            db.execute(TestDatabase.ONE_USER, "INSERT INTO movies (title, duration, id_user) VALUES ('Film', 10, 1)");
            assertThat(lastMigrationUndoneWhile(db, schema, application,
                    "UPDATE movies SET admin_comment = 'keep me'")).isInstanceOf(RollbackRefusedException.class)
                    .hasMessageContaining("drops column movies.admin_comment, which received values while the"
                            + " rollback ran: 1 row(s)");
            assertThat(db.query("SELECT admin_comment FROM movies")).containsExactly(List.of("keep me"));
            assertThat(schema.diff().differences()).isEmpty();
        }
    }

    @Test
    void anEnumValueCommittedWhileTheRollbackWaitsToRemoveItStopsTheRollbackAndStays() throws Exception {
        try (TestDatabase db = TestServer.get().createDatabase(); Connection application = db.connect()) {
            MarsSchema schema = db.schema();
            schema.updateTo("20260216120000-alter-movies-selection-status");
            db.execute(TestDatabase.ONE_USER, "INSERT INTO movies (title, duration, id_user) VALUES ('Film', 10, 1)");
            assertThat(lastMigrationUndoneWhile(db, schema, application,
                    "UPDATE movies SET selection_status = 'assigned'")).isInstanceOf(RollbackRefusedException.class)
                    .hasMessageContaining("Rollback stopped at changeset 20260216120000-alter-movies-selection-status")
                    .hasMessageContaining("Nothing was lost");
            assertThat(db.query("SELECT selection_status FROM movies")).containsExactly(List.of("assigned"));
            assertThat(schema.status().currentMigration()).contains("20260216120000-alter-movies-selection-status");
            assertThat(schema.diff().differences()).isEmpty();
        }
    }

    /**
     * The reproduction, repeated: an empty table, a rollback started, and from the moment the rollback
     * is under way an insert every few milliseconds from another connection. Every acknowledged row is still
     * there afterwards, whichever way each round ends.
     */
    @Test
    void everyRowAcknowledgedToAWriterDuringRollbacksIsStillThere() throws Exception {
        int rounds = 8;
        int refused = 0;
        int dropped = 0;
        long acknowledgedTotal = 0;
        for (int round = 0; round < rounds; round++) {
            try (TestDatabase db = TestServer.get().createDatabase()) {
                MarsSchema schema = db.schema();
                schema.updateTo(NEWSLETTER);
                Set<String> acknowledged = ConcurrentHashMap.newKeySet();
                AtomicBoolean stop = new AtomicBoolean();
                CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> write(db, stop, acknowledged));
                try {
                    schema.rollback(RollbackTarget.lastMigrations(1));
                    dropped++;
                } catch (RollbackRefusedException e) {
                    refused++;
                } finally {
                    stop.set(true);
                    writer.get(1, TimeUnit.MINUTES);
                }
                acknowledgedTotal += acknowledged.size();
                List<String> present = db.tables().contains("newsletter_subscribers")
                        ? db.query("SELECT email FROM newsletter_subscribers").stream().map(r -> r.get(0)).toList()
                        : List.of();
                assertThat(present).as("round %d: every acknowledged row is there", round).containsAll(acknowledged);
                assertThat(schema.diff().differences()).as("round %d: schema and history agree", round).isEmpty();
            }
        }
        Figures.record("LiveTrafficIT.everyRowAcknowledgedToAWriterDuringRollbacksIsStillThere", rounds
                + " rollbacks of " + NEWSLETTER + " with an insert every 2 ms once under way: " + dropped + " dropped the"
                + " table (no row had been acknowledged), " + refused + " stopped and kept the " + acknowledgedTotal
                + " acknowledged row(s); 0 lost");
    }

    /** Inserts from the moment the rollback marks its run until told to stop; records what the server acknowledged. */
    private static void write(TestDatabase db, AtomicBoolean stop, Set<String> acknowledged) {
        try (Connection c = db.connect();
             PreparedStatement marker = c.prepareStatement("SELECT COUNT(*) FROM DATABASECHANGELOG WHERE ID ="
                     + " 'marsai-schema-run-in-progress'");
             PreparedStatement insert = c.prepareStatement("INSERT INTO newsletter_subscribers (email) VALUES (?)")) {
            while (!stop.get()) {
                try (ResultSet rs = marker.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        break;
                    }
                }
            }
            for (int i = 0; !stop.get(); i++) {
                String email = "w" + i + "@example.org";
                try {
                    insert.setString(1, email);
                    insert.executeUpdate();
                    acknowledged.add(email);
                } catch (SQLException e) {
                    // the table is gone or moved aside: the application sees an error, not a silent loss
                }
                Thread.sleep(2);
            }
        } catch (SQLException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Undoes the last migration while the application's transaction, {@code write} uncommitted, is open; commits it
     * once the rollback waits for it; returns what the rollback ended with.
     */
    private static Throwable lastMigrationUndoneWhile(TestDatabase db, MarsSchema schema, Connection application,
                                                      String write) throws Exception {
        application.setAutoCommit(false);
        try (Statement statement = application.createStatement()) {
            statement.executeUpdate(write);
        }
        CompletableFuture<RollbackResult> rollback = CompletableFuture.supplyAsync(
                () -> schema.rollback(RollbackTarget.lastMigrations(1)));
        awaitMetadataLockWait(db);
        application.commit();
        try {
            rollback.get(1, TimeUnit.MINUTES);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    /** Waits until a session of the test database waits for a metadata lock: the rollback's DDL behind the open transaction. */
    private static void awaitMetadataLockWait(TestDatabase db) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            List<List<String>> waiting = db.query("SELECT ID FROM information_schema.PROCESSLIST WHERE DB = '" + db.name()
                    + "' AND STATE LIKE 'Waiting for table metadata lock%'");
            if (!waiting.isEmpty()) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the rollback never waited for the application's open transaction");
    }
}

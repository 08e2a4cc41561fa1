package org.marsai.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.marsai.schema.internal.model.TestAccess;
import org.marsai.schema.testing.ExpectedSchema;
import org.marsai.schema.testing.Figures;
import org.marsai.schema.testing.TestServer;

/**
 * The server dies in the middle of an update (a power cut: SIGKILL to the server process) or is stopped
 * cleanly; after it restarts, the next update completes the schema. Runs on a server of its own, of the kind
 * under test (a container of the tested image, or a private mariadbd), which it stops and restarts.
 */
class ServerStopIT {

    private static final String[] DATABASES = {"stop_80", "stop_200", "stop_350", "stop_550", "stop_clean",
        "stop_rollback"};
    private static TestServer server;

    @BeforeAll
    static void startOwnServer() {
        server = TestServer.startOwn();
    }

    @AfterAll
    static void removeServer() throws Exception {
        try (Connection c = server.rootConnection(); Statement s = c.createStatement()) {
            for (String database : DATABASES) {
                s.execute("DROP DATABASE IF EXISTS `" + database + "`");
            }
        } finally {
            server.close();
        }
    }

    private static MarsSchema schema(String database) throws Exception {
        try (Connection c = server.rootConnection(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + database + "`");
            s.execute("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4");
        }
        // step by step: the server is stopped amid its 98 statements (an empty database's consolidated install is a
        // few statements, over before any stop lands; ConsolidatedInstallCrashIT halts that one after each table)
        return MarsSchema.configure().url(server.jdbcUrl(database)).username(server.user()).password(server.password())
                .consolidatedInstall(false).load();
    }

    @Test
    void serverKilledMidUpdateThenRestartedAndTheNextUpdateCompletes() throws Exception {
        int runs = 0;
        int interrupted = 0;
        for (long delay : new long[] {80, 200, 350, 550}) {
            String database = "stop_" + delay;
            MarsSchema schema = schema(database);
            CompletableFuture<UpdateResult> update = CompletableFuture.supplyAsync(schema::update);
            Thread.sleep(delay);
            server.control().kill();
            try {
                update.get(2, TimeUnit.MINUTES);
            } catch (Exception e) {
                interrupted++;
                assertThat(e.getCause()).as("the failure of the interrupted update").isInstanceOf(MarsSchemaException.class);
            }
            server.control().restart();
            runs++;

            schema.update();

            assertThat(schema.status().isUpToDate()).isTrue();
            try (Connection c = DriverManager.getConnection(server.jdbcUrl(database), server.user(), server.password())) {
                assertThat(ExpectedSchema.sorted(TestAccess.picture(c, database)))
                        .as("schema after a server kill at %d ms", delay)
                        .containsExactlyElementsOf(ExpectedSchema.committedFinalPicture());
            }
        }
        Figures.record("ServerStopIT", runs + " updates with the server (" + server.description()
                + ") killed (SIGKILL) mid-way and restarted, " + interrupted
                + " of them interrupted; each next update reached the specified schema; failures: 0");
        assertThat(interrupted).isPositive();
    }

    @Test
    void serverStoppedCleanlyMidUpdateThenRestarted() throws Exception {
        MarsSchema schema = schema("stop_clean");
        CompletableFuture<UpdateResult> update = CompletableFuture.supplyAsync(schema::update);
        Thread.sleep(500);
        server.control().stop();
        try {
            update.get(2, TimeUnit.MINUTES);
        } catch (Exception e) {
            assertThat(e.getCause()).isInstanceOf(MarsSchemaException.class);
        }
        server.control().restart();
        schema.update();
        assertThat(schema.status().isUpToDate()).isTrue();
        assertThat(schema.diff().hasDrift()).isFalse();
    }

    @Test
    void serverKilledDuringARollbackIsNamedAndTheNextRunFinishes() throws Exception {
        MarsSchema schema = schema("stop_rollback");
        schema.update();
        int recorded = schema.history().size();
        CompletableFuture<RollbackResult> rollback = CompletableFuture.supplyAsync(
                () -> schema.rollback(RollbackTarget.all()));
        // Killed once the rollback is under way, as the server shows it (a history row gone, dozens to go),
        // not after a guessed delay: under load the rollback may not have started yet, or on a fast machine ended.
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("stop_rollback"), server.user(), server.password());
             Statement s = c.createStatement()) {
            while (!rollback.isDone()) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM DATABASECHANGELOG WHERE ID <>"
                        + " 'marsai-schema-run-in-progress'")) {
                    rs.next();
                    if (rs.getInt(1) < recorded) {
                        break;
                    }
                }
                Thread.sleep(5);
            }
        }
        server.control().kill();
        Throwable failure = null;
        try {
            rollback.get(2, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            failure = e.getCause();
        }
        server.control().restart();

        assertThat(failure).as("the rollback was cut off").isInstanceOf(ConnectionException.class);
        assertThat(((MarsSchemaException) failure).code()).isEqualTo(ErrorCode.CONNECTION_FAILED);
        // Any step may be cut off: the whole operation ("rollback of every migration") or the one under way
        // ("undo changeset …", "write to the migration history …") is named; the failure is never SequelizeMeta's.
        assertThat(failure).hasMessageFindingMatch("(was lost|stopped answering) during \\S")
                .hasMessageNotContaining("SequelizeMeta");
        schema.update();
        assertThat(schema.status().isUpToDate()).isTrue();
        assertThat(schema.diff().hasDrift()).isFalse();
    }
}

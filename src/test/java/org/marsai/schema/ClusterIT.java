package org.marsai.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.marsai.schema.testing.CliProcess;
import org.marsai.schema.testing.ClusterDatabase;
import org.marsai.schema.testing.Figures;
import org.marsai.schema.testing.GaleraCluster;
import org.marsai.schema.testing.GroupReplicationCluster;
import org.marsai.schema.testing.Migrations;

/**
 * The library on real clusters of three nodes, in containers on a network of their own: a MariaDB Galera
 * cluster, a MySQL 9.7 Group Replication group in multi-primary mode (every member takes writes) and one in
 * single-primary mode. Each cluster is started once for its tests. Updates started together, one per node,
 * all succeed with one history; a killed holder of the lock delays the next run by at most its lease; a node
 * killed during an update leaves a surviving node to finish it.
 */
class ClusterIT {

    private static final int CHANGESETS = Migrations.changeSetCount();

    /** Three updates started at the same moment, one through each node, {@code rounds} times. */
    private static void updatesStartedTogetherOnePerNode(String cluster, IntFunction<ClusterDatabase> fresh,
                                                         int rounds) throws Exception {
        int runs = 0;
        for (int round = 1; round <= rounds; round++) {
            try (ClusterDatabase db = fresh.apply(round)) {
                CountDownLatch start = new CountDownLatch(1);
                List<CompletableFuture<UpdateResult>> updates = new ArrayList<>();
                for (int node = 1; node <= 3; node++) {
                    MarsSchema schema = db.schema(node);
                    updates.add(CompletableFuture.supplyAsync(() -> {
                        try {
                            start.await();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                        return schema.update();
                    }));
                }
                start.countDown();
                List<Integer> executed = new ArrayList<>();
                for (int node = 1; node <= 3; node++) {
                    UpdateResult result = updates.get(node - 1).get(5, TimeUnit.MINUTES);
                    executed.add(result.executed().size() + result.markedRan().size());
                    runs++;
                }
                assertThat(executed).as("round %d: one run applied everything, the others found nothing to do", round)
                        .containsExactlyInAnyOrder(CHANGESETS, 0, 0);
                for (int node = 1; node <= 3; node++) {
                    assertThat(db.count(node, "SELECT COUNT(*) FROM {db}.DATABASECHANGELOG")).isEqualTo(CHANGESETS);
                    assertThat(db.count(node, "SELECT COUNT(DISTINCT ID, FILENAME) FROM {db}.DATABASECHANGELOG"))
                            .as("no changeset recorded twice").isEqualTo(CHANGESETS);
                    assertThat(db.schema(node).diff().differences()).as("round %d, node %d", round, node).isEmpty();
                }
            }
        }
        Figures.record("ClusterIT." + cluster, rounds + " rounds of 3 updates started together, one per node, on an"
                + " empty database: " + runs + " runs, " + runs + " exited normally, one history of " + CHANGESETS
                + " rows each round, no row twice, no drift on any node; failures: 0");
    }

    /** The holder of the lease, a whole process, killed with SIGKILL: the next run through another node finishes. */
    private static Duration killedHolder(ClusterDatabase db, int holderNode, int nextNode, String user, String password)
            throws Exception {
        Path log = Files.createTempFile("cluster-holder", ".log");
        Process holder = CliProcess.start(db.url(holderNode), user, password, log, Map.of(), "update");
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline) && !leaseTaken(db, holderNode)) {
            Thread.sleep(20);
        }
        assertThat(leaseTaken(db, holderNode)).as("the first run took the lease: %s", Files.readString(log)).isTrue();
        holder.destroyForcibly().waitFor();
        Files.deleteIfExists(log);

        long start = System.nanoTime();
        db.schema(nextNode).update();
        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        assertThat(waited).as("at most the 30 s lease and the work").isLessThan(Duration.ofSeconds(60));
        for (int node = 1; node <= 3; node++) {
            assertThat(db.schema(node).diff().differences()).as("node %d", node).isEmpty();
        }
        return waited;
    }

    private static boolean leaseTaken(ClusterDatabase db, int node) {
        try {
            return !db.column(node, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = '"
                    + db.name() + "' AND TABLE_NAME = 'DATABASECHANGELOGLOCK'").isEmpty()
                    && db.count(node, "SELECT COUNT(*) FROM {db}.DATABASECHANGELOGLOCK WHERE LOCKED = 1") > 0;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void firstUpdate(ClusterDatabase db, int through) throws Exception {
        UpdateResult result = db.schema(through).update();
        assertThat(result.executed().size() + result.markedRan().size()).isEqualTo(CHANGESETS);
        for (int node = 1; node <= 3; node++) {
            assertThat(db.schema(node).diff().differences()).as("node %d", node).isEmpty();
            assertThat(db.count(node, "SELECT COUNT(*) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = '"
                    + db.name() + "' AND TABLE_NAME = 'DATABASECHANGELOG' AND INDEX_NAME = 'PRIMARY'"))
                    .as("the history table has its primary key").isEqualTo(3);
            assertThat(db.column(node, "SELECT LOCKED FROM {db}.DATABASECHANGELOGLOCK")).as("the lease was released")
                    .containsExactly("0");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class Galera {

        private GaleraCluster cluster;

        @BeforeAll
        void startCluster() {
            cluster = new GaleraCluster().start();
        }

        @AfterAll
        void removeCluster() {
            if (cluster != null) {
                cluster.close();
            }
        }

        @Test
        @Order(1)
        void aFirstUpdateOnAnEmptyDatabaseWorksThroughAnyNode() throws Exception {
            try (ClusterDatabase db = ClusterDatabase.create(cluster, 1)) {
                firstUpdate(db, 2);
                ValidationResult validation = db.schema(3).validate();
                assertThat(validation.problems()).isEmpty();
                assertThat(validation.warnings()).isEmpty();
            }
        }

        @Test
        @Order(2)
        void updatesStartedTogetherOnePerNodeAllSucceedWithOneHistory() throws Exception {
            updatesStartedTogetherOnePerNode("Galera", round -> create(round % 3 + 1), 4);
        }

        @Test
        @Order(3)
        void aKilledHolderOfTheLockDelaysTheNextRunByAtMostTheLease() throws Exception {
            try (ClusterDatabase db = ClusterDatabase.create(cluster, 1)) {
                Duration waited = killedHolder(db, 1, 2, cluster.user(), cluster.password());
                Figures.record("ClusterIT.Galera.killedHolder", "update process holding the lease through node 1"
                        + " killed (SIGKILL); the update through node 2 finished after " + waited.toMillis() + " ms");
            }
        }

        @Test
        @Order(4)
        void aNodeKilledDuringAnUpdateLeavesTheUpdateToFinishOnTheOthers() throws Exception {
            try (ClusterDatabase db = ClusterDatabase.create(cluster, 1)) {
                CompletableFuture<UpdateResult> update = CompletableFuture.supplyAsync(() -> db.schema(1).update());
                Thread.sleep(300);
                cluster.kill(3);
                assertThat(update.get(5, TimeUnit.MINUTES).executed()).isNotEmpty();
                for (int node = 1; node <= 2; node++) {
                    assertThat(db.schema(node).diff().differences()).as("node %d", node).isEmpty();
                }
                cluster.restart(3);
                assertThat(db.schema(3).diff().differences()).as("node 3, back").isEmpty();
            }
        }

        @Test
        @Order(5)
        void theNodeOfTheUpdateKilledTheUpdateThroughASurvivingNodeFinishes() throws Exception {
            try (ClusterDatabase db = ClusterDatabase.create(cluster, 2)) {
                CompletableFuture<UpdateResult> update = CompletableFuture.supplyAsync(() -> db.schema(1).update());
                Thread.sleep(400);
                cluster.kill(1);
                try {
                    update.get(5, TimeUnit.MINUTES);
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).as("cut off with its node").isInstanceOf(ConnectionException.class);
                }

                db.schema(2).update();

                assertThat(db.schema(2).status().isUpToDate()).isTrue();
                assertThat(db.schema(3).diff().differences()).isEmpty();
                cluster.restart(1);
                assertThat(db.schema(1).diff().differences()).as("node 1, back").isEmpty();
            }
        }

        private ClusterDatabase create(int node) {
            try {
                return ClusterDatabase.create(cluster, node);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class GroupReplicationMultiPrimary {

        private GroupReplicationCluster cluster;

        @BeforeAll
        void startGroup() {
            cluster = GroupReplicationCluster.multiPrimary().start();
        }

        @AfterAll
        void removeGroup() {
            if (cluster != null) {
                cluster.close();
            }
        }

        @Test
        @Order(1)
        void aFirstUpdateWorksAndValidateWarnsThatMultiPrimaryRefusesCascadingWrites() throws Exception {
            try (ClusterDatabase db = ClusterDatabase.create(cluster, 1)) {
                firstUpdate(db, 3);
                ValidationResult validation = db.schema(2).validate();
                assertThat(validation.problems()).isEmpty();
                assertThat(validation.warnings()).singleElement().asString().contains("multi-primary",
                        "CASCADE foreign keys", "single-primary");
            }
        }

        @Test
        @Order(2)
        void updatesStartedTogetherOnePerMemberAllSucceedWithOneHistory() throws Exception {
            updatesStartedTogetherOnePerNode("GroupReplication", round -> {
                try {
                    return ClusterDatabase.create(cluster, round % 3 + 1);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }, 3);
        }

        @Test
        @Order(3)
        void aKilledHolderOfTheLockDelaysTheNextRunByAtMostTheLease() throws Exception {
            try (ClusterDatabase db = ClusterDatabase.create(cluster, 2)) {
                Duration waited = killedHolder(db, 2, 3, cluster.user(), cluster.password());
                Figures.record("ClusterIT.GroupReplication.killedHolder", "update process holding the lease through"
                        + " member 2 killed (SIGKILL); the update through member 3 finished after " + waited.toMillis()
                        + " ms");
            }
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class GroupReplicationSinglePrimary {

        private GroupReplicationCluster cluster;

        @BeforeAll
        void startGroup() {
            cluster = GroupReplicationCluster.singlePrimary().start();
        }

        @AfterAll
        void removeGroup() {
            if (cluster != null) {
                cluster.close();
            }
        }

        @Test
        @Order(1)
        void anUpdateThroughASecondaryIsRefusedNamingThePrimary() throws Exception {
            int primary = cluster.primary();
            int secondary = primary % 3 + 1;
            try (ClusterDatabase db = ClusterDatabase.create(cluster, primary)) {
                assertThatThrownBy(() -> db.schema(secondary).update()).isInstanceOf(MarsSchemaException.class)
                        .hasMessageContaining("read-only").hasMessageContaining("whose primary is member" + primary)
                        .hasMessageContaining("connect to the primary");
                firstUpdate(db, primary);
                assertThat(db.schema(secondary).validate().warnings()).isEmpty();
            }
        }

        @Test
        @Order(2)
        void thePrimaryKilledDuringAnUpdateTheNewPrimaryFinishesIt() throws Exception {
            int primary = cluster.primary();
            try (ClusterDatabase db = ClusterDatabase.create(cluster, primary)) {
                CompletableFuture<UpdateResult> update = CompletableFuture.supplyAsync(() -> db.schema(primary).update());
                Thread.sleep(400);
                cluster.kill(primary);
                try {
                    update.get(5, TimeUnit.MINUTES);
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).as("cut off with its member").isInstanceOf(ConnectionException.class);
                }
                int next = awaitNewPrimary(primary);

                db.schema(next).update();

                assertThat(db.schema(next).status().isUpToDate()).isTrue();
                for (int member = 1; member <= 3; member++) {
                    if (member != primary) {
                        assertThat(db.schema(member).diff().differences()).as("member %d", member).isEmpty();
                    }
                }
                cluster.restart(primary);
                assertThat(db.schema(primary).diff().differences()).as("member %d, back", primary).isEmpty();
            }
        }

        private int awaitNewPrimary(int old) throws Exception {
            Instant deadline = Instant.now().plusSeconds(120);
            while (Instant.now().isBefore(deadline)) {
                for (int member = 1; member <= 3; member++) {
                    if (member != old) {
                        try {
                            int primary = cluster.primary();
                            if (primary != old) {
                                return primary;
                            }
                        } catch (SQLException | RuntimeException e) {
                            // asked the dead member: ask again
                        }
                    }
                }
                Thread.sleep(250);
            }
            throw new AssertionError("no new primary within 120 s");
        }
    }
}

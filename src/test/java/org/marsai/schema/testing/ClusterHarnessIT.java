package org.marsai.schema.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The cluster harness itself: each cluster forms, replicates a write to every node, and survives one node killed
 * (SIGKILL) and restarted. One cluster per nested class, started once for its tests.
 */
class ClusterHarnessIT {

    private static final Duration REPLICATION = Duration.ofSeconds(30);

    /** The rows of {@code harness.t} (id:value) as the node sees them, polled until they equal {@code expected}. */
    private static List<String> awaitRows(ContainerCluster cluster, int node, List<String> expected) throws Exception {
        long deadline = System.nanoTime() + REPLICATION.toNanos();
        List<String> rows;
        do {
            rows = rows(cluster, node);
            if (rows.equals(expected)) {
                return rows;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return rows;
    }

    private static List<String> rows(ContainerCluster cluster, int node) throws SQLException {
        try (Connection c = cluster.connect(node, ""); Statement s = c.createStatement()) {
            List<String> rows = new ArrayList<>();
            if (!cluster.column(node, "SHOW DATABASES LIKE 'harness'").isEmpty()
                    && !cluster.column(node, "SHOW TABLES FROM harness LIKE 't'").isEmpty()) {
                try (ResultSet rs = s.executeQuery("SELECT id, v FROM harness.t ORDER BY id")) {
                    while (rs.next()) {
                        rows.add(rs.getInt(1) + ":" + rs.getString(2));
                    }
                }
            }
            return rows;
        }
    }

    private static long seconds(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toSeconds();
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class Galera {

        private GaleraCluster cluster;

        @BeforeAll
        void startCluster() {
            long t0 = System.nanoTime();
            cluster = new GaleraCluster().start();
            System.out.println("[marsai-schema tests] Galera cluster of 3 formed in " + seconds(t0) + " s");
        }

        @AfterAll
        void removeCluster() {
            if (cluster != null) {
                cluster.close();
            }
        }

        @Test
        @Order(1)
        void threeNodesSyncedInOneCluster() throws Exception {
            for (int n = 1; n <= 3; n++) {
                assertThat(cluster.state(n)).as("wsrep_local_state_comment on node%d", n).isEqualTo("Synced");
                assertThat(cluster.clusterSize(n)).as("wsrep_cluster_size on node%d", n).isEqualTo(3);
                assertThat(cluster.column(n, "SELECT @@wsrep_node_name")).as("node name").containsExactly("node" + n);
            }
        }

        @Test
        @Order(2)
        void aWriteOnOneNodeIsOnEveryNode() throws Exception {
            cluster.execute(2, "CREATE DATABASE harness", "CREATE TABLE harness.t (id INT PRIMARY KEY, v VARCHAR(20))",
                    "INSERT INTO harness.t VALUES (1, 'from node2')");
            for (int n = 1; n <= 3; n++) {
                assertThat(awaitRows(cluster, n, List.of("1:from node2"))).as("rows on node%d", n)
                        .containsExactly("1:from node2");
            }
        }

        @Test
        @Order(3)
        void aKilledNodeRestartsAndCatchesUp() throws Exception {
            cluster.kill(3);
            assertThat(cluster.isRunning(3)).as("node3 after SIGKILL").isFalse();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (cluster.clusterSize(1) != 2 && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            assertThat(cluster.clusterSize(1)).as("cluster size without node3").isEqualTo(2);
            cluster.execute(1, "INSERT INTO harness.t VALUES (2, 'while node3 down')");

            long t0 = System.nanoTime();
            cluster.restart(3);
            System.out.println("[marsai-schema tests] Galera node3 rejoined after SIGKILL in " + seconds(t0) + " s");

            assertThat(cluster.state(3)).as("node3 after restart").isEqualTo("Synced");
            assertThat(cluster.log(3)).as("node3's log: position recovered, then caught up by IST, not a full SST")
                    .contains("Recovered position").contains("IST received");
            assertThat(cluster.clusterSize(3)).as("cluster size seen by node3").isEqualTo(3);
            assertThat(awaitRows(cluster, 3, List.of("1:from node2", "2:while node3 down"))).as("rows on node3")
                    .containsExactly("1:from node2", "2:while node3 down");
            cluster.execute(3, "INSERT INTO harness.t VALUES (3, 'from node3')");
            for (int n = 1; n <= 3; n++) {
                assertThat(awaitRows(cluster, n, List.of("1:from node2", "2:while node3 down", "3:from node3")))
                        .as("rows on node%d after node3 rejoined", n).hasSize(3);
            }
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class GroupReplication {

        private GroupReplicationCluster group;

        @BeforeAll
        void startGroup() {
            long t0 = System.nanoTime();
            group = GroupReplicationCluster.singlePrimary().start();
            System.out.println("[marsai-schema tests] Group Replication group of 3 formed in " + seconds(t0) + " s");
        }

        @AfterAll
        void removeGroup() {
            if (group != null) {
                group.close();
            }
        }

        @Test
        @Order(1)
        void threeMembersOnlineOnePrimary() throws Exception {
            for (int n = 1; n <= 3; n++) {
                List<String> members = group.members(n);
                assertThat(members).as("members seen by member%d", n).hasSize(3)
                        .allSatisfy(m -> assertThat(m).contains(" ONLINE "));
                assertThat(members.stream().filter(m -> m.endsWith(" PRIMARY"))).as("primaries").hasSize(1);
            }
            assertThat(group.primary()).as("the bootstrap member is the first primary").isEqualTo(1);
        }

        @Test
        @Order(2)
        void aWriteOnThePrimaryIsOnEveryMember() throws Exception {
            int primary = group.primary();
            group.execute(primary, "CREATE DATABASE harness", "CREATE TABLE harness.t (id INT PRIMARY KEY, v VARCHAR(20))",
                    "INSERT INTO harness.t VALUES (1, 'from primary')");
            for (int n = 1; n <= 3; n++) {
                assertThat(awaitRows(group, n, List.of("1:from primary"))).as("rows on member%d", n)
                        .containsExactly("1:from primary");
            }
            int secondary = primary == 1 ? 2 : 1;
            assertThat(group.column(secondary, "SELECT @@super_read_only")).as("a secondary is read-only")
                    .containsExactly("1");
        }

        @Test
        @Order(3)
        void aKilledPrimaryIsReplacedAndRejoins() throws Exception {
            int old = group.primary();
            group.kill(old);
            assertThat(group.isRunning(old)).as("member%d after SIGKILL", old).isFalse();
            int other = old == 1 ? 2 : 1;
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < deadline && !(group.members(other).size() == 2 && newPrimary(other, old))) {
                Thread.sleep(250);
            }
            assertThat(group.members(other)).as("members without member%d", old).hasSize(2);
            int primary = group.primary();
            assertThat(primary).as("the new primary").isNotEqualTo(old);
            group.execute(primary, "INSERT INTO harness.t VALUES (2, 'while one down')");

            long t0 = System.nanoTime();
            group.restart(old);
            System.out.println("[marsai-schema tests] Group Replication member" + old + " rejoined after SIGKILL in "
                    + seconds(t0) + " s");

            assertThat(group.members(old)).as("members seen by the restarted member%d", old).hasSize(3)
                    .allSatisfy(m -> assertThat(m).contains(" ONLINE "));
            assertThat(awaitRows(group, old, List.of("1:from primary", "2:while one down")))
                    .as("rows on the restarted member%d", old).containsExactly("1:from primary", "2:while one down");
        }

        private boolean newPrimary(int member, int old) throws SQLException {
            return group.members(member).stream()
                    .anyMatch(m -> m.endsWith(" ONLINE PRIMARY") && !m.startsWith("member" + old + " "));
        }
    }
}

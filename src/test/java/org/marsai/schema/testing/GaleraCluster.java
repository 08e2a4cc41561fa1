package org.marsai.schema.testing;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A three-node MariaDB Galera cluster in containers of {@link Docker#MARIADB_IMAGE} (MariaDB 10.11, galera-4,
 * rsync SST), for tests that run the library against a cluster:
 * <pre>{@code
 * try (GaleraCluster cluster = new GaleraCluster().start()) {
 *     try (Connection c = cluster.connect(2, "")) { ... }
 *     cluster.kill(3);
 *     cluster.restart(3);   // rejoins: IST when the donor's gcache still holds what it missed
 * }
 * }</pre>
 * Node 1 bootstraps the cluster; nodes 2 and 3 start empty and receive a full copy (SST). Each node runs as user
 * {@code mysql} (the rsync SST daemon fails as root). A node killed and restarted recovers its position with
 * {@code --wsrep-recover} first (the image's entrypoint does it), so that it catches up by IST.
 */
public final class GaleraCluster extends ContainerCluster {

    private static final Duration JOIN = Duration.ofMinutes(4);

    /** A cluster of {@link Docker#MARIADB_IMAGE} nodes; {@code serverArgs} go to every node's command line. */
    public GaleraCluster(String... serverArgs) {
        super(Docker.MARIADB_IMAGE, "node", List.of(serverArgs));
    }

    private List<String> args(int node) {
        List<String> args = new ArrayList<>(List.of(
                "--wsrep_on=ON",
                "--wsrep_provider=/usr/lib/galera/libgalera_smm.so",
                "--wsrep_cluster_name=marsai",
                "--wsrep_node_name=" + host(node),
                "--wsrep_node_address=" + host(node),
                "--wsrep_cluster_address=gcomm://" + host(1) + "," + host(2) + "," + host(3),
                "--wsrep_sst_method=rsync",
                "--wsrep_provider_options=gcache.size=128M",
                "--binlog_format=ROW",
                "--default_storage_engine=InnoDB",
                "--innodb_autoinc_lock_mode=2",
                "--innodb_buffer_pool_size=128M",
                "--innodb_flush_log_at_trx_commit=2",
                "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_unicode_ci",
                "--max-connections=500"));
        args.addAll(serverArgs());
        return args;
    }

    /** Starts node 1 as a new cluster, then 2 and 3, and returns once all three are Synced in a cluster of 3. */
    public GaleraCluster start() {
        // node 1 bootstraps on the start that initialises its data; a restart of node 1 joins the others
        create(this::args, n -> n == 1 ? Map.of("MARSAI_GALERA_NEW_CLUSTER", "yes") : Map.of("MARSAI_INIT", "none"));
        startContainers(1);
        awaitSynced(1);
        for (int n = 2; n <= size(); n++) {
            startContainers(n);
            awaitSynced(n);
        }
        awaitClusterSize();
        return this;
    }

    /** Starts the node again (stopping it first if it runs) and returns once it is Synced in a cluster of 3. */
    public void restart(int node) {
        startAgain(node);
        awaitSynced(node);
        awaitClusterSize();
    }

    /** {@code wsrep_local_state_comment} on the node: Synced, Joining, Donor/Desynced… */
    public String state(int node) throws SQLException {
        return status(node, "wsrep_local_state_comment");
    }

    /** {@code wsrep_cluster_size} as the node sees it. */
    public int clusterSize(int node) throws SQLException {
        return Integer.parseInt(status(node, "wsrep_cluster_size"));
    }

    private String status(int node, String variable) throws SQLException {
        List<String> rows = column(node, "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS"
                + " WHERE VARIABLE_NAME = '" + variable.toUpperCase() + "'");
        return rows.isEmpty() ? "" : rows.get(0);
    }

    private void awaitSynced(int node) {
        awaitTrue(node, "is Synced", JOIN, () -> {
            try {
                return "Synced".equals(state(node));
            } catch (SQLException e) {
                return false;
            }
        });
    }

    private void awaitClusterSize() {
        for (int n = 1; n <= size(); n++) {
            int node = n;
            awaitTrue(node, "sees a cluster of " + size(), JOIN, () -> {
                try {
                    return clusterSize(node) == size() && "Synced".equals(state(node));
                } catch (SQLException | NumberFormatException e) {
                    return false;
                }
            });
        }
    }
}

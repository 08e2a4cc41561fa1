package org.marsai.schema.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.marsai.schema.MarsSchema;

/**
 * One database on a cluster, created through one node and awaited on the others; reached through any node.
 * Closing drops it.
 */
public final class ClusterDatabase implements AutoCloseable {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private final ContainerCluster cluster;
    private final int creator;
    private final String name;

    private ClusterDatabase(ContainerCluster cluster, int creator, String name) {
        this.cluster = cluster;
        this.creator = creator;
        this.name = name;
    }

    /** A new, empty utf8mb4 database, present on every node when this returns. */
    public static ClusterDatabase create(ContainerCluster cluster, int through) throws SQLException {
        String name = "marsai_c" + DATABASES.incrementAndGet() + "_" + Long.toString(System.nanoTime() % 1_000_000L, 36);
        cluster.execute(through, "CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        ClusterDatabase db = new ClusterDatabase(cluster, through, name);
        for (int node = 1; node <= cluster.size(); node++) {
            int n = node;
            if (cluster.isRunning(n)) {
                cluster.awaitTrue(n, "has database " + name, Duration.ofSeconds(60), () -> {
                    try {
                        return !cluster.column(n, "SHOW DATABASES LIKE '" + name + "'").isEmpty();
                    } catch (SQLException e) {
                        return false;
                    }
                });
            }
        }
        return db;
    }

    public String name() {
        return name;
    }

    public String url(int node) {
        return cluster.jdbcUrl(node, name);
    }

    /** A facade on this database through node {@code node}. */
    public MarsSchema schema(int node) {
        return configure(node).load();
    }

    public MarsSchema.Builder configure(int node) {
        return MarsSchema.configure().url(url(node)).username(cluster.user()).password(cluster.password());
    }

    /** The first column of a query on this database through the node. */
    public List<String> column(int node, String sql) throws SQLException {
        return cluster.column(node, sql.replace("{db}", "`" + name + "`"));
    }

    public long count(int node, String sql) throws SQLException {
        return Long.parseLong(column(node, sql).get(0));
    }

    public Connection connect(int node) throws SQLException {
        return cluster.connect(node, name);
    }

    @Override
    public void close() throws SQLException {
        for (int node = 1; node <= cluster.size(); node++) {
            if (cluster.isRunning(node)) {
                try (Connection c = cluster.connect(node, ""); Statement s = c.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS `" + name + "`");
                    return;
                } catch (SQLException e) {
                    // a node that is not writable (a Group Replication secondary): try the next one
                }
            }
        }
    }

    /** The node the database was created through. */
    public int creator() {
        return creator;
    }
}

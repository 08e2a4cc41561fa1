package org.marsai.schema.internal.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Causal reads on a cluster: a node may not yet have applied what another node committed a moment ago
 * (the last run's history rows, the lock row), so a status, a diff or the next run there could act on a
 * history that is already out of date. Galera's {@code wsrep_sync_wait} and Group Replication's
 * {@code group_replication_consistency = BEFORE} make each statement wait until the node has applied it.
 */
public final class ClusterReads {

    private ClusterReads() {
    }

    /**
     * Makes the connection's reads causal on a cluster; returns the statement that restores its previous
     * setting (the connection may go back to a pool), if it changed one.
     */
    static Optional<String> causal(Connection connection, Topology topology) {
        return switch (topology.kind()) {
            case GALERA -> set(connection, "wsrep_sync_wait", "7");
            case GROUP_REPLICATION -> set(connection, "group_replication_consistency", "'BEFORE'");
            default -> Optional.empty();
        };
    }

    private static Optional<String> set(Connection connection, String variable, String value) {
        try (Statement statement = connection.createStatement()) {
            String previous;
            try (ResultSet rs = statement.executeQuery("SELECT @@SESSION." + variable)) {
                rs.next();
                previous = rs.getString(1);
            }
            statement.execute("SET SESSION " + variable + " = " + value);
            return Optional.of("SET SESSION " + variable + " = '" + previous.replace("'", "''") + "'");
        } catch (SQLException e) {
            return Optional.empty(); // an older server without the setting: reads are as the server makes them
        }
    }
}

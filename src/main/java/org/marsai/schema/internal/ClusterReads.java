package org.marsai.schema.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Causal reads on a cluster: a node may not yet have applied what another node committed a moment ago
 * (the last run's history rows, the lock row). Galera's {@code wsrep_sync_wait} and Group Replication's
 * {@code group_replication_consistency = BEFORE} make each statement wait until it has; the session's
 * setting is restored when the session closes (the connection may go back to a pool).
 */
final class ClusterReads {

    private ClusterReads() {
    }

    static void causal(Session session, Topology topology) {
        switch (topology.kind()) {
            case GALERA -> set(session, "wsrep_sync_wait", "7");
            case GROUP_REPLICATION -> set(session, "group_replication_consistency", "'BEFORE'");
            default -> {
            }
        }
    }

    private static void set(Session session, String variable, String value) {
        Connection connection = session.connection;
        try (Statement statement = connection.createStatement()) {
            String previous;
            try (ResultSet rs = statement.executeQuery("SELECT @@SESSION." + variable)) {
                rs.next();
                previous = rs.getString(1);
            }
            statement.execute("SET SESSION " + variable + " = " + value);
            session.onClose(() -> {
                try (Statement restore = connection.createStatement()) {
                    restore.execute("SET SESSION " + variable + " = '" + previous.replace("'", "''") + "'");
                }
            });
        } catch (SQLException e) {
            // An older server without the setting: reads are as the server makes them.
        }
    }
}

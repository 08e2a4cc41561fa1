package org.marsai.schema.internal.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What kind of server a session talks to, as far as locking and cluster rules go: a plain server, a
 * MariaDB Galera cluster ({@code wsrep_on}) or a MySQL Group Replication group (a member ONLINE). Read
 * with two cheap queries when an operation is about to change the database.
 */
public record Topology(Kind kind, int members, boolean multiPrimary) {

    public enum Kind { SERVER, GALERA, GROUP_REPLICATION }

    /**
     * Operators can name the lock instead of letting the topology choose it, e.g. behind a proxy that hides
     * the cluster: {@code -Dmarsai.schema.lock=lease} (or {@code server}, {@code auto}, the default).
     */
    static final String LOCK_PROPERTY = "marsai.schema.lock";

    static Topology detect(Connection connection) {
        Map<String, String> variables = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW VARIABLES WHERE Variable_name IN ('wsrep_on',"
                     + " 'group_replication_single_primary_mode', 'group_replication_group_name')")) {
            while (rs.next()) {
                variables.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2));
            }
        } catch (SQLException e) {
            return new Topology(Kind.SERVER, 1, false);
        }
        if ("ON".equalsIgnoreCase(variables.get("wsrep_on"))) {
            return new Topology(Kind.GALERA, count(connection, "SHOW STATUS LIKE 'wsrep_cluster_size'", 2), true);
        }
        String group = variables.get("group_replication_group_name");
        if (group != null && !group.isBlank()) {
            int online = count(connection, "SELECT COUNT(*) FROM performance_schema.replication_group_members"
                    + " WHERE MEMBER_STATE IN ('ONLINE', 'RECOVERING')", 1);
            if (online > 0) {
                return new Topology(Kind.GROUP_REPLICATION, online,
                        "OFF".equalsIgnoreCase(variables.get("group_replication_single_primary_mode")));
            }
        }
        return new Topology(Kind.SERVER, 1, false);
    }

    public boolean isCluster() {
        return kind != Kind.SERVER;
    }

    /** Whether this topology needs the lease: a server lock ({@code GET_LOCK}) is local to one cluster node. */
    public boolean needsLease() {
        String forced = System.getProperty(LOCK_PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        return switch (forced) {
            case "lease" -> true;
            case "server" -> false;
            default -> isCluster();
        };
    }

    public String description() {
        return switch (kind) {
            case SERVER -> "a single server";
            case GALERA -> "a Galera cluster of " + members + " node(s)";
            case GROUP_REPLICATION -> "a Group Replication group of " + members + " member(s), "
                    + (multiPrimary ? "multi-primary" : "single-primary");
        };
    }

    private static int count(Connection connection, String sql, int column) {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? Integer.parseInt(rs.getString(column).trim()) : 0;
        } catch (SQLException | NumberFormatException e) {
            return 0;
        }
    }
}

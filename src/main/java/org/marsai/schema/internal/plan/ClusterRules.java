package org.marsai.schema.internal.plan;

import java.util.ArrayList;
import java.util.List;
import org.marsai.schema.internal.liquibase.LiveSchema;
import org.marsai.schema.internal.history.HistoryTable;
import org.marsai.schema.internal.jdbc.Session;
import org.marsai.schema.internal.jdbc.Topology;
import org.marsai.schema.internal.model.SchemaModel;
import org.marsai.schema.internal.model.SchemaReader;

/**
 * The rules a cluster adds, checked up front so that they surface as a warning rather than as an
 * application's failing writes: Group Replication refuses writes to tables without a primary key, and in
 * multi-primary mode (with its update-everywhere checks) writes to tables with CASCADE foreign keys, which
 * the MarsAI schema has; Galera certifies tables without a primary key poorly.
 */
public final class ClusterRules {

    private ClusterRules() {
    }

    /** What this database's kind of cluster, if it is one, will refuse or do poorly with the MarsAI schema. */
    public static List<String> warnings(Session session) {
        return warnings(session, session.topology());
    }

    public static List<String> warnings(Session session, Topology topology) {
        List<String> warnings = new ArrayList<>();
        if (!topology.isCluster()) {
            return warnings;
        }
        SchemaModel live = LiveSchema.read(session);
        if (topology.kind() == Topology.Kind.GROUP_REPLICATION && topology.multiPrimary()) {
            List<String> cascading = new ArrayList<>();
            live.tables().values().forEach(t -> t.foreignKeys().stream()
                    .filter(fk -> fk.onDelete().equals("CASCADE") || fk.onUpdate().equals("CASCADE"))
                    .forEach(fk -> cascading.add(t.name() + "." + fk.name())));
            warnings.add(session.where() + " is " + topology.description() + ": in multi-primary mode Group"
                    + " Replication refuses writes to tables with CASCADE foreign keys"
                    + (cascading.isEmpty() ? ", which the MarsAI schema has once migrated"
                    : " (" + cascading.size() + " here: " + String.join(", ", cascading.subList(0,
                    Math.min(5, cascading.size()))) + (cascading.size() > 5 ? ", …" : "") + ")")
                    + ", so the application's updates and deletes would fail. Run the group in single-primary mode"
                    + " (SELECT group_replication_switch_to_single_primary_mode()).");
        }
        List<String> keyless = live.tables().values().stream()
                .filter(t -> t.indexes().stream().noneMatch(i -> i.name().equals("PRIMARY")))
                .map(SchemaModel.Table::name).toList();
        if (!keyless.isEmpty()) {
            warnings.add("Table(s) without a primary key in " + session.where() + ": " + String.join(", ", keyless)
                    + ". On " + topology.description() + " writes to them fail (Group Replication) or certify"
                    + " poorly (Galera): give each a primary key.");
        }
        if (session.tables().history().isPresent() && !HistoryTable.hasPrimaryKey(session, session.tables().history().get())) {
            warnings.add("The history table " + session.tables().history().get() + " has no primary key, which "
                    + topology.description() + " needs for writes to it: the next update adds PRIMARY KEY"
                    + " (ID, AUTHOR, FILENAME).");
        }
        return warnings;
    }
}

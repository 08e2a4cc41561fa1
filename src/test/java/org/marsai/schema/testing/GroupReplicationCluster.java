package org.marsai.schema.testing;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A three-member MySQL 9.7 Group Replication group in containers of {@link Docker#MYSQL_IMAGE}, single-primary by
 * default ({@link #multiPrimary(String...)} for the other mode):
 * <pre>{@code
 * try (GroupReplicationCluster group = GroupReplicationCluster.singlePrimary().start()) {
 *     int primary = group.primary();
 *     try (Connection c = group.connect(primary, "")) { ... }
 *     group.kill(2);
 *     group.restart(2);     // START GROUP_REPLICATION: distributed recovery, then ONLINE
 * }
 * }</pre>
 * Every member has GTIDs, a binary log and the group_replication plugin, reports its host name on the group's
 * network, and starts without joining; the harness creates the recovery user on each (not logged), bootstraps the
 * group on member 1 and lets 2 and 3 join. Options such as {@code --sql-require-primary-key=ON} or
 * {@code --sql-generate-invisible-primary-key=ON} go in {@code serverArgs}.
 */
public final class GroupReplicationCluster extends ContainerCluster {

    /** Fixed, so that a group's members and logs can be told apart from anything else's. */
    public static final String GROUP_NAME = "6d4b1a52-6a49-4d1c-9e57-3b1f0c0e5a10";
    private static final Duration JOIN = Duration.ofMinutes(3);
    private final boolean singlePrimary;

    private GroupReplicationCluster(boolean singlePrimary, String... serverArgs) {
        super(Docker.MYSQL_IMAGE, "member", List.of(serverArgs));
        this.singlePrimary = singlePrimary;
    }

    /** One primary takes writes; the others are read-only (the group's default). */
    public static GroupReplicationCluster singlePrimary(String... serverArgs) {
        return new GroupReplicationCluster(true, serverArgs);
    }

    /** Every member takes writes, with update-everywhere checks. */
    public static GroupReplicationCluster multiPrimary(String... serverArgs) {
        return new GroupReplicationCluster(false, serverArgs);
    }

    public boolean isSinglePrimary() {
        return singlePrimary;
    }

    private List<String> args(int member) {
        List<String> seeds = new ArrayList<>();
        for (int n = 1; n <= size(); n++) {
            seeds.add(host(n) + ":33061");
        }
        List<String> args = new ArrayList<>(List.of(
                "--server-id=" + member,
                "--gtid-mode=ON",
                "--enforce-gtid-consistency=ON",
                "--log-bin=binlog",
                "--relay-log=relay",
                "--report-host=" + host(member),
                "--report-port=3306",
                "--disabled-storage-engines=MyISAM,BLACKHOLE,FEDERATED,ARCHIVE,MEMORY",
                "--plugin-load-add=group_replication.so",
                "--group-replication-group-name=" + GROUP_NAME,
                "--group-replication-local-address=" + host(member) + ":33061",
                "--group-replication-group-seeds=" + String.join(",", seeds),
                "--group-replication-start-on-boot=OFF",
                "--group-replication-bootstrap-group=OFF",
                "--group-replication-recovery-get-public-key=ON",
                "--innodb-flush-log-at-trx-commit=2",
                "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_unicode_ci",
                "--max-connections=500"));
        if (!singlePrimary) {
            args.add("--group-replication-single-primary-mode=OFF");
            args.add("--group-replication-enforce-update-everywhere-checks=ON");
        }
        args.addAll(serverArgs());
        return args;
    }

    /** Starts the three members, bootstraps the group on member 1, and returns once all three are ONLINE. */
    public GroupReplicationCluster start() {
        create(this::args, n -> Map.of());
        startContainers(1, 2, 3);
        for (int n = 1; n <= size(); n++) {
            awaitConnection(n, JOIN);
            prepare(n);
        }
        try {
            execute(1, "SET GLOBAL group_replication_bootstrap_group = ON", "START GROUP_REPLICATION",
                    "SET GLOBAL group_replication_bootstrap_group = OFF");
        } catch (SQLException e) {
            throw new IllegalStateException("member1 could not bootstrap the group: " + e.getMessage() + "\n"
                    + Docker.tail(container(1), 40), e);
        }
        for (int n = 2; n <= size(); n++) {
            join(n);
        }
        awaitOnline();
        return this;
    }

    /** The recovery channel's user, created on each member outside the binary log. */
    private void prepare(int member) {
        try {
            execute(member, "SET SQL_LOG_BIN = 0",
                    "CREATE USER 'recovery'@'%' IDENTIFIED BY 'recovery-pass'",
                    "GRANT REPLICATION SLAVE, CONNECTION_ADMIN, BACKUP_ADMIN, GROUP_REPLICATION_STREAM ON *.* TO 'recovery'@'%'",
                    "SET SQL_LOG_BIN = 1",
                    "CHANGE REPLICATION SOURCE TO SOURCE_USER = 'recovery', SOURCE_PASSWORD = 'recovery-pass'"
                            + " FOR CHANNEL 'group_replication_recovery'");
        } catch (SQLException e) {
            throw new IllegalStateException(host(member) + " could not be prepared for the group: " + e.getMessage(), e);
        }
    }

    /**
     * START GROUP_REPLICATION on the member, again until it is accepted: a member killed a moment ago may still be
     * in the others' view until they expel it.
     */
    private void join(int member) {
        long deadline = System.nanoTime() + JOIN.toNanos();
        while (true) {
            try {
                execute(member, "START GROUP_REPLICATION");
                return;
            } catch (SQLException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(host(member) + " could not join the group: " + e.getMessage() + "\n"
                            + Docker.tail(container(member), 40), e);
                }
                try {
                    execute(member, "STOP GROUP_REPLICATION");
                } catch (SQLException ignored) {
                    // not started: nothing to stop
                }
                Docker.sleep(2000);
            }
        }
    }

    /** Starts the member again (stopping it first if it runs), rejoins it, and returns once all three are ONLINE. */
    public void restart(int member) {
        startAgain(member);
        join(member);
        awaitOnline();
    }

    /** The members' states as {@code member}'s performance_schema lists them, e.g. {@code member2 ONLINE PRIMARY}. */
    public List<String> members(int member) throws SQLException {
        return column(member, "SELECT CONCAT(MEMBER_HOST, ' ', MEMBER_STATE, ' ', MEMBER_ROLE)"
                + " FROM performance_schema.replication_group_members ORDER BY MEMBER_HOST");
    }

    /** The member that takes writes in single-primary mode (in multi-primary mode, 1). */
    public int primary() throws SQLException {
        for (int n = 1; n <= size(); n++) {
            if (isRunning(n)) {
                for (String row : members(n)) {
                    String[] parts = row.split(" ");
                    if (parts[1].equals("ONLINE") && parts[2].equals("PRIMARY")) {
                        return node(parts[0]);
                    }
                }
            }
        }
        throw new IllegalStateException("no ONLINE primary in the group");
    }

    private void awaitOnline() {
        for (int n = 1; n <= size(); n++) {
            int member = n;
            awaitTrue(member, "sees " + size() + " members ONLINE", JOIN, () -> {
                try {
                    return members(member).stream().filter(r -> r.contains(" ONLINE ")).count() == size();
                } catch (SQLException e) {
                    return false;
                }
            });
        }
    }
}

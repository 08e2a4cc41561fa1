package org.marsai.schema.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * What {@link GaleraCluster} and {@link GroupReplicationCluster} share: three containers of one image on a
 * network of the project's own, reached by one another under their host names ({@code node1}… or
 * {@code member1}…), each publishing its port 3306 on a fixed free port of 127.0.0.1; nodes numbered from 1.
 * Each node has a fixed address, and every node's {@code /etc/hosts} names them all: a name looked up while its
 * container is stopped would otherwise go to the engine's DNS, which forwards it to the host's resolver and,
 * where that does not answer, stalls the asking server for 20 s a time (long enough for Group Replication to
 * lose its majority). Closing removes the containers and the network.
 */
abstract class ContainerCluster implements AutoCloseable {

    static final String ROOT_PASSWORD = "test";
    private static final String OPTIONS = "?allowPublicKeyRetrieval=true&useSSL=false&connectTimeout=5000";

    private final String image;
    private final String hostPrefix;
    private final String id = UUID.randomUUID().toString().substring(0, 8);
    private final List<String> serverArgs;
    private Docker.ProjectNetwork network;
    private final List<GenericContainer<?>> nodes = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();

    ContainerCluster(String image, String hostPrefix, List<String> serverArgs) {
        this.image = image;
        this.hostPrefix = hostPrefix;
        this.serverArgs = List.copyOf(serverArgs);
    }

    /** The number of nodes. */
    public int size() {
        return 3;
    }

    /** The host name node {@code node} has on the cluster's network. */
    String host(int node) {
        return hostPrefix + node;
    }

    /** The node number of a host name on the cluster's network. */
    int node(String host) {
        return Integer.parseInt(host.substring(hostPrefix.length()));
    }

    List<String> serverArgs() {
        return serverArgs;
    }

    /** Creates (does not start) the containers, node n with the command {@code args(n)} and environment {@code env(n)}. */
    void create(IntFunction<List<String>> args, IntFunction<Map<String, String>> env) {
        network = Docker.network();
        for (int n = 1; n <= size(); n++) {
            int port = Docker.freeLoopbackPort();
            String host = host(n);
            String name = "marsai-" + id + "-" + host;
            Map<String, String> environment = new HashMap<>(env.apply(n));
            environment.putIfAbsent("MYSQL_ROOT_PASSWORD", ROOT_PASSWORD);
            GenericContainer<?> node = new GenericContainer<>(DockerImageName.parse(image))
                    .withNetwork(network.network())
                    .withNetworkAliases(host)
                    .withEnv(environment)
                    .withExposedPorts(3306)
                    .withCommand(args.apply(n).toArray(String[]::new))
                    .waitingFor(Docker.noWait())
                    .withCreateContainerCmdModifier(cmd -> {
                        cmd.withName(name).withHostName(host).withIpv4Address(network.address(node(host)));
                        Docker.publish(3306, port).accept(cmd);
                    });
            for (int other = 1; other <= size(); other++) {
                if (other != n) { // the engine writes the node's own name; a second line would make rsync's
                    node.withExtraHost(host(other), network.address(other)); // SST daemon fail to bind
                }
            }
            nodes.add(node);
            ports.add(port);
        }
    }

    GenericContainer<?> container(int node) {
        if (node < 1 || node > nodes.size()) {
            throw new IllegalArgumentException("node " + node + " does not exist: nodes are 1 to " + nodes.size());
        }
        return nodes.get(node - 1);
    }

    /** Starts the given nodes' containers, in parallel. */
    void startContainers(int... which) {
        List<CompletableFuture<Void>> starts = new ArrayList<>();
        for (int n : which) {
            GenericContainer<?> c = container(n);
            starts.add(CompletableFuture.runAsync(c::start));
        }
        CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
    }

    /** The URL of {@code database} on node {@code node} (1 to 3), as seen from the tests. */
    public String jdbcUrl(int node, String database) {
        return "jdbc:mysql://" + container(node).getHost() + ":" + ports.get(node - 1) + "/" + database + OPTIONS;
    }

    /** A user that may do anything on every node. */
    public String user() {
        return "root";
    }

    public String password() {
        return ROOT_PASSWORD;
    }

    public Connection connect(int node, String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(node, database), user(), password());
    }

    /** The node's server dies at once (SIGKILL); its container keeps its data. */
    public void kill(int node) {
        Docker.kill(container(node));
    }

    /** A clean shutdown of the node's server (SIGTERM). */
    public void stop(int node) {
        Docker.stop(container(node), Duration.ofSeconds(120));
    }

    /** What the node's server has written to its log (all its runs in this container). */
    public String log(int node) {
        return container(node).getLogs();
    }

    public boolean isRunning(int node) {
        return Docker.running(container(node));
    }

    /** Starts the node's container again after a stop or a kill (stopping it first if it runs); no rejoin yet. */
    void startAgain(int node) {
        stop(node);
        Docker.start(container(node));
        awaitConnection(node, Duration.ofMinutes(3));
    }

    void awaitConnection(int node, Duration timeout) {
        awaitTrue(node, "accepts connections", timeout, () -> {
            try (Connection ignored = connect(node, "")) {
                return true;
            } catch (SQLException e) {
                return false;
            }
        });
    }

    /** Polls {@code condition} every 250 ms; fails naming the node and showing its log. */
    void awaitTrue(int node, String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (!Docker.running(container(node))) {
                throw new IllegalStateException(host(node) + " exited while waiting until it " + what + ":\n"
                        + Docker.tail(container(node), 40));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(host(node) + " did not reach \"" + what + "\" within "
                        + timeout.toSeconds() + " s:\n" + Docker.tail(container(node), 40));
            }
            Docker.sleep(250);
        }
    }

    /** The first column of the query's rows on the node ({@code null} values as "NULL"). */
    public List<String> column(int node, String sql) throws SQLException {
        try (Connection c = connect(node, ""); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(String.valueOf(rs.getString(1)));
            }
            return values;
        }
    }

    /** Runs the statements on the node, in one session. */
    public void execute(int node, String... statements) throws SQLException {
        try (Connection c = connect(node, ""); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** Removes the nodes (no clean shutdown: their data goes with them) and the network. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (int n = nodes.size(); n >= 1; n--) {
            try {
                container(n).stop();
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (network != null) {
            network.network().close();
        }
        if (failure != null) {
            throw failure;
        }
    }
}

package org.marsai.schema.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.WaitStrategy;
import org.testcontainers.containers.wait.strategy.WaitStrategyTarget;
import org.testcontainers.utility.DockerImageName;

/**
 * What the container harness shares: the images the tests run on, whether an engine answers, published ports
 * fixed on a free loopback port (so that a restarted container answers at the same address), networks of the
 * project's own, and stopping, killing and starting a container by hand.
 */
public final class Docker {

    /** MySQL 9.7 from Debian's packages, built by {@code .ci/build-images}; has {@code group_replication.so}. */
    public static final String MYSQL_IMAGE = "marsai-test/mysql:9.7";
    /** MariaDB 10.11 with galera-4 and rsync, built by {@code .ci/build-images}. */
    public static final String MARIADB_IMAGE = "marsai-test/mariadb:10.11";

    private static Boolean available;

    private Docker() {
    }

    /** True when a Docker engine answers; asked once per JVM. */
    public static synchronized boolean available() {
        if (available == null) {
            boolean socket = Files.exists(Path.of("/var/run/docker.sock"))
                    || Files.exists(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"));
            if (System.getenv("DOCKER_HOST") == null && !socket) {
                available = false; // no engine to ask: spare the log Testcontainers' long "no Docker" error
            } else {
                try {
                    available = DockerClientFactory.instance().isDockerAvailable();
                } catch (Throwable e) {
                    available = false;
                }
            }
        }
        return available;
    }

    public static DockerClient client() {
        return DockerClientFactory.lazyClient();
    }

    /** The image name as Testcontainers' module for {@code family} ("mysql", "mariadb") accepts it. */
    public static DockerImageName image(String name, String family) {
        DockerImageName image = DockerImageName.parse(name);
        return image.getUnversionedPart().equals(family) ? image : image.asCompatibleSubstituteFor(family);
    }

    /** A free TCP port on the loopback interface (free now; the engine binds it a moment later). */
    public static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Publishes the container's {@code containerPort} on 127.0.0.1:{@code hostPort}, kept across restarts. */
    public static Consumer<CreateContainerCmd> publish(int containerPort, int hostPort) {
        return cmd -> cmd.getHostConfig().withPortBindings(
                new PortBinding(Ports.Binding.bindIpAndPort("127.0.0.1", hostPort), ExposedPort.tcp(containerPort)));
    }

    /**
     * A network of the project's own, on a /24 of its choosing so that containers get fixed addresses
     * ({@link ProjectNetwork#address(int)}); its bridge is named {@code marsai-…} so that
     * {@code .ci/docker-engine stop} finds any leftover. Only the containers on it talk to each other (the engine
     * forwards nothing outside).
     */
    public static ProjectNetwork network() {
        Random random = new Random();
        RuntimeException last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            String id = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
            String prefix = "172.29." + random.nextInt(256) + ".";
            Network network = Network.builder()
                    .createNetworkCmdModifier(cmd -> cmd.withName("marsai-" + id)
                            .withOptions(Map.of("com.docker.network.bridge.name", "marsai-" + id))
                            .withIpam(new com.github.dockerjava.api.model.Network.Ipam().withConfig(
                                    new com.github.dockerjava.api.model.Network.Ipam.Config()
                                            .withSubnet(prefix + "0/24").withGateway(prefix + "1"))))
                    .build();
            try {
                network.getId(); // created now: a subnet another network has is refused here
                return new ProjectNetwork(network, prefix);
            } catch (RuntimeException e) {
                last = e;
            }
        }
        throw new IllegalStateException("Could not create a Docker network of the project's own: " + last.getMessage(), last);
    }

    /** A network with a subnet of the project's choosing. */
    public record ProjectNetwork(Network network, String prefix) {
        /** The fixed address of host number {@code n} (1 to 200) on the network. */
        public String address(int n) {
            return prefix + (10 + n);
        }
    }

    /** Starts the container's process again after a stop or a kill; the container keeps its files. */
    public static void start(GenericContainer<?> container) {
        client().startContainerCmd(container.getContainerId()).exec();
    }

    /** SIGTERM, then waits up to {@code timeout} for the process to exit (SIGKILL after that). */
    public static void stop(GenericContainer<?> container, Duration timeout) {
        if (running(container)) {
            client().stopContainerCmd(container.getContainerId()).withTimeout((int) timeout.toSeconds()).exec();
        }
    }

    /** SIGKILL to the container's process; returns once the container has stopped. */
    public static void kill(GenericContainer<?> container) {
        if (running(container)) {
            client().killContainerCmd(container.getContainerId()).withSignal("KILL").exec();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (running(container) && System.nanoTime() < deadline) {
            sleep(50);
        }
    }

    public static boolean running(GenericContainer<?> container) {
        return container.getContainerId() != null && Boolean.TRUE.equals(
                client().inspectContainerCmd(container.getContainerId()).exec().getState().getRunning());
    }

    /** The container's log, for failure messages (the last {@code lines} lines). */
    public static String tail(GenericContainer<?> container, int lines) {
        String[] all = container.getLogs().split("\n");
        return String.join("\n", Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
    }

    /** A wait strategy that returns at once: the harness waits for readiness by connecting itself. */
    public static WaitStrategy noWait() {
        return new WaitStrategy() {
            @Override
            public void waitUntilReady(WaitStrategyTarget target) {
            }

            @Override
            public WaitStrategy withStartupTimeout(Duration startupTimeout) {
                return this;
            }
        };
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

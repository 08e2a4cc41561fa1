package org.marsai.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.marsai.schema.testing.TestDatabase;
import org.marsai.schema.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * A server that stops answering (a stopped VM, a half-dead proxy) never hangs a caller: connecting, the
 * handshake and every statement issued while the library holds nothing are bounded.
 */
class SilentServerIT {

    @Test
    void aServerThatAcceptsConnectionsAndNeverAnswersFailsWithinTheConnectTimeout() throws Exception {
        try (SilentProxy silent = new SilentProxy(null, null)) {
            MarsSchema schema = MarsSchema.configure().url("jdbc:mysql://127.0.0.1:" + silent.port() + "/marsai")
                    .username("root").connectTimeout(Duration.ofSeconds(2)).load();

            long start = System.nanoTime();
            ConnectionException failure = catchThrowableOfType(ConnectionException.class, schema::status);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(failure.code()).isEqualTo(ErrorCode.CONNECTION_FAILED);
            assertThat(failure).hasMessageContaining("no answer within 2 s");
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(1900)).isLessThan(Duration.ofSeconds(8));
        }
    }

    @Test
    void aServerThatGoesSilentInTheMiddleOfAnOperationFailsWithinTheReadBound() throws Exception {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            db.schema().updateTo("20260128100000-create-users");
            Matcher url = Pattern.compile("^jdbc:mysql://([^:/]+):(\\d+)(/.*)$").matcher(db.url());
            assertThat(url.matches()).as("test server URL %s", db.url()).isTrue();
            // The proxy passes everything until the library reads the history, then answers nothing more.
            try (SilentProxy proxy = new SilentProxy(url.group(1) + ":" + url.group(2), "ORDEREXECUTED, EXECTYPE")) {
                MarsSchema schema = MarsSchema.configure().url("jdbc:mysql://127.0.0.1:" + proxy.port() + url.group(3))
                        .username(db.user()).password(db.password()).connectTimeout(Duration.ofSeconds(2)).load();

                long start = System.nanoTime();
                ConnectionException failure = catchThrowableOfType(ConnectionException.class, schema::status);
                Duration took = Duration.ofNanos(System.nanoTime() - start);

                assertThat(failure).as("status through a proxy that went silent").isNotNull();
                assertThat(failure).hasMessageContaining("stopped answering").hasMessageContaining("check that the"
                        + " server is up and reachable");
                assertThat(took).as("three times the connect timeout").isGreaterThanOrEqualTo(Duration.ofMillis(5900))
                        .isLessThan(Duration.ofSeconds(15));
            }
        }
    }

    /**
     * Accepts connections on loopback. Without a target it never answers; with one it relays both ways until
     * the client sends {@code trigger}, and from then on relays nothing, keeping every socket open.
     */
    private static final class SilentProxy implements AutoCloseable {
        private final ServerSocket server;
        private final String target;
        private final byte[] trigger;
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();
        private volatile boolean silent;

        SilentProxy(String target, String trigger) throws IOException {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            this.target = target;
            this.trigger = trigger == null ? null : trigger.getBytes(StandardCharsets.UTF_8);
            this.silent = target == null;
            Thread acceptor = new Thread(this::accept, "silent-proxy");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    sockets.add(client);
                    if (target != null) {
                        String[] hostPort = target.split(":");
                        Socket upstream = new Socket(hostPort[0], Integer.parseInt(hostPort[1]));
                        sockets.add(upstream);
                        relay(client.getInputStream(), upstream.getOutputStream(), true);
                        relay(upstream.getInputStream(), client.getOutputStream(), false);
                    }
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void relay(InputStream in, OutputStream out, boolean fromClient) {
            Thread thread = new Thread(() -> {
                byte[] buffer = new byte[16384];
                try {
                    int n;
                    while ((n = in.read(buffer)) >= 0) {
                        if (fromClient && trigger != null && contains(buffer, n, trigger)) {
                            silent = true;
                        }
                        if (silent) {
                            continue;
                        }
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                } catch (IOException e) {
                    // the test is over
                }
            }, "silent-proxy-relay");
            thread.setDaemon(true);
            thread.start();
        }

        private static boolean contains(byte[] buffer, int length, byte[] wanted) {
            outer:
            for (int i = 0; i + wanted.length <= length; i++) {
                for (int j = 0; j < wanted.length; j++) {
                    if (buffer[i + j] != wanted[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }
}

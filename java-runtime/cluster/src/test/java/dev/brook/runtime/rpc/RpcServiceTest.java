package dev.brook.runtime.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two RPC services over real loopback gRPC: calls in both directions, objects passed by reference,
 * in-order one-way calls, exceptions, and a broken connection failing pending calls and telling
 * both sides.
 */
class RpcServiceTest {

    /** A server-side endpoint. */
    public interface Registry {
        CompletableFuture<String> register(Worker worker, String name);

        int add(int a, int b);

        void record(int value);

        CompletableFuture<List<Integer>> recorded();

        CompletableFuture<Void> fail(String message);

        CompletableFuture<String> never();
    }

    /** Passed by reference from the client to the server. */
    public interface Worker {
        CompletableFuture<String> work(String input);

        String getLocation();
    }

    private static final class RegistryImpl implements Registry {
        final AtomicReference<Worker> worker = new AtomicReference<>();
        final List<Integer> values = new CopyOnWriteArrayList<>();
        final AtomicReference<RpcConnection> connection = new AtomicReference<>();

        @Override
        public CompletableFuture<String> register(Worker w, String name) {
            worker.set(w);
            connection.set(RpcConnection.current());
            return CompletableFuture.completedFuture("hello " + name + " at " + w.getLocation());
        }

        @Override
        public int add(int a, int b) {
            return a + b;
        }

        @Override
        public void record(int value) {
            values.add(value);
        }

        @Override
        public CompletableFuture<List<Integer>> recorded() {
            return CompletableFuture.completedFuture(List.copyOf(values));
        }

        @Override
        public CompletableFuture<Void> fail(String message) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(message));
        }

        @Override
        public CompletableFuture<String> never() {
            return new CompletableFuture<>();
        }
    }

    private static final class WorkerImpl implements Worker {
        @Override
        public CompletableFuture<String> work(String input) {
            return CompletableFuture.completedFuture(input.toUpperCase());
        }

        @Override
        public String getLocation() {
            return "worker-host:1234";
        }
    }

    private final RpcService server = new RpcService(Set.of(Worker.class), ClassResolver.system());
    private final RpcService client = new RpcService(Set.of(Worker.class), ClassResolver.system());

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    private RegistryImpl registry;
    private RpcConnection connection;

    private Registry connect() throws Exception {
        registry = new RegistryImpl();
        server.registerEndpoint("registry", registry);
        int port = server.listen("127.0.0.1", 0, c -> {});
        connection = client.connect("127.0.0.1", port);
        return connection.gateway("registry", Registry.class);
    }

    @Test
    void callsTravelBothWaysAndObjectsByReference() throws Exception {
        Registry remote = connect();
        assertThat(remote.add(2, 3)).isEqualTo(5);
        WorkerImpl worker = new WorkerImpl();
        assertThat(remote.register(worker, "tm").get(10, TimeUnit.SECONDS))
                .isEqualTo("hello tm at worker-host:1234");
        // The server calls back the client's object over the same connection.
        Worker proxy = registry.worker.get();
        assertThat(proxy).isNotSameAs(worker);
        assertThat(proxy.work("abc").get(10, TimeUnit.SECONDS)).isEqualTo("ABC");
        assertThat(registry.connection.get()).isNotNull();
    }

    @Test
    void oneWayCallsArriveInOrder() throws Exception {
        Registry remote = connect();
        for (int i = 0; i < 2_000; i++) {
            remote.record(i);
        }
        List<Integer> got = remote.recorded().get(10, TimeUnit.SECONDS);
        assertThat(got).hasSize(2_000);
        for (int i = 0; i < got.size(); i++) {
            assertThat(got.get(i)).isEqualTo(i);
        }
    }

    @Test
    void failuresReachTheCaller() throws Exception {
        Registry remote = connect();
        assertThatThrownBy(() -> remote.fail("bad input").get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bad input");
    }

    @Test
    void aBrokenConnectionFailsPendingCallsAndTellsBothSides() throws Exception {
        CountDownLatch serverSawClose = new CountDownLatch(1);
        registry = new RegistryImpl();
        server.registerEndpoint("registry", registry);
        int port =
                server.listen("127.0.0.1", 0, c -> c.onClose(cause -> serverSawClose.countDown()));
        connection = client.connect("127.0.0.1", port);
        Registry remote = connection.gateway("registry", Registry.class);
        assertThat(remote.add(1, 1)).isEqualTo(2);
        CompletableFuture<String> pending = remote.never();
        CountDownLatch clientSawClose = new CountDownLatch(1);
        connection.onClose(cause -> clientSawClose.countDown());

        server.close(); // the peer process goes away

        assertThat(clientSawClose.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(serverSawClose.await(10, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> pending.get(10, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(RpcConnectionException.class);
        assertThat(connection.isOpen()).isFalse();
        assertThatThrownBy(() -> remote.add(1, 2))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasCauseInstanceOf(RpcConnectionException.class);
    }

    @Test
    void connectingToNothingFailsTheFirstCall() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        RpcConnection c = client.connect("127.0.0.1", port);
        Registry remote = c.gateway("registry", Registry.class);
        assertThatThrownBy(() -> remote.recorded().get(10, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(RpcConnectionException.class)
                .hasMessageContaining("127.0.0.1:" + port);
    }
}

package dev.brook.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.brook.runtime.rpc.ByteStreamMethod;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The worker server's guards: loopback only, and only workers that know their token. */
class PythonWorkerServerITCase {

    @Test
    void refusesAWorkerWithAWrongToken() throws Exception {
        PythonWorkerServer server = PythonWorkerServer.get();
        PythonWorker expected = new PythonWorker("w-token-test", "right", Duration.ofSeconds(30));
        server.expect(expected);
        try {
            ProcessBuilder builder =
                    new ProcessBuilder(PythonTestSupport.python(), "-m", "brook_worker")
                            .redirectErrorStream(true);
            builder.environment()
                    .put("PYTHONPATH", PythonWorkerManager.get().workerCode().toString());
            builder.environment()
                    .put("BROOK_WORKER_ADDRESS", "127.0.0.1:" + server.address().getPort());
            builder.environment().put("BROOK_WORKER_ID", "w-token-test");
            builder.environment().put("BROOK_WORKER_TOKEN", "wrong");
            Process process = builder.start();
            String output =
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

            assertThat(process.exitValue()).as(output).isEqualTo(1);
            assertThat(output).contains("Python worker refused");
            assertThatThrownBy(() -> expected.awaitConnection(Duration.ofMillis(100)))
                    .isInstanceOf(PythonException.class)
                    .hasMessageContaining("did not connect");
        } finally {
            server.forget(expected);
        }
    }

    /** Opens a worker's state stream by hand; the future completes when the server ends it. */
    private static StreamObserver<byte[]> openStateStream(
            ManagedChannel channel, CompletableFuture<Throwable> ended) {
        return ClientCalls.asyncBidiStreamingCall(
                channel.newCall(
                        ByteStreamMethod.bidi(PythonWorkerServer.SERVICE, "State"),
                        CallOptions.DEFAULT),
                new StreamObserver<>() {
                    @Override
                    public void onNext(byte[] frame) {}

                    @Override
                    public void onError(Throwable t) {
                        ended.complete(t);
                    }

                    @Override
                    public void onCompleted() {
                        ended.complete(null);
                    }
                });
    }

    private static byte[] hello(String workerId, String token) {
        return Frames.frame(
                Frames.HELLO,
                0,
                ("{\"worker_id\": \"" + workerId + "\", \"token\": \"" + token + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theStateStreamNeedsTheTokenAndCarriesOnlyKeyedState() throws Exception {
        PythonWorkerServer server = PythonWorkerServer.get();
        PythonWorker expected = new PythonWorker("w-state-test", "right", Duration.ofSeconds(30));
        server.expect(expected);
        ManagedChannel channel =
                NettyChannelBuilder.forAddress("127.0.0.1", server.address().getPort())
                        .usePlaintext()
                        .build();
        try {
            CompletableFuture<Throwable> refused = new CompletableFuture<>();
            openStateStream(channel, refused).onNext(hello("w-state-test", "wrong"));
            assertThat(Status.fromThrowable(refused.get(10, TimeUnit.SECONDS)).getCode())
                    .isEqualTo(Status.Code.PERMISSION_DENIED);

            CompletableFuture<Throwable> accepted = new CompletableFuture<>();
            StreamObserver<byte[]> state = openStateStream(channel, accepted);
            state.onNext(hello("w-state-test", "right"));
            // Results belong on the data stream: the worker is failed for sending one here.
            state.onNext(Frames.frame(Frames.OUTPUT, 1, new byte[0]));
            assertThatThrownBy(() -> expected.awaitConnection(Duration.ofSeconds(10)))
                    .isInstanceOf(PythonException.class)
                    .hasMessageContaining("sent frame 21 on its state stream");
            state.onCompleted();
        } finally {
            server.forget(expected);
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void listensOnLoopbackOnly() throws Exception {
        InetSocketAddress address = PythonWorkerServer.get().address();
        assertThat(address.getAddress().isLoopbackAddress()).isTrue();

        InetAddress external = null;
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
                    external = a;
                }
            }
        }
        assumeTrue(external != null, "no non-loopback IPv4 address to try");
        InetSocketAddress outside = new InetSocketAddress(external, address.getPort());
        assertThatThrownBy(
                        () -> {
                            try (Socket socket = new Socket()) {
                                socket.connect(outside, 2000);
                            }
                        })
                .isInstanceOf(IOException.class)
                .isInstanceOf(ConnectException.class);
    }
}

package dev.brook.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brook.runtime.rpc.ByteStreamMethod;
import dev.brook.runtime.util.DaemonThreadFactory;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.MultiThreadIoEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioIoHandler;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The gRPC server that Python workers connect to: one per JVM (TaskManager), started on first use,
 * bound to the loopback interface only. The service {@code brook.udf.PythonWorker} is registered by
 * hand with byte marshallers (no generated code); its two methods are bidirectional streams of
 * {@link Frames}: {@code Data} carries batches, results and control frames, {@code State} keyed
 * state declarations, reads and their replies. A worker opens one stream of each; the first frame
 * of each must be HELLO with the token the worker was started with; any other first frame, or a
 * wrong token, closes the stream with PERMISSION_DENIED.
 *
 * <p>Threading model: gRPC threads call {@link PythonWorker#onFrame}; everything else is
 * thread-safe.
 */
final class PythonWorkerServer {

    static final String SERVICE = "brook.udf.PythonWorker";

    /** Arrow batches of large records must fit; the worker bounds its own messages the same way. */
    static final int MAX_MESSAGE_BYTES = 256 * 1024 * 1024;

    private static final MethodDescriptor<byte[], byte[]> DATA =
            ByteStreamMethod.bidi(SERVICE, "Data");

    private static final MethodDescriptor<byte[], byte[]> STATE =
            ByteStreamMethod.bidi(SERVICE, "State");

    private static final ObjectMapper JSON = new ObjectMapper();

    private static PythonWorkerServer instance;

    /** Workers whose data stream may connect, by id. */
    private final Map<String, PythonWorker> expected = new ConcurrentHashMap<>();

    /** Workers whose state stream may connect, by id. */
    private final Map<String, PythonWorker> expectedState = new ConcurrentHashMap<>();

    private final Server server;

    /**
     * Event loops of this server alone (not gRPC's shared ones, which linger after their last
     * user), so {@link #stop} can end their threads: a JVM exits up to 300 ms later while a thread
     * is blocked in native code such as epoll_wait.
     */
    private final EventLoopGroup boss =
            new MultiThreadIoEventLoopGroup(
                    1,
                    new DaemonThreadFactory("brook-python-worker-server-boss"),
                    NioIoHandler.newFactory());

    private final EventLoopGroup loops =
            new MultiThreadIoEventLoopGroup(
                    2,
                    new DaemonThreadFactory("brook-python-worker-server"),
                    NioIoHandler.newFactory());

    private PythonWorkerServer() throws IOException {
        ServerServiceDefinition service =
                ServerServiceDefinition.builder(SERVICE)
                        .addMethod(
                                DATA,
                                ServerCalls.asyncBidiStreamingCall(
                                        responses ->
                                                new Connection(
                                                        (ServerCallStreamObserver<byte[]>)
                                                                responses,
                                                        false)))
                        .addMethod(
                                STATE,
                                ServerCalls.asyncBidiStreamingCall(
                                        responses ->
                                                new Connection(
                                                        (ServerCallStreamObserver<byte[]>)
                                                                responses,
                                                        true)))
                        .build();
        this.server =
                NettyServerBuilder.forAddress(
                                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                        .maxInboundMessageSize(MAX_MESSAGE_BYTES)
                        .bossEventLoopGroup(boss)
                        .workerEventLoopGroup(loops)
                        .channelType(NioServerSocketChannel.class)
                        .addService(service)
                        .build()
                        .start();
    }

    /** The JVM's server, started on the first call. */
    static synchronized PythonWorkerServer get() throws IOException {
        if (instance == null) {
            instance = new PythonWorkerServer();
        }
        return instance;
    }

    /**
     * Stops the JVM's server, if it runs, and its threads; the next {@link #get} starts a new one.
     * For a JVM about to exit once its jobs are done (the gateway, {@code flink run -py}).
     */
    static synchronized void stop() throws InterruptedException {
        if (instance == null) {
            return;
        }
        PythonWorkerServer stopping = instance;
        instance = null;
        stopping.server.shutdownNow();
        stopping.server.awaitTermination(1, TimeUnit.SECONDS);
        stopping.boss.shutdownGracefully(0, 0, TimeUnit.SECONDS).await(1, TimeUnit.SECONDS);
        stopping.loops.shutdownGracefully(0, 0, TimeUnit.SECONDS).await(1, TimeUnit.SECONDS);
    }

    /** Where workers connect: {@code 127.0.0.1:<port>}. */
    InetSocketAddress address() {
        return (InetSocketAddress) server.getListenSockets().get(0);
    }

    /** Lets {@code worker} connect with its id and token. */
    void expect(PythonWorker worker) {
        expected.put(worker.id(), worker);
        expectedState.put(worker.id(), worker);
    }

    /** {@code worker} may no longer connect. */
    void forget(PythonWorker worker) {
        expected.remove(worker.id(), worker);
        expectedState.remove(worker.id(), worker);
    }

    /** One of a worker's two streams: unauthenticated until its HELLO frame. */
    private final class Connection implements StreamObserver<byte[]> {
        private final ServerCallStreamObserver<byte[]> responses;
        private final boolean state;
        private final String name;
        private volatile PythonWorker worker;

        Connection(ServerCallStreamObserver<byte[]> responses, boolean state) {
            this.responses = responses;
            this.state = state;
            this.name = state ? "state stream" : "connection";
            // Without a handler, sending on a cancelled call throws in the task thread, hiding
            // the worker's fate (its exit code and stderr), which the worker then reports.
            responses.setOnCancelHandler(
                    () -> {
                        PythonWorker connected = worker;
                        if (connected != null) {
                            connected.disconnected("its " + name + " was cancelled");
                        }
                    });
        }

        @Override
        public void onNext(byte[] frame) {
            if (worker != null) {
                byte type = Frames.type(frame);
                boolean stateFrame = type == Frames.STATE_DECLARE || type == Frames.STATE_REQUEST;
                if (stateFrame != state && type != Frames.HEARTBEAT) {
                    worker.fail(
                            "Python worker "
                                    + worker.id()
                                    + " sent frame "
                                    + type
                                    + " on its "
                                    + (state ? "state" : "data")
                                    + " stream; keyed state travels on the state stream only");
                    return;
                }
                worker.onFrame(frame);
                return;
            }
            PythonWorker claimed = authenticate(frame);
            if (claimed == null) {
                responses.onError(
                        Status.PERMISSION_DENIED
                                .withDescription(
                                        "Python worker refused: unknown worker id or wrong token")
                                .asRuntimeException());
                return;
            }
            worker = claimed;
            if (state) {
                worker.stateConnected(responses);
            } else {
                worker.connected(responses);
            }
        }

        private PythonWorker authenticate(byte[] frame) {
            if (frame.length < Frames.HEADER || Frames.type(frame) != Frames.HELLO) {
                return null;
            }
            try {
                JsonNode hello = JSON.readTree(Frames.payloadText(frame));
                Map<String, PythonWorker> waiting = state ? expectedState : expected;
                PythonWorker candidate = waiting.get(hello.path("worker_id").asText(""));
                if (candidate == null) {
                    return null;
                }
                byte[] token = hello.path("token").asText("").getBytes(StandardCharsets.UTF_8);
                return MessageDigest.isEqual(
                                        token, candidate.token().getBytes(StandardCharsets.UTF_8))
                                && waiting.remove(candidate.id(), candidate)
                        ? candidate
                        : null;
            } catch (IOException e) {
                return null;
            }
        }

        @Override
        public void onError(Throwable t) {
            if (worker != null) {
                worker.disconnected("its " + name + " failed: " + t);
            }
        }

        @Override
        public void onCompleted() {
            if (worker != null) {
                worker.disconnected("it closed its " + name);
            }
            responses.onCompleted();
        }
    }
}

package dev.brook.runtime.rpc;

import io.grpc.CallOptions;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Brook's control RPC over gRPC: one bidirectional stream method ({@code brook.Rpc/Connect}) whose
 * messages are Java-serialized {@link RpcMessage}s. A process either {@link #listen}s (the
 * JobManager) and learns of each connecting peer, or {@link #connect}s (a TaskManager). Both sides
 * of a connection can call the other's endpoints; see {@link RpcConnection}.
 *
 * <p>Plain TCP: the server binds to the address it is given, loopback unless configured otherwise.
 */
public final class RpcService implements AutoCloseable {

    /** Largest message: a job's jar files travel over RPC to TaskManagers. */
    static final int MAX_MESSAGE_BYTES = 512 * 1024 * 1024;

    private static final MethodDescriptor<byte[], byte[]> CONNECT =
            ByteStreamMethod.bidi("brook.Rpc", "Connect");

    private static final Context.Key<String> REMOTE = Context.key("brook-rpc-peer");

    /** Names each server-side connection after the peer's address. */
    private static final class RemoteAddress implements ServerInterceptor {
        @Override
        public <Q, A> ServerCall.Listener<Q> interceptCall(
                ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
            Object address = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
            Context context =
                    Context.current()
                            .withValue(REMOTE, address == null ? "a peer" : address.toString());
            return Contexts.interceptCall(context, call, headers, next);
        }
    }

    private final Map<String, Object> endpoints = new ConcurrentHashMap<>();
    private final Set<Class<?>> exported;
    private final ClassResolver classResolver;
    private final java.util.List<RpcConnection> connections = new CopyOnWriteArrayList<>();
    private final java.util.List<ManagedChannel> channels = new CopyOnWriteArrayList<>();
    private Server server;

    /**
     * @param exported interfaces whose implementations travel by reference
     * @param classResolver finds the classes of arriving objects
     */
    public RpcService(Set<Class<?>> exported, ClassResolver classResolver) {
        this.exported = Set.copyOf(exported);
        this.classResolver = classResolver;
    }

    /** Makes {@code endpoint} callable by peers under {@code name}. */
    public void registerEndpoint(String name, Object endpoint) {
        endpoints.put(name, endpoint);
    }

    /**
     * Accepts connections on {@code bindAddress}:{@code port} (0: any free port); {@code
     * onConnection} learns of each new peer.
     */
    public synchronized int listen(
            String bindAddress, int port, Consumer<RpcConnection> onConnection) throws IOException {
        ServerServiceDefinition service =
                ServerServiceDefinition.builder("brook.Rpc")
                        .addMethod(
                                CONNECT,
                                ServerCalls.asyncBidiStreamingCall(
                                        responses -> {
                                            RpcConnection c = newConnection(REMOTE.get());
                                            c.setOutbound(responses);
                                            onConnection.accept(c);
                                            return observer(c);
                                        }))
                        .build();
        server =
                NettyServerBuilder.forAddress(new InetSocketAddress(bindAddress, port))
                        .maxInboundMessageSize(MAX_MESSAGE_BYTES)
                        .permitKeepAliveTime(5, TimeUnit.SECONDS)
                        .permitKeepAliveWithoutCalls(true)
                        .addService(ServerInterceptors.intercept(service, new RemoteAddress()))
                        .build()
                        .start();
        return server.getPort();
    }

    /** Opens a connection to the RPC server at {@code host}:{@code port}. */
    public RpcConnection connect(String host, int port) {
        ManagedChannel channel =
                NettyChannelBuilder.forAddress(host, port)
                        .usePlaintext()
                        .maxInboundMessageSize(MAX_MESSAGE_BYTES)
                        .keepAliveTime(10, TimeUnit.SECONDS)
                        .keepAliveTimeout(10, TimeUnit.SECONDS)
                        .keepAliveWithoutCalls(true)
                        .build();
        channels.add(channel);
        RpcConnection c = newConnection(host + ":" + port);
        c.onClose(
                cause -> {
                    channel.shutdownNow();
                    channels.remove(channel);
                });
        c.setOutbound(
                ClientCalls.asyncBidiStreamingCall(
                        channel.newCall(CONNECT, CallOptions.DEFAULT), observer(c)));
        return c;
    }

    private RpcConnection newConnection(String peer) {
        RpcConnection c = new RpcConnection(peer, endpoints, exported, classResolver);
        connections.add(c);
        c.onClose(cause -> connections.remove(c));
        return c;
    }

    private static StreamObserver<byte[]> observer(RpcConnection c) {
        return new StreamObserver<>() {
            @Override
            public void onNext(byte[] value) {
                c.onMessage(value);
            }

            @Override
            public void onError(Throwable t) {
                c.closed(t);
            }

            @Override
            public void onCompleted() {
                c.close();
            }
        };
    }

    @Override
    public synchronized void close() {
        for (RpcConnection c : connections) {
            c.close();
        }
        if (server != null) {
            server.shutdownNow();
            try {
                server.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (ManagedChannel ch : channels) {
            ch.shutdownNow();
        }
    }
}

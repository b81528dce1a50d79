package dev.brook.runtime.io.network.netty;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.group.ChannelGroup;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * One connection per producing TaskManager, opened when the first channel needs it and shared by
 * all channels to that TaskManager. A connection that closes is forgotten, so the next request (of
 * a restarted task, say) opens a new one.
 *
 * <p>Threading model: thread-safe; {@link #clientFor} blocks the calling task thread while it
 * connects.
 */
final class PartitionRequestClientFactory {

    private final Bootstrap bootstrap;
    private final ChannelGroup connections;
    private final int segmentSize;
    private final ConcurrentHashMap<InetSocketAddress, CompletableFuture<PartitionRequestClient>>
            clients = new ConcurrentHashMap<>();

    /**
     * @param bootstrap event loops, channel type and options; each connection adds its own handler
     * @param connections where new connections are added, to be closed with the TaskManager's
     *     shuffle
     * @param segmentSize the largest buffer a producer may send
     */
    PartitionRequestClientFactory(Bootstrap bootstrap, ChannelGroup connections, int segmentSize) {
        this.bootstrap = bootstrap;
        this.connections = connections;
        this.segmentSize = segmentSize;
    }

    /** The connection to {@code producer}, opened if there is none. */
    PartitionRequestClient clientFor(InetSocketAddress producer)
            throws IOException, InterruptedException {
        CompletableFuture<PartitionRequestClient> created = new CompletableFuture<>();
        CompletableFuture<PartitionRequestClient> client = clients.putIfAbsent(producer, created);
        if (client == null) {
            client = created;
            connect(producer, created);
        }
        try {
            return client.get();
        } catch (ExecutionException e) {
            clients.remove(producer, client);
            Throwable cause = e.getCause();
            throw new IOException(
                    "Cannot connect to the TaskManager at "
                            + hostAndPort(producer)
                            + " for its data: "
                            + cause.getMessage()
                            + ". It may have died, or a firewall blocks its data port.",
                    cause);
        }
    }

    private void connect(
            InetSocketAddress producer, CompletableFuture<PartitionRequestClient> result) {
        PartitionResponseHandler responses =
                new PartitionResponseHandler(hostAndPort(producer), segmentSize);
        ChannelFuture connected = bootstrap.clone().handler(responses).connect(producer);
        connected.addListener(
                f -> {
                    if (!f.isSuccess()) {
                        result.completeExceptionally(f.cause());
                        return;
                    }
                    Channel channel = connected.channel();
                    connections.add(channel);
                    channel.closeFuture().addListener(c -> clients.remove(producer, result));
                    result.complete(new PartitionRequestClient(channel, responses));
                });
    }

    int numberOfConnections() {
        return clients.size();
    }

    static String hostAndPort(InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }
}

package dev.brook.runtime.io.network.netty;

import dev.brook.runtime.clusterframework.ResourceID;
import dev.brook.runtime.io.network.buffer.NetworkBufferPool;
import dev.brook.runtime.io.network.partition.ResultPartitionManager;
import dev.brook.runtime.io.network.partition.consumer.InputChannelFactory;
import dev.brook.runtime.io.network.partition.consumer.LocalInputChannel;
import dev.brook.runtime.taskmanager.TaskManagerLocation;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data plane of one TaskManager: moves the buffers of result partitions to consumers on other
 * TaskManagers over TCP, with credit-based flow control.
 *
 * <ul>
 *   <li>A server on the data port serves partition requests out of this TaskManager's {@link
 *       ResultPartitionManager} ({@link PartitionRequestServerHandler}).
 *   <li>Consumers here read remote partitions through {@link RemoteInputChannel}s; all channels to
 *       one TaskManager share one connection, opened when the first needs it ({@link
 *       PartitionRequestClientFactory}).
 *   <li>{@link #inputChannelFactory} picks a {@link LocalInputChannel} when the producer runs in
 *       this TaskManager, so local exchanges never touch the network.
 * </ul>
 *
 * <p>The server binds to the address it is given and nothing else: the caller passes loopback
 * unless the TaskManager must be reachable from other hosts. Frames are bounded (requests by a few
 * KiB, buffers by the segment size), and a malformed frame closes its connection.
 *
 * <p>Lifecycle: the constructor binds the server; {@link #close()} closes every connection, which
 * releases the producers' views and fails the consumers reading over them.
 */
public final class NettyShuffleEnvironment implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NettyShuffleEnvironment.class);

    private final NettyShuffleConfig config;
    private final NetworkBufferPool networkBufferPool;
    private final ResultPartitionManager partitionManager;
    private final EventLoopGroup eventLoops;

    /** The server and every connection, in both directions, so that close() ends them all. */
    private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);

    private final Channel server;
    private final PartitionRequestClientFactory clients;

    /**
     * @param partitionManager the partitions produced on this TaskManager, served to others
     * @param networkBufferPool this TaskManager's network memory: sets the largest buffer accepted,
     *     and remote channels take their segments from it
     */
    public NettyShuffleEnvironment(
            NettyShuffleConfig config,
            ResultPartitionManager partitionManager,
            NetworkBufferPool networkBufferPool)
            throws IOException {
        this.config = config;
        this.partitionManager = partitionManager;
        this.networkBufferPool = networkBufferPool;
        int segmentSize = networkBufferPool.getSegmentSize();
        this.eventLoops =
                new MultiThreadIoEventLoopGroup(
                        config.ioThreads(),
                        new DefaultThreadFactory("brook-netty-shuffle", true),
                        NioIoHandler.newFactory());
        // Up to two segments wait unflushed per connection before a write round ends.
        WriteBufferWaterMark waterMark = new WriteBufferWaterMark(segmentSize, 2 * segmentSize);
        ServerBootstrap serverBootstrap =
                new ServerBootstrap()
                        .group(eventLoops)
                        .channel(NioServerSocketChannel.class)
                        .childOption(ChannelOption.TCP_NODELAY, true)
                        .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark)
                        .childHandler(
                                new ChannelInitializer<SocketChannel>() {
                                    @Override
                                    protected void initChannel(SocketChannel ch) {
                                        channels.add(ch);
                                        ch.pipeline()
                                                .addLast(
                                                        new LengthFieldBasedFrameDecoder(
                                                                NettyMessage.MAX_REQUEST_FRAME,
                                                                0,
                                                                4,
                                                                0,
                                                                4),
                                                        new PartitionRequestServerHandler(
                                                                partitionManager));
                                    }
                                });
        ChannelFuture bound =
                serverBootstrap.bind(config.bindAddress(), config.port()).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            eventLoops.shutdownGracefully(0, 0, TimeUnit.SECONDS).awaitUninterruptibly();
            throw new IOException(
                    "Cannot bind the data port to "
                            + config.bindAddress()
                            + ":"
                            + config.port()
                            + ": "
                            + bound.cause().getMessage(),
                    bound.cause());
        }
        this.server = bound.channel();
        channels.add(server);
        Bootstrap clientBootstrap =
                new Bootstrap()
                        .group(eventLoops)
                        .channel(NioSocketChannel.class)
                        .option(ChannelOption.TCP_NODELAY, true)
                        .option(
                                ChannelOption.CONNECT_TIMEOUT_MILLIS,
                                (int) config.connectTimeout().toMillis());
        this.clients = new PartitionRequestClientFactory(clientBootstrap, channels, segmentSize);
        LOG.info("Data server listening on {}", server.localAddress());
    }

    /** The port the data server listens on (the one chosen if 0 was given). */
    public int getDataPort() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /**
     * Creates the channels of this TaskManager's input gates: local when the producer is this
     * TaskManager ({@code self}), remote otherwise.
     */
    public InputChannelFactory inputChannelFactory(ResourceID self) {
        return (gate, channelIndex, descriptor) -> {
            TaskManagerLocation producer = descriptor.producerLocation();
            if (producer.resourceId().equals(self)) {
                return new LocalInputChannel(
                        gate,
                        channelIndex,
                        partitionManager,
                        descriptor.partitionId(),
                        descriptor.subpartitionIndex());
            }
            return new RemoteInputChannel(
                    gate,
                    channelIndex,
                    descriptor.partitionId(),
                    descriptor.subpartitionIndex(),
                    new InetSocketAddress(producer.host(), producer.dataPort()),
                    clients,
                    networkBufferPool,
                    config);
        };
    }

    /** Open connections to other TaskManagers. */
    int numberOfConnections() {
        return clients.numberOfConnections();
    }

    /**
     * Closes the server and every connection, then stops the event loops. The connections are
     * closed explicitly rather than left to the event loops' shutdown, so that the other side
     * always sees them end.
     */
    @Override
    public void close() {
        channels.close().awaitUninterruptibly();
        eventLoops.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}

package dev.brook.runtime.io.network.netty;

import dev.brook.configuration.NettyShuffleEnvironmentOptions;
import java.time.Duration;

/**
 * Settings of one TaskManager's {@link NettyShuffleEnvironment}.
 *
 * @param bindAddress the address the data server listens on; the caller decides (loopback unless
 *     the TaskManager is meant to be reachable from other hosts)
 * @param port the data port, 0 for any free port
 * @param ioThreads Netty event loop threads, shared by the server and the client connections
 * @param buffersPerChannel exclusive buffers of each remote input channel: the credit a consumer
 *     gives its producer, so at most this many buffers per channel are in flight
 * @param partitionRequestTimeout how long a consumer keeps asking for a partition whose producer
 *     has not registered it yet
 * @param connectTimeout how long opening a connection to another TaskManager may take
 */
public record NettyShuffleConfig(
        String bindAddress,
        int port,
        int ioThreads,
        int buffersPerChannel,
        Duration partitionRequestTimeout,
        Duration connectTimeout) {

    /** As long as {@code LocalInputChannel} waits for a producer that is not there yet. */
    public static final Duration DEFAULT_PARTITION_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    public NettyShuffleConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Data port " + port + " is not in 0..65535");
        }
        if (ioThreads < 1) {
            throw new IllegalArgumentException("Netty needs at least one I/O thread: " + ioThreads);
        }
        if (buffersPerChannel < 1) {
            throw new IllegalArgumentException(
                    "An input channel needs at least one buffer: " + buffersPerChannel);
        }
        if (partitionRequestTimeout.isNegative() || connectTimeout.isNegative()) {
            throw new IllegalArgumentException("Timeouts must not be negative");
        }
    }

    /**
     * The default buffers per channel ({@code taskmanager.network.memory.buffers-per-channel}), 30
     * s for a producer to come up, 10 s to connect, and one I/O thread per core, at most four.
     */
    public static NettyShuffleConfig of(String bindAddress, int port) {
        return new NettyShuffleConfig(
                bindAddress,
                port,
                Math.min(4, Runtime.getRuntime().availableProcessors()),
                NettyShuffleEnvironmentOptions.NETWORK_BUFFERS_PER_CHANNEL.defaultValue(),
                DEFAULT_PARTITION_REQUEST_TIMEOUT,
                Duration.ofSeconds(10));
    }

    public NettyShuffleConfig withBuffersPerChannel(int buffers) {
        return new NettyShuffleConfig(
                bindAddress, port, ioThreads, buffers, partitionRequestTimeout, connectTimeout);
    }

    public NettyShuffleConfig withPartitionRequestTimeout(Duration timeout) {
        return new NettyShuffleConfig(
                bindAddress, port, ioThreads, buffersPerChannel, timeout, connectTimeout);
    }
}

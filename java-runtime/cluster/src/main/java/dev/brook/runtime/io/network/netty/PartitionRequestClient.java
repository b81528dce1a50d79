package dev.brook.runtime.io.network.netty;

import dev.brook.runtime.io.network.partition.ResultPartitionID;
import io.netty.channel.Channel;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The sending side of one TCP connection to a producing TaskManager, shared by every {@link
 * RemoteInputChannel} reading from it. What arrives is handled by the connection's {@link
 * PartitionResponseHandler}.
 *
 * <p>Threading model: thread-safe; Netty hands writes from other threads to the event loop, in
 * order.
 */
final class PartitionRequestClient {

    private final Channel channel;
    private final PartitionResponseHandler responses;

    PartitionRequestClient(Channel channel, PartitionResponseHandler responses) {
        this.channel = channel;
        this.responses = responses;
    }

    /** Registers {@code consumer} on this connection and returns its receiver id. */
    int register(RemoteInputChannel consumer) {
        return responses.register(consumer);
    }

    void requestPartition(
            int receiverId, ResultPartitionID partitionId, int subpartitionIndex, int credit) {
        channel.writeAndFlush(
                NettyMessage.partitionRequest(
                        channel.alloc(),
                        new NettyMessage.PartitionRequest(
                                receiverId, partitionId, subpartitionIndex, credit)));
    }

    /**
     * Sends the credit {@code consumer} has gathered by the time the event loop gets to it, so
     * buffers recycled in a burst cost one message.
     */
    void announceCredit(RemoteInputChannel consumer, int receiverId) {
        onEventLoop(
                () -> {
                    int credit = consumer.takeUnannouncedCredit();
                    if (credit > 0) {
                        channel.writeAndFlush(
                                NettyMessage.addCredit(channel.alloc(), receiverId, credit));
                    }
                },
                0);
    }

    /** Unregisters the receiver and tells the producer to release its view. */
    void cancel(int receiverId) {
        responses.unregister(receiverId);
        if (channel.isActive()) {
            channel.writeAndFlush(NettyMessage.cancel(channel.alloc(), receiverId));
        }
    }

    /**
     * Runs {@code action} on this connection's event loop after {@code delayMillis}. Does nothing
     * once the TaskManager shuts its event loops down: its connections are closed then, and the
     * channels on them failed.
     */
    void onEventLoop(Runnable action, long delayMillis) {
        try {
            if (delayMillis == 0) {
                channel.eventLoop().execute(action);
            } else {
                channel.eventLoop().schedule(action, delayMillis, TimeUnit.MILLISECONDS);
            }
        } catch (RejectedExecutionException e) {
            // See above.
        }
    }
}

package dev.brook.runtime.io.network.netty;

import dev.brook.runtime.io.network.buffer.Buffer;
import dev.brook.runtime.io.network.buffer.BufferRecycler;
import dev.brook.runtime.io.network.buffer.LocalBufferPool;
import dev.brook.runtime.io.network.buffer.NetworkBufferPool;
import dev.brook.runtime.io.network.partition.ResultPartitionID;
import dev.brook.runtime.io.network.partition.consumer.InputChannel;
import dev.brook.runtime.io.network.partition.consumer.SingleInputGate;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a subpartition produced on another TaskManager, over the connection to it that all channels
 * to that TaskManager share.
 *
 * <p>Credit-based flow control: the channel holds a few exclusive segments from this TaskManager's
 * {@link NetworkBufferPool}; each free one is a credit, and the producer sends a buffer only
 * against a credit. A received buffer is copied into a free segment and queued for the task; when
 * the task recycles it, the segment is free again and the credit goes back to the producer. Memory
 * in flight is therefore bounded by the consumer's segments, and a consumer that does not read
 * stops its producer.
 *
 * <p>A producer that has not registered its partition yet answers "not found"; the channel asks
 * again with a growing back-off until the partition request timeout, then fails. Failures (timeout,
 * lost connection, an error from the producer) are kept and thrown by the next {@link #pollBuffer},
 * with the producer's address, so the task fails rather than waits.
 *
 * <p>Threading model: {@link #requestSubpartition}, {@link #pollBuffer}, {@link #hasBuffers} and
 * {@link #release} run on the task thread; received buffers, "not found" answers, failures and
 * retries on the connection's event loop; recycling on whichever thread holds the buffer. The
 * channel's monitor guards its state.
 */
public final class RemoteInputChannel extends InputChannel {

    private static final long MAX_BACKOFF_MS = 100;

    private final ResultPartitionID partitionId;
    private final int subpartitionIndex;
    private final InetSocketAddress producerAddress;

    /** The producer's data address, host:port, for messages. */
    private final String producer;

    private final PartitionRequestClientFactory clients;
    private final NetworkBufferPool networkBufferPool;
    private final int exclusiveBuffers;
    private final long requestTimeoutMillis;
    private final BufferRecycler recycler = this::recycle;

    // Guarded by this.
    private final ArrayDeque<Buffer> received = new ArrayDeque<>();
    private final ArrayDeque<byte[]> free = new ArrayDeque<>();
    private LocalBufferPool segments;
    private PartitionRequestClient client;
    private int receiverId;
    private int unannouncedCredit;
    private long requestDeadlineNanos;
    private long backoffMillis;
    private int partitionRequests;
    private IOException failure;
    private boolean released;

    RemoteInputChannel(
            SingleInputGate gate,
            int channelIndex,
            ResultPartitionID partitionId,
            int subpartitionIndex,
            InetSocketAddress producerAddress,
            PartitionRequestClientFactory clients,
            NetworkBufferPool networkBufferPool,
            NettyShuffleConfig config) {
        super(gate, channelIndex);
        this.partitionId = partitionId;
        this.subpartitionIndex = subpartitionIndex;
        this.producerAddress = producerAddress;
        this.producer = PartitionRequestClientFactory.hostAndPort(producerAddress);
        this.clients = clients;
        this.networkBufferPool = networkBufferPool;
        this.exclusiveBuffers = config.buffersPerChannel();
        this.requestTimeoutMillis = config.partitionRequestTimeout().toMillis();
    }

    /**
     * Takes the exclusive segments, connects (or joins the connection) to the producer and sends
     * the request; does not wait for the answer. Throws if the segments or the connection cannot be
     * had.
     */
    @Override
    public void requestSubpartition() throws IOException, InterruptedException {
        synchronized (this) {
            if (released || segments != null) {
                return;
            }
            segments =
                    new LocalBufferPool(
                            networkBufferPool, exclusiveBuffers, exclusiveBuffers, describe());
            for (int i = 0; i < exclusiveBuffers; i++) {
                free.add(segments.requestSegment());
            }
        }
        PartitionRequestClient c = clients.clientFor(producerAddress);
        synchronized (this) {
            if (released) {
                return;
            }
            client = c;
            requestDeadlineNanos = System.nanoTime() + requestTimeoutMillis * 1_000_000;
            backoffMillis = 1;
            receiverId = c.register(this);
        }
        sendPartitionRequest();
    }

    private void sendPartitionRequest() {
        PartitionRequestClient c;
        int id;
        int credit;
        synchronized (this) {
            if (released || failure != null) {
                return;
            }
            partitionRequests++;
            c = client;
            id = receiverId;
            credit = free.size();
        }
        c.requestPartition(id, partitionId, subpartitionIndex, credit);
    }

    /** The producer has not registered the partition (yet): asks again after a back-off. */
    void onPartitionNotFound() {
        PartitionRequestClient c;
        long delay;
        synchronized (this) {
            if (released || failure != null) {
                return;
            }
            if (System.nanoTime() - requestDeadlineNanos > 0) {
                fail(
                        new IOException(
                                "The TaskManager at "
                                        + producer
                                        + " did not register "
                                        + describeSource()
                                        + " within "
                                        + requestTimeoutMillis
                                        + " ms ("
                                        + partitionRequests
                                        + " requests): the upstream task did not come up"));
                return;
            }
            c = client;
            delay = backoffMillis;
            backoffMillis = Math.min(MAX_BACKOFF_MS, backoffMillis * 2);
        }
        c.onEventLoop(this::sendPartitionRequest, delay);
    }

    /**
     * A free segment to receive the next buffer into, or null to skip the buffer: the channel is
     * released, or the producer sent without credit (a protocol violation, which fails the
     * channel).
     */
    byte[] segmentForIncomingBuffer() {
        synchronized (this) {
            if (released || failure != null) {
                return null;
            }
            byte[] segment = free.poll();
            if (segment == null) {
                fail(
                        new IOException(
                                "The TaskManager at "
                                        + producer
                                        + " sent a buffer of "
                                        + describeSource()
                                        + " without credit"));
            }
            return segment;
        }
    }

    /** A buffer of {@code size} bytes has been received into {@code segment}. */
    void onBuffer(byte[] segment, int size) {
        boolean wasEmpty;
        synchronized (this) {
            if (released) {
                segments.recycle(segment);
                return;
            }
            wasEmpty = received.isEmpty();
            received.add(new Buffer(segment, size, recycler));
        }
        if (wasEmpty) {
            notifyChannelNonEmpty();
        }
    }

    /** Gives back a segment taken for a buffer that did not arrive whole. */
    void returnSegment(byte[] segment) {
        synchronized (this) {
            if (!released) {
                free.add(segment);
                return;
            }
        }
        segments.recycle(segment);
    }

    /** The task is done with a buffer: its segment is free again, and a credit for the producer. */
    private void recycle(byte[] segment) {
        PartitionRequestClient c;
        int id;
        synchronized (this) {
            if (released) {
                segments.recycle(segment);
                return;
            }
            free.add(segment);
            if (unannouncedCredit++ > 0) {
                return;
            }
            c = client;
            id = receiverId;
        }
        c.announceCredit(this, id);
    }

    /** Called on the event loop to send the credit gathered since the last announcement. */
    synchronized int takeUnannouncedCredit() {
        int credit = released ? 0 : unannouncedCredit;
        unannouncedCredit = 0;
        return credit;
    }

    void onRemoteError(String message) {
        synchronized (this) {
            fail(
                    new IOException(
                            "The TaskManager at "
                                    + producer
                                    + " could not serve "
                                    + describeSource()
                                    + ": "
                                    + message));
        }
    }

    /**
     * The connection closed or broke: an {@link IOException} means the producer went away, anything
     * else that it sent what the protocol does not allow.
     */
    void onConnectionFailure(Throwable cause) {
        String what =
                cause instanceof IOException
                        ? "Lost the connection to the TaskManager at "
                                + producer
                                + ", which produces "
                                + describeSource()
                                + " (the TaskManager may have died): "
                        : "Dropped the connection to the TaskManager at "
                                + producer
                                + ", which produces "
                                + describeSource()
                                + ", after a malformed frame: ";
        synchronized (this) {
            fail(new IOException(what + cause.getMessage(), cause));
        }
    }

    /** Keeps the first failure and wakes the task, which finds it in {@link #pollBuffer}. */
    private void fail(IOException e) {
        if (released || failure != null) {
            return;
        }
        failure = e;
        // The gate's lock is never held while calling into a channel, so this cannot deadlock.
        notifyChannelNonEmpty();
    }

    @Override
    public Buffer pollBuffer() throws IOException {
        synchronized (this) {
            if (failure != null) {
                throw failure;
            }
            return received.poll();
        }
    }

    @Override
    public synchronized boolean hasBuffers() {
        return failure != null || !received.isEmpty();
    }

    /**
     * Cancels the request on the producer's side and returns every segment; segments the task still
     * holds go back when it recycles them.
     */
    @Override
    public void release() {
        List<byte[]> toReturn = new ArrayList<>();
        PartitionRequestClient c;
        int id;
        LocalBufferPool pool;
        synchronized (this) {
            if (released) {
                return;
            }
            released = true;
            for (Buffer b : received) {
                toReturn.add(b.memory());
            }
            received.clear();
            toReturn.addAll(free);
            free.clear();
            c = client;
            id = receiverId;
            pool = segments;
        }
        if (c != null) {
            c.cancel(id);
        }
        if (pool != null) {
            for (byte[] segment : toReturn) {
                pool.recycle(segment);
            }
            pool.destroy();
        }
    }

    /** How many times the partition was requested; more than one if the producer was late. */
    synchronized int partitionRequests() {
        return partitionRequests;
    }

    private String describeSource() {
        return "subpartition " + subpartitionIndex + " of partition " + partitionId;
    }

    private String describe() {
        return "input channel " + channelIndex + " of " + gate + " reading " + describeSource();
    }
}

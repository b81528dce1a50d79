package dev.brook.runtime.io.network.partition;

import dev.brook.runtime.io.network.buffer.Buffer;
import dev.brook.runtime.io.network.buffer.LocalBufferPool;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The output of one producer subtask for one consuming edge, split into one subpartition per
 * consumer channel. Serialized elements are appended, length-prefixed, into one open buffer per
 * subpartition; a buffer becomes visible to its consumer when it is full or flushed. A length
 * prefix never straddles two buffers; a payload may.
 *
 * <p>Threading model: every write method is called by the producing task thread only.
 */
public final class ResultPartition {

    private final ResultPartitionID id;
    private final PipelinedSubpartition[] subpartitions;
    private final LocalBufferPool bufferPool;
    private final ResultPartitionManager manager;
    private final byte[][] openSegments;
    private final int[] openPositions;
    private final int segmentSize;
    private final AtomicInteger unreleasedConsumers;
    private boolean hasUnflushedData;

    /** Guarded by {@code this}: the producer is done writing; every consumer released. */
    private boolean producerEnded;

    private boolean consumersReleased;

    public ResultPartition(
            ResultPartitionID id,
            int numSubpartitions,
            LocalBufferPool bufferPool,
            ResultPartitionManager manager) {
        this.id = id;
        this.subpartitions = new PipelinedSubpartition[numSubpartitions];
        for (int i = 0; i < numSubpartitions; i++) {
            subpartitions[i] = new PipelinedSubpartition();
        }
        this.bufferPool = bufferPool;
        this.manager = manager;
        this.openSegments = new byte[numSubpartitions][];
        this.openPositions = new int[numSubpartitions];
        this.segmentSize = bufferPool.getSegmentSize();
        this.unreleasedConsumers = new AtomicInteger(numSubpartitions);
    }

    public ResultPartitionID getId() {
        return id;
    }

    public int getNumberOfSubpartitions() {
        return subpartitions.length;
    }

    /** Appends one serialized element to subpartition {@code target}. */
    public void emit(byte[] data, int length, int target) throws InterruptedException {
        byte[] seg = openSegments[target];
        int pos = openPositions[target];
        if (seg == null || segmentSize - pos < 4) {
            if (seg != null) {
                finishBuffer(target, seg, pos);
            }
            seg = bufferPool.requestSegmentBlocking();
            pos = 0;
        }
        seg[pos] = (byte) (length >>> 24);
        seg[pos + 1] = (byte) (length >>> 16);
        seg[pos + 2] = (byte) (length >>> 8);
        seg[pos + 3] = (byte) length;
        pos += 4;
        int offset = 0;
        while (true) {
            int n = Math.min(length - offset, segmentSize - pos);
            System.arraycopy(data, offset, seg, pos, n);
            pos += n;
            offset += n;
            if (offset == length) {
                break;
            }
            finishBuffer(target, seg, pos);
            seg = bufferPool.requestSegmentBlocking();
            pos = 0;
        }
        openSegments[target] = seg;
        openPositions[target] = pos;
        hasUnflushedData = true;
    }

    /** Appends one serialized element to every subpartition. */
    public void broadcast(byte[] data, int length) throws InterruptedException {
        for (int i = 0; i < subpartitions.length; i++) {
            emit(data, length, i);
        }
    }

    private void finishBuffer(int target, byte[] seg, int size) {
        openSegments[target] = null;
        openPositions[target] = 0;
        subpartitions[target].add(new Buffer(seg, size, bufferPool));
    }

    /** Makes all partially filled buffers visible to consumers. */
    public void flushAll() {
        if (!hasUnflushedData) {
            return;
        }
        for (int i = 0; i < subpartitions.length; i++) {
            byte[] seg = openSegments[i];
            if (seg != null && openPositions[i] > 0) {
                finishBuffer(i, seg, openPositions[i]);
            }
        }
        hasUnflushedData = false;
    }

    public boolean hasUnflushedData() {
        return hasUnflushedData;
    }

    /** True if the next buffer request would not wait. */
    public boolean isAvailable() {
        return bufferPool.isAvailable();
    }

    public CompletableFuture<Void> getAvailableFuture() {
        return bufferPool.getAvailableFuture();
    }

    /** Opens subpartition {@code index} for its consumer. */
    ResultSubpartitionView createView(int index, BufferAvailabilityListener listener) {
        if (index < 0 || index >= subpartitions.length) {
            throw new IllegalArgumentException(
                    "Subpartition " + index + " of " + id + " does not exist");
        }
        ResultSubpartitionView view = new ResultSubpartitionView(this, subpartitions[index]);
        subpartitions[index].setListener(listener);
        return view;
    }

    void onConsumerReleased() {
        if (unreleasedConsumers.decrementAndGet() == 0) {
            manager.unregister(id);
        }
    }

    /**
     * Releases the partition without waiting for consumers, e.g. when the producer failed or was
     * cancelled. Open buffers return to the pool; queued ones are dropped.
     */
    public void release() {
        for (int i = 0; i < subpartitions.length; i++) {
            byte[] seg = openSegments[i];
            if (seg != null) {
                openSegments[i] = null;
                bufferPool.recycle(seg);
            }
            subpartitions[i].release();
        }
        manager.unregister(id);
        bufferPool.destroy();
    }

    /**
     * Called when every consumer has released its view. The buffers go back once the producer is
     * done too: consumers that gave up early (a failed consumer) leave a producer that still
     * writes, into released subpartitions, until it is cancelled, rather than failing it with a
     * released pool, which would race the consumer's own failure as the job's cause.
     */
    void onFullyConsumed() {
        synchronized (this) {
            consumersReleased = true;
            if (!producerEnded) {
                return;
            }
        }
        bufferPool.destroy();
    }

    /** The producer finished normally: nothing more is written. */
    public void onProducerFinished() {
        synchronized (this) {
            producerEnded = true;
            if (!consumersReleased) {
                return;
            }
        }
        bufferPool.destroy();
    }
}

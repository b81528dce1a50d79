package dev.brook.runtime.io.network.buffer;

import dev.brook.configuration.Configuration;
import dev.brook.configuration.TaskManagerOptions;
import dev.brook.runtime.util.config.memory.ProcessMemorySpec;
import java.util.ArrayDeque;

/**
 * The TaskManager-wide budget of network memory, in fixed-size segments. Result partitions draw
 * their buffers from it through a {@link LocalBufferPool}, which reserves its minimum up front so
 * that a running task can always make progress; anything above the minimum is taken only while
 * free.
 *
 * <p>Threading model: thread-safe; used by task threads and consumers recycling buffers.
 */
public final class NetworkBufferPool {

    private final int segmentSize;
    private final int totalSegments;
    private final ArrayDeque<byte[]> free = new ArrayDeque<>();
    private int reserved;
    private int extra;

    /**
     * A TaskManager's network memory, taken from the heap as {@link
     * ProcessMemorySpec#networkMemory} sizes it for the process's memory settings.
     */
    public static NetworkBufferPool fromConfiguration(Configuration conf) {
        int segmentSize = (int) conf.get(TaskManagerOptions.MEMORY_SEGMENT_SIZE).getBytes();
        long bytes = ProcessMemorySpec.networkMemory(conf, Runtime.getRuntime().maxMemory());
        return new NetworkBufferPool((int) Math.max(1, bytes / segmentSize), segmentSize);
    }

    public NetworkBufferPool(int totalSegments, int segmentSize) {
        if (totalSegments < 1 || segmentSize < 64) {
            throw new IllegalArgumentException(
                    "Network memory too small: "
                            + totalSegments
                            + " segments of "
                            + segmentSize
                            + " bytes");
        }
        this.totalSegments = totalSegments;
        this.segmentSize = segmentSize;
    }

    public int getSegmentSize() {
        return segmentSize;
    }

    public int getTotalSegments() {
        return totalSegments;
    }

    /** Reserves {@code count} segments for a local pool or fails naming the shortfall. */
    synchronized void reserve(int count, String owner) {
        if (reserved + count > totalSegments) {
            throw new InsufficientNetworkBuffersException(
                    "Not enough network buffers for "
                            + owner
                            + ": it needs "
                            + count
                            + " but only "
                            + (totalSegments - reserved)
                            + " of "
                            + totalSegments
                            + " are unreserved. Increase 'taskmanager.memory.network.max' (or"
                            + " 'taskmanager.memory.network.fraction') or lower the parallelism.");
        }
        reserved += count;
    }

    synchronized void unreserve(int count) {
        reserved -= count;
    }

    /** A reserved segment; the caller must hold a reservation for it. */
    synchronized byte[] takeReserved() {
        return takeSegment();
    }

    /** An unreserved segment if the budget has one to spare right now, else null. */
    synchronized byte[] tryTakeExtra() {
        if (reserved + extra >= totalSegments) {
            return null;
        }
        extra++;
        return takeSegment();
    }

    synchronized void returnExtra(byte[] segment) {
        extra--;
        returnSegment(segment);
    }

    synchronized void returnReserved(byte[] segment) {
        returnSegment(segment);
    }

    private byte[] takeSegment() {
        byte[] s = free.poll();
        if (s == null) {
            s = new byte[segmentSize];
        }
        return s;
    }

    private void returnSegment(byte[] segment) {
        free.add(segment);
    }

    /** Segments reserved by live partitions; zero once every partition is released. */
    public synchronized int getReservedSegments() {
        return reserved;
    }
}

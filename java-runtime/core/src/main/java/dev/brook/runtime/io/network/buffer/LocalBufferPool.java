package dev.brook.runtime.io.network.buffer;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * The buffers of one result partition: between {@code min} (reserved from the {@link
 * NetworkBufferPool} at creation) and {@code max}. When all are in flight the producing task has to
 * wait until a consumer recycles one: this is backpressure, and it bounds memory.
 *
 * <p>Threading model: requests come from the producing task thread; recycling from consumer
 * threads. The monitor guards all fields.
 */
public final class LocalBufferPool implements BufferRecycler {

    private final NetworkBufferPool global;
    private final int min;
    private final int max;
    private final ArrayDeque<byte[]> available = new ArrayDeque<>();
    private int reservedTaken;
    private int extraTaken;
    private boolean destroyed;
    private CompletableFuture<Void> availability;

    public LocalBufferPool(NetworkBufferPool global, int min, int max, String owner) {
        this.global = global;
        this.min = min;
        this.max = Math.max(min, max);
        global.reserve(min, owner);
    }

    public int getSegmentSize() {
        return global.getSegmentSize();
    }

    /** A free segment, or null if every buffer of this pool is in flight. */
    public synchronized byte[] requestSegment() {
        byte[] s = available.poll();
        if (s != null) {
            return s;
        }
        if (reservedTaken < min) {
            reservedTaken++;
            return global.takeReserved();
        }
        if (reservedTaken + extraTaken < max) {
            s = global.tryTakeExtra();
            if (s != null) {
                extraTaken++;
            }
        }
        return s;
    }

    /** Waits for a free segment. Interrupting the thread (task cancellation) ends the wait. */
    public synchronized byte[] requestSegmentBlocking() throws InterruptedException {
        while (true) {
            if (destroyed) {
                throw new IllegalStateException("Buffer pool was released");
            }
            byte[] s = requestSegment();
            if (s != null) {
                return s;
            }
            wait();
        }
    }

    /** True if {@link #requestSegment()} would succeed now. */
    public synchronized boolean isAvailable() {
        return !available.isEmpty() || reservedTaken < min;
    }

    /** Completes when a segment is free; already complete if one is. */
    public synchronized CompletableFuture<Void> getAvailableFuture() {
        if (isAvailable() || destroyed) {
            return CompletableFuture.completedFuture(null);
        }
        if (availability == null) {
            availability = new CompletableFuture<>();
        }
        return availability;
    }

    @Override
    public void recycle(byte[] segment) {
        CompletableFuture<Void> toComplete = null;
        synchronized (this) {
            if (destroyed) {
                giveBack(segment);
                return;
            }
            available.add(segment);
            notifyAll();
            if (availability != null) {
                toComplete = availability;
                availability = null;
            }
        }
        if (toComplete != null) {
            toComplete.complete(null);
        }
    }

    private void giveBack(byte[] segment) {
        if (extraTaken > 0) {
            extraTaken--;
            global.returnExtra(segment);
        } else {
            reservedTaken--;
            global.returnReserved(segment);
        }
    }

    /**
     * Returns free segments to the global pool and releases the reservation; segments still in
     * flight go back as they are recycled.
     */
    public void destroy() {
        CompletableFuture<Void> toComplete;
        synchronized (this) {
            if (destroyed) {
                return;
            }
            destroyed = true;
            byte[] s;
            while ((s = available.poll()) != null) {
                giveBack(s);
            }
            global.unreserve(min);
            notifyAll();
            toComplete = availability;
            availability = null;
        }
        if (toComplete != null) {
            toComplete.complete(null);
        }
    }
}

package dev.brook.runtime.io.network.partition;

import dev.brook.runtime.io.network.buffer.Buffer;
import java.util.ArrayDeque;

/**
 * A queue of finished buffers from one producer subtask to one consumer subtask. The consumer is
 * notified only when the queue goes from empty to non-empty, so a busy stream costs one
 * notification per burst rather than one per buffer.
 *
 * <p>Threading model: {@link #add} is called by the producer thread, {@link #poll} by the
 * consumer's thread (or a network thread); the monitor guards the queue.
 */
public final class PipelinedSubpartition {

    private final ArrayDeque<Buffer> queue = new ArrayDeque<>();
    private BufferAvailabilityListener listener;
    private boolean released;

    void add(Buffer buffer) {
        BufferAvailabilityListener toNotify;
        synchronized (this) {
            if (released) {
                buffer.recycle();
                return;
            }
            boolean wasEmpty = queue.isEmpty();
            queue.add(buffer);
            toNotify = wasEmpty ? listener : null;
        }
        if (toNotify != null) {
            toNotify.notifyDataAvailable();
        }
    }

    /** Registers the consumer; notifies it right away if buffers are already waiting. */
    void setListener(BufferAvailabilityListener listener) {
        boolean notify;
        synchronized (this) {
            if (this.listener != null) {
                throw new IllegalStateException("Subpartition already has a consumer");
            }
            this.listener = listener;
            notify = !queue.isEmpty();
        }
        if (notify) {
            listener.notifyDataAvailable();
        }
    }

    synchronized Buffer poll() {
        return queue.poll();
    }

    synchronized boolean hasBuffers() {
        return !queue.isEmpty();
    }

    synchronized int backlog() {
        return queue.size();
    }

    /** Drops queued buffers; later adds are recycled at once. */
    void release() {
        ArrayDeque<Buffer> dropped;
        synchronized (this) {
            released = true;
            dropped = new ArrayDeque<>(queue);
            queue.clear();
        }
        for (Buffer b : dropped) {
            b.recycle();
        }
    }
}

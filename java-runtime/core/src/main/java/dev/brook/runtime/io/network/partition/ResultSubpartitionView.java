package dev.brook.runtime.io.network.partition;

import dev.brook.runtime.io.network.buffer.Buffer;

/** A consumer's handle on one subpartition. */
public final class ResultSubpartitionView {

    private final ResultPartition partition;
    private final PipelinedSubpartition subpartition;
    private boolean released;

    ResultSubpartitionView(ResultPartition partition, PipelinedSubpartition subpartition) {
        this.partition = partition;
        this.subpartition = subpartition;
    }

    /** The next buffer, or null if none is queued. The caller recycles it. */
    public Buffer poll() {
        return subpartition.poll();
    }

    public boolean hasBuffers() {
        return subpartition.hasBuffers();
    }

    public int backlog() {
        return subpartition.backlog();
    }

    /** The consumer is done with this subpartition (read to the end, or gave up). */
    public void release() {
        synchronized (this) {
            if (released) {
                return;
            }
            released = true;
        }
        subpartition.release();
        partition.onConsumerReleased();
    }
}

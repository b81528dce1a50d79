package dev.brook.runtime.io.network.partition.consumer;

import dev.brook.runtime.io.network.buffer.Buffer;
import java.io.IOException;

/**
 * One channel of an input gate: the buffers of one producer subpartition. Implementations differ in
 * where the producer runs (same JVM, or across the network); the gate and the task do not care.
 *
 * <p>Threading model: {@link #pollBuffer} and {@link #hasBuffers} are called by the consuming task
 * thread; implementations notify the gate from other threads when data arrives.
 */
public abstract class InputChannel {

    protected final SingleInputGate gate;
    protected final int channelIndex;

    /** Whether the channel currently sits in the gate's queue; guarded by the gate's lock. */
    boolean queued;

    protected InputChannel(SingleInputGate gate, int channelIndex) {
        this.gate = gate;
        this.channelIndex = channelIndex;
    }

    public int getChannelIndex() {
        return channelIndex;
    }

    /** Connects to the producer; called once from the task thread before reading. */
    public abstract void requestSubpartition() throws IOException, InterruptedException;

    /** The next buffer or null. */
    public abstract Buffer pollBuffer() throws IOException;

    public abstract boolean hasBuffers();

    /** Stops consuming; releases the producer side. */
    public abstract void release();

    protected void notifyChannelNonEmpty() {
        gate.notifyChannelNonEmpty(this);
    }
}

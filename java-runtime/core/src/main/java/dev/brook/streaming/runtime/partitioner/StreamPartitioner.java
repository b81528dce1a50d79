package dev.brook.streaming.runtime.partitioner;

import dev.brook.streaming.runtime.streamrecord.StreamRecord;
import java.io.Serializable;

/**
 * Chooses the consumer channel of each record on an edge between two job vertices. Each producer
 * subtask works on its own deserialized copy, so implementations may keep state (a round-robin
 * position) without synchronization.
 */
public abstract class StreamPartitioner<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    protected int numberOfChannels;

    public void setup(int numberOfChannels) {
        this.numberOfChannels = numberOfChannels;
    }

    /** The channel for {@code record}; not called for broadcast partitioners. */
    public abstract int selectChannel(StreamRecord<T> record);

    public boolean isBroadcast() {
        return false;
    }

    /**
     * True if each producer talks only to a subset of consumers (forward, rescale) rather than to
     * all of them.
     */
    public boolean isPointwise() {
        return false;
    }

    /** The name shown in plans, e.g. {@code HASH} or {@code REBALANCE}. */
    @Override
    public abstract String toString();
}

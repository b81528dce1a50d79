package dev.brook.streaming.runtime.partitioner;

import dev.brook.streaming.runtime.streamrecord.StreamRecord;

/**
 * Round-robin over the consumers this producer is connected to pointwise: with 2 producers and 4
 * consumers each producer feeds two; with 4 producers and 2 consumers two producers share one.
 */
public final class RescalePartitioner<T> extends StreamPartitioner<T> {
    private static final long serialVersionUID = 1L;

    private int next;

    @Override
    public int selectChannel(StreamRecord<T> record) {
        int channel = next;
        next = channel + 1 == numberOfChannels ? 0 : channel + 1;
        return channel;
    }

    @Override
    public boolean isPointwise() {
        return true;
    }

    @Override
    public String toString() {
        return "RESCALE";
    }
}

package dev.brook.streaming.runtime.partitioner;

import dev.brook.streaming.runtime.streamrecord.StreamRecord;
import java.util.concurrent.ThreadLocalRandom;

/** Round-robin over all consumers, starting at a random one so producers do not align. */
public final class RebalancePartitioner<T> extends StreamPartitioner<T> {
    private static final long serialVersionUID = 1L;

    private int next = -1;

    @Override
    public int selectChannel(StreamRecord<T> record) {
        if (next < 0) {
            next = ThreadLocalRandom.current().nextInt(numberOfChannels);
        }
        int channel = next;
        next = channel + 1 == numberOfChannels ? 0 : channel + 1;
        return channel;
    }

    @Override
    public String toString() {
        return "REBALANCE";
    }
}

package dev.brook.streaming.runtime.partitioner;

import dev.brook.streaming.runtime.streamrecord.StreamRecord;
import java.util.SplittableRandom;

/** A uniformly random consumer per record. */
public final class ShufflePartitioner<T> extends StreamPartitioner<T> {
    private static final long serialVersionUID = 1L;

    private transient SplittableRandom random;

    @Override
    public int selectChannel(StreamRecord<T> record) {
        if (random == null) {
            random = new SplittableRandom();
        }
        return random.nextInt(numberOfChannels);
    }

    @Override
    public String toString() {
        return "SHUFFLE";
    }
}

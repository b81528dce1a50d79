package dev.brook.streaming.runtime.partitioner;

import dev.brook.streaming.runtime.streamrecord.StreamRecord;

/** Everything to the first consumer subtask. */
public final class GlobalPartitioner<T> extends StreamPartitioner<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public int selectChannel(StreamRecord<T> record) {
        return 0;
    }

    @Override
    public String toString() {
        return "GLOBAL";
    }
}

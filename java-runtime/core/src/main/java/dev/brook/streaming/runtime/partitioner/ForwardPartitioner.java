package dev.brook.streaming.runtime.partitioner;

import dev.brook.streaming.runtime.streamrecord.StreamRecord;

/** Each producer subtask sends to the consumer subtask with the same index. */
public final class ForwardPartitioner<T> extends StreamPartitioner<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public int selectChannel(StreamRecord<T> record) {
        return 0;
    }

    @Override
    public boolean isPointwise() {
        return true;
    }

    @Override
    public String toString() {
        return "FORWARD";
    }
}

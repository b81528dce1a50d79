package dev.brook.streaming.runtime.partitioner;

import dev.brook.streaming.runtime.streamrecord.StreamRecord;

/** Every record to every consumer. */
public final class BroadcastPartitioner<T> extends StreamPartitioner<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public int selectChannel(StreamRecord<T> record) {
        throw new UnsupportedOperationException("Broadcast sends to all channels");
    }

    @Override
    public boolean isBroadcast() {
        return true;
    }

    @Override
    public String toString() {
        return "BROADCAST";
    }
}

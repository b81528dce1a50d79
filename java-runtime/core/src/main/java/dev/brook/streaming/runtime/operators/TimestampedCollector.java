package dev.brook.streaming.runtime.operators;

import dev.brook.streaming.runtime.streamrecord.StreamRecord;
import dev.brook.util.Collector;

/**
 * The {@link Collector} handed to user functions: emits each value with the timestamp of the record
 * being processed, reusing one wrapper.
 */
public final class TimestampedCollector<T> implements Collector<T> {

    private final Output<T> output;
    private final StreamRecord<T> reuse = new StreamRecord<>(null);

    public TimestampedCollector(Output<T> output) {
        this.output = output;
    }

    public void setTimestamp(StreamRecord<?> from) {
        reuse.copyTimestampFrom(from);
    }

    public void setAbsoluteTimestamp(long timestamp) {
        reuse.setTimestamp(timestamp);
    }

    public void eraseTimestamp() {
        reuse.eraseTimestamp();
    }

    @Override
    public void collect(T record) {
        output.collect(reuse.replace(record));
    }

    @Override
    public void close() {}
}

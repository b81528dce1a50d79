package dev.brook.streaming.runtime.streamrecord;

/**
 * A record with an optional event-time timestamp. Mutable so that the per-record path can reuse one
 * wrapper per input instead of allocating; operators must not keep references to it.
 */
public final class StreamRecord<T> implements StreamElement {

    private T value;
    private long timestamp;
    private boolean hasTimestamp;

    public StreamRecord(T value) {
        this.value = value;
    }

    public StreamRecord(T value, long timestamp) {
        this.value = value;
        this.timestamp = timestamp;
        this.hasTimestamp = true;
    }

    public T getValue() {
        return value;
    }

    public long getTimestamp() {
        return hasTimestamp ? timestamp : Long.MIN_VALUE;
    }

    public boolean hasTimestamp() {
        return hasTimestamp;
    }

    /** Points this wrapper at a new value, keeping the timestamp. */
    @SuppressWarnings("unchecked")
    public <X> StreamRecord<X> replace(X newValue) {
        this.value = (T) newValue;
        return (StreamRecord<X>) this;
    }

    /** Points this wrapper at a new value and timestamp. */
    @SuppressWarnings("unchecked")
    public <X> StreamRecord<X> replace(X newValue, long newTimestamp) {
        this.value = (T) newValue;
        this.timestamp = newTimestamp;
        this.hasTimestamp = true;
        return (StreamRecord<X>) this;
    }

    public void setTimestamp(long timestamp) {
        this.timestamp = timestamp;
        this.hasTimestamp = true;
    }

    public void eraseTimestamp() {
        this.hasTimestamp = false;
    }

    /** Copies the timestamp (or its absence) of {@code other}. */
    public void copyTimestampFrom(StreamRecord<?> other) {
        this.timestamp = other.timestamp;
        this.hasTimestamp = other.hasTimestamp;
    }

    @Override
    public String toString() {
        return "Record @ " + (hasTimestamp ? timestamp : "(undef)") + " : " + value;
    }
}

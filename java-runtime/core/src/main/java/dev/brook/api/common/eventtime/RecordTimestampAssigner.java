package dev.brook.api.common.eventtime;

/** Keeps the timestamp the source attached to the record. */
public final class RecordTimestampAssigner<E> implements TimestampAssigner<E> {
    @Override
    public long extractTimestamp(E element, long recordTimestamp) {
        return recordTimestamp;
    }
}

package dev.brook.api.connector.source;

import dev.brook.api.common.eventtime.WatermarkOutput;

/** Where a source reader emits records (and, for custom strategies, watermarks). */
public interface SourceOutput<T> extends WatermarkOutput {
    void collect(T record);

    /** Emits a record with a timestamp the source knows (e.g. a Kafka record's time). */
    void collect(T record, long timestamp);
}

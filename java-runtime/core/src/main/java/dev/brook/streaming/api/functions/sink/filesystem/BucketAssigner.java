package dev.brook.streaming.api.functions.sink.filesystem;

import java.io.Serializable;

/** Chooses the bucket (sub-directory of the base path) each record is written to. */
public interface BucketAssigner<IN, BucketID> extends Serializable {

    BucketID getBucketId(IN element, Context context);

    /** Facts about the record being written. */
    interface Context {
        long currentProcessingTime();

        long currentWatermark();

        /** The record's timestamp, or null if it has none. */
        Long timestamp();
    }
}

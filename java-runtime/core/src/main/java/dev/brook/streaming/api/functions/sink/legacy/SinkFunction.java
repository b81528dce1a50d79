package dev.brook.streaming.api.functions.sink.legacy;

import dev.brook.api.common.functions.Function;

/**
 * The classic sink interface used with {@code DataStream#addSink}: called once per record. New
 * sinks should implement {@link dev.brook.api.connector.sink2.Sink} instead.
 */
public interface SinkFunction<IN> extends Function {

    default void invoke(IN value, Context context) throws Exception {
        invoke(value);
    }

    default void invoke(IN value) throws Exception {}

    /**
     * The input has ended: write out what is buffered. Not called when the job fails or is
     * cancelled.
     */
    default void finish() throws Exception {}

    /** Facts about the record being written. */
    interface Context {
        long currentProcessingTime();

        long currentWatermark();

        /** The record's timestamp, or null if it has none. */
        Long timestamp();
    }
}

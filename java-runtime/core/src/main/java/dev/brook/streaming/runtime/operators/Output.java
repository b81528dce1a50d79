package dev.brook.streaming.runtime.operators;

import dev.brook.streaming.runtime.streamrecord.StreamRecord;
import dev.brook.streaming.runtime.streamrecord.Watermark;
import dev.brook.streaming.runtime.streamrecord.WatermarkStatus;
import dev.brook.util.OutputTag;

/**
 * Where an operator emits: directly into the next chained operator, into a network partition, or
 * both. Records passed in may be reused by the caller after the call returns.
 *
 * <p>Threading model: called from the task thread only.
 */
public interface Output<OUT> {

    void collect(StreamRecord<OUT> record);

    /** Emits to a side output; outputs not subscribed to {@code tag} ignore the record. */
    <X> void collect(OutputTag<X> tag, StreamRecord<X> record);

    void emitWatermark(Watermark mark);

    void emitWatermarkStatus(WatermarkStatus status);
}

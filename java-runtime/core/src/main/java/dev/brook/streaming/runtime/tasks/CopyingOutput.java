package dev.brook.streaming.runtime.tasks;

import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.streaming.runtime.operators.Output;
import dev.brook.streaming.runtime.streamrecord.StreamRecord;
import dev.brook.streaming.runtime.streamrecord.Watermark;
import dev.brook.streaming.runtime.streamrecord.WatermarkStatus;
import dev.brook.util.OutputTag;

/**
 * Gives a chained consumer its own copy of each record it subscribes to (main output, or the side
 * output {@code tag}). Used when one operator feeds several chained consumers, so that one consumer
 * changing a record cannot affect another.
 */
final class CopyingOutput<T> implements Output<T> {

    private final Output<Object> target;
    private final TypeSerializer<Object> serializer;
    private final OutputTag<?> tag;
    private final StreamRecord<Object> copy = new StreamRecord<>(null);

    @SuppressWarnings("unchecked")
    CopyingOutput(Output<?> target, TypeSerializer<?> serializer, OutputTag<?> tag) {
        this.target = (Output<Object>) target;
        this.serializer = (TypeSerializer<Object>) serializer;
        this.tag = tag;
    }

    @Override
    public void collect(StreamRecord<T> record) {
        if (tag == null) {
            copy.copyTimestampFrom(record);
            target.collect(copy.replace(serializer.copy(record.getValue())));
        }
    }

    @Override
    public <X> void collect(OutputTag<X> outputTag, StreamRecord<X> record) {
        if (tag != null && tag.equals(outputTag)) {
            copy.copyTimestampFrom(record);
            @SuppressWarnings("unchecked")
            OutputTag<Object> t = (OutputTag<Object>) outputTag;
            target.collect(t, copy.replace(serializer.copy(record.getValue())));
        }
    }

    @Override
    public void emitWatermark(Watermark mark) {
        target.emitWatermark(mark);
    }

    @Override
    public void emitWatermarkStatus(WatermarkStatus status) {
        target.emitWatermarkStatus(status);
    }
}

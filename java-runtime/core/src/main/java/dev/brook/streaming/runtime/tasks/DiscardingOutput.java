package dev.brook.streaming.runtime.tasks;

import dev.brook.streaming.runtime.operators.Output;
import dev.brook.streaming.runtime.streamrecord.StreamRecord;
import dev.brook.streaming.runtime.streamrecord.Watermark;
import dev.brook.streaming.runtime.streamrecord.WatermarkStatus;
import dev.brook.util.OutputTag;

/** The output of an operator nothing consumes (a sink, or an unused side output). */
final class DiscardingOutput<T> implements Output<T> {
    @Override
    public void collect(StreamRecord<T> record) {}

    @Override
    public <X> void collect(OutputTag<X> tag, StreamRecord<X> record) {}

    @Override
    public void emitWatermark(Watermark mark) {}

    @Override
    public void emitWatermarkStatus(WatermarkStatus status) {}
}

package dev.brook.streaming.runtime.tasks;

import dev.brook.streaming.runtime.operators.Output;
import dev.brook.streaming.runtime.streamrecord.StreamRecord;
import dev.brook.streaming.runtime.streamrecord.Watermark;
import dev.brook.streaming.runtime.streamrecord.WatermarkStatus;
import dev.brook.util.OutputTag;

/** Sends everything to several outputs (main and side outputs, chained and network). */
final class BroadcastingOutput<T> implements Output<T> {

    private final Output<T>[] outputs;

    BroadcastingOutput(Output<T>[] outputs) {
        this.outputs = outputs;
    }

    @Override
    public void collect(StreamRecord<T> record) {
        for (Output<T> o : outputs) {
            o.collect(record);
        }
    }

    @Override
    public <X> void collect(OutputTag<X> tag, StreamRecord<X> record) {
        for (Output<T> o : outputs) {
            o.collect(tag, record);
        }
    }

    @Override
    public void emitWatermark(Watermark mark) {
        for (Output<T> o : outputs) {
            o.emitWatermark(mark);
        }
    }

    @Override
    public void emitWatermarkStatus(WatermarkStatus status) {
        for (Output<T> o : outputs) {
            o.emitWatermarkStatus(status);
        }
    }
}

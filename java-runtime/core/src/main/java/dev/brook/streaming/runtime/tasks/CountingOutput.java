package dev.brook.streaming.runtime.tasks;

import dev.brook.metrics.Counter;
import dev.brook.streaming.runtime.operators.Output;
import dev.brook.streaming.runtime.streamrecord.StreamRecord;
import dev.brook.streaming.runtime.streamrecord.Watermark;
import dev.brook.streaming.runtime.streamrecord.WatermarkStatus;
import dev.brook.util.OutputTag;

/** Counts an operator's emitted records (main and side outputs) into its {@code numRecordsOut}. */
final class CountingOutput<T> implements Output<T> {

    private final Output<T> output;
    private final Counter numRecordsOut;

    CountingOutput(Output<T> output, Counter numRecordsOut) {
        this.output = output;
        this.numRecordsOut = numRecordsOut;
    }

    @Override
    public void collect(StreamRecord<T> record) {
        numRecordsOut.inc();
        output.collect(record);
    }

    @Override
    public <X> void collect(OutputTag<X> outputTag, StreamRecord<X> record) {
        numRecordsOut.inc();
        output.collect(outputTag, record);
    }

    @Override
    public void emitWatermark(Watermark mark) {
        output.emitWatermark(mark);
    }

    @Override
    public void emitWatermarkStatus(WatermarkStatus status) {
        output.emitWatermarkStatus(status);
    }
}

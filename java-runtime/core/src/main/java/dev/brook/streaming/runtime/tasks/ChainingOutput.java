package dev.brook.streaming.runtime.tasks;

import dev.brook.metrics.Counter;
import dev.brook.streaming.runtime.operators.Input;
import dev.brook.streaming.runtime.operators.Output;
import dev.brook.streaming.runtime.streamrecord.StreamRecord;
import dev.brook.streaming.runtime.streamrecord.Watermark;
import dev.brook.streaming.runtime.streamrecord.WatermarkStatus;
import dev.brook.util.OutputTag;

/**
 * Hands records straight to the next operator of the chain: a method call, no serialization. When
 * {@code tag} is set this output carries only that side output. Records handed over count into the
 * next operator's {@code numRecordsIn}.
 */
final class ChainingOutput<T> implements Output<T> {

    private final Input<T> next;
    private final OutputTag<?> tag;
    private final boolean keyed;
    private final Counter numRecordsIn;

    ChainingOutput(Input<T> next, OutputTag<?> tag, Counter numRecordsIn) {
        this.numRecordsIn = numRecordsIn;
        this.next = next;
        this.tag = tag;
        this.keyed = next.isKeyed();
    }

    @Override
    public void collect(StreamRecord<T> record) {
        if (tag == null) {
            push(record);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <X> void collect(OutputTag<X> outputTag, StreamRecord<X> record) {
        if (tag != null && tag.equals(outputTag)) {
            push((StreamRecord<T>) record);
        }
    }

    private void push(StreamRecord<T> record) {
        numRecordsIn.inc();
        try {
            if (keyed) {
                next.setKeyContextElement(record);
            }
            next.processElement(record);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ChainedOperatorException(e);
        }
    }

    @Override
    public void emitWatermark(Watermark mark) {
        try {
            next.processWatermark(mark);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ChainedOperatorException(e);
        }
    }

    @Override
    public void emitWatermarkStatus(WatermarkStatus status) {
        try {
            next.processWatermarkStatus(status);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ChainedOperatorException(e);
        }
    }
}

package dev.brook.streaming.runtime.operators;

import dev.brook.streaming.api.functions.sink.legacy.SinkFunction;
import dev.brook.streaming.runtime.streamrecord.StreamRecord;
import dev.brook.streaming.runtime.streamrecord.Watermark;

/** Runs a {@link SinkFunction} given to {@code DataStream#addSink}. */
public final class LegacySinkOperator<IN> extends AbstractUdfOperator<IN, Void, SinkFunction<IN>> {

    private final ContextImpl context = new ContextImpl();

    public LegacySinkOperator(OperatorParameters<Void> parameters, SinkFunction<IN> function) {
        super(parameters, function);
    }

    @Override
    public void processElement(StreamRecord<IN> element) throws Exception {
        context.current = element;
        userFunction.invoke(element.getValue(), context);
    }

    @Override
    public void finish() throws Exception {
        userFunction.finish();
    }

    @Override
    public void processWatermark(Watermark mark) {
        currentWatermark = mark.timestamp();
    }

    private final class ContextImpl implements SinkFunction.Context {
        StreamRecord<?> current;

        @Override
        public long currentProcessingTime() {
            return parameters.processingTimeService().getCurrentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return currentWatermark;
        }

        @Override
        public Long timestamp() {
            return current != null && current.hasTimestamp() ? current.getTimestamp() : null;
        }
    }
}

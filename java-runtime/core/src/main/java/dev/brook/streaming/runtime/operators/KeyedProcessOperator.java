package dev.brook.streaming.runtime.operators;

import dev.brook.streaming.api.TimerService;
import dev.brook.streaming.api.functions.KeyedProcessFunction;
import dev.brook.streaming.runtime.streamrecord.StreamRecord;
import dev.brook.util.OutputTag;

/** Runs a {@link KeyedProcessFunction} on a keyed stream. */
public final class KeyedProcessOperator<K, IN, OUT>
        extends AbstractUdfOperator<IN, OUT, KeyedProcessFunction<K, IN, OUT>> {

    private final TimestampedCollector<OUT> collector;
    private final ContextImpl context;
    private StreamRecord<IN> current;

    public KeyedProcessOperator(
            OperatorParameters<OUT> parameters, KeyedProcessFunction<K, IN, OUT> function) {
        super(parameters, function);
        this.collector = new TimestampedCollector<>(output);
        this.context =
                new ContextImpl(
                        function,
                        new NonKeyedTimerService(parameters.processingTimeService(), this));
    }

    @Override
    public void processElement(StreamRecord<IN> element) throws Exception {
        current = element;
        collector.setTimestamp(element);
        userFunction.processElement(element.getValue(), context, collector);
        current = null;
    }

    private final class ContextImpl extends KeyedProcessFunction<K, IN, OUT>.Context {
        private final TimerService timerService;

        ContextImpl(KeyedProcessFunction<K, IN, OUT> function, TimerService timerService) {
            function.super();
            this.timerService = timerService;
        }

        @Override
        public Long timestamp() {
            return current != null && current.hasTimestamp() ? current.getTimestamp() : null;
        }

        @Override
        public TimerService timerService() {
            return timerService;
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            if (outputTag == null) {
                throw new IllegalArgumentException("OutputTag must not be null");
            }
            StreamRecord<X> record = new StreamRecord<>(value);
            if (current != null) {
                record.copyTimestampFrom(current);
            }
            output.collect(outputTag, record);
        }

        @Override
        @SuppressWarnings("unchecked")
        public K getCurrentKey() {
            return (K) KeyedProcessOperator.this.getCurrentKey();
        }
    }
}

package dev.brook.streaming.runtime.operators;

import dev.brook.streaming.api.TimeDomain;
import dev.brook.streaming.api.TimerService;
import dev.brook.streaming.api.functions.KeyedProcessFunction;
import dev.brook.streaming.runtime.streamrecord.StreamRecord;
import dev.brook.util.OutputTag;

/**
 * Runs a {@link KeyedProcessFunction}: records and timers for the current key. Output of an
 * event-time timer carries the timer's time as timestamp; output of a processing-time timer none.
 */
public final class KeyedProcessOperator<K, IN, OUT>
        extends AbstractUdfOperator<IN, OUT, KeyedProcessFunction<K, IN, OUT>> {

    private final TimestampedCollector<OUT> collector;
    private final ProcessFunctionTimers<K> timers;
    private final ContextImpl context;
    private final OnTimerContextImpl onTimerContext;
    private StreamRecord<IN> current;

    public KeyedProcessOperator(
            OperatorParameters<OUT> parameters, KeyedProcessFunction<K, IN, OUT> function) {
        super(parameters, function);
        this.collector = new TimestampedCollector<>(output);
        this.context = new ContextImpl(function);
        this.onTimerContext = new OnTimerContextImpl(function);
        this.timers =
                new ProcessFunctionTimers<>(
                        this,
                        collector,
                        timestamp -> userFunction.onTimer(timestamp, onTimerContext, collector));
    }

    @Override
    public void processElement(StreamRecord<IN> element) throws Exception {
        current = element;
        collector.setTimestamp(element);
        userFunction.processElement(element.getValue(), context, collector);
        current = null;
    }

    private final class ContextImpl extends KeyedProcessFunction<K, IN, OUT>.Context {
        ContextImpl(KeyedProcessFunction<K, IN, OUT> function) {
            function.super();
        }

        @Override
        public Long timestamp() {
            return current != null && current.hasTimestamp() ? current.getTimestamp() : null;
        }

        @Override
        public TimerService timerService() {
            return timers;
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            emitSideOutput(outputTag, value, timestamp());
        }

        @Override
        @SuppressWarnings("unchecked")
        public K getCurrentKey() {
            return (K) KeyedProcessOperator.this.getCurrentKey();
        }
    }

    private final class OnTimerContextImpl extends KeyedProcessFunction<K, IN, OUT>.OnTimerContext {
        OnTimerContextImpl(KeyedProcessFunction<K, IN, OUT> function) {
            function.super();
        }

        @Override
        public Long timestamp() {
            return timers.firingTimestamp();
        }

        @Override
        public TimerService timerService() {
            return timers;
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            emitSideOutput(outputTag, value, timestamp());
        }

        @Override
        public TimeDomain timeDomain() {
            return timers.firingDomain();
        }

        @Override
        public K getCurrentKey() {
            return timers.firingKey();
        }
    }
}

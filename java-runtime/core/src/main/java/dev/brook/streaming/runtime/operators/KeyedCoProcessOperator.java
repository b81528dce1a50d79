package dev.brook.streaming.runtime.operators;

import dev.brook.streaming.api.TimeDomain;
import dev.brook.streaming.api.TimerService;
import dev.brook.streaming.api.functions.co.KeyedCoProcessFunction;
import dev.brook.streaming.runtime.streamrecord.StreamRecord;
import dev.brook.util.OutputTag;

/** Runs a {@link KeyedCoProcessFunction} on two connected keyed streams, with timers. */
public final class KeyedCoProcessOperator<K, IN1, IN2, OUT>
        extends AbstractCoProcessOperator<IN1, IN2, OUT, KeyedCoProcessFunction<K, IN1, IN2, OUT>> {

    private final ContextImpl context;
    private final OnTimerContextImpl onTimerContext;
    private final ProcessFunctionTimers<K> timers;

    public KeyedCoProcessOperator(
            OperatorParameters<OUT> parameters, KeyedCoProcessFunction<K, IN1, IN2, OUT> function) {
        super(parameters, function);
        this.context = new ContextImpl(function);
        this.onTimerContext = new OnTimerContextImpl(function);
        this.timers =
                new ProcessFunctionTimers<>(
                        this,
                        collector,
                        timestamp -> userFunction.onTimer(timestamp, onTimerContext, collector));
    }

    @Override
    protected void processElement1(StreamRecord<IN1> element) throws Exception {
        startElement(element);
        userFunction.processElement1(element.getValue(), context, collector);
        endElement();
    }

    @Override
    protected void processElement2(StreamRecord<IN2> element) throws Exception {
        startElement(element);
        userFunction.processElement2(element.getValue(), context, collector);
        endElement();
    }

    private final class ContextImpl extends KeyedCoProcessFunction<K, IN1, IN2, OUT>.Context {
        ContextImpl(KeyedCoProcessFunction<K, IN1, IN2, OUT> function) {
            function.super();
        }

        @Override
        public Long timestamp() {
            return elementTimestamp();
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
            return (K) KeyedCoProcessOperator.this.getCurrentKey();
        }
    }

    private final class OnTimerContextImpl
            extends KeyedCoProcessFunction<K, IN1, IN2, OUT>.OnTimerContext {
        OnTimerContextImpl(KeyedCoProcessFunction<K, IN1, IN2, OUT> function) {
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

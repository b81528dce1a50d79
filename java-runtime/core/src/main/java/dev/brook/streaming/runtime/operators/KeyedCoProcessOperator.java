package dev.brook.streaming.runtime.operators;

import dev.brook.streaming.api.TimeDomain;
import dev.brook.streaming.api.TimerService;
import dev.brook.streaming.api.functions.co.KeyedCoProcessFunction;
import dev.brook.streaming.runtime.streamrecord.StreamRecord;
import dev.brook.util.OutputTag;

/** Runs a {@link KeyedCoProcessFunction} on two connected keyed streams, with timers. */
public final class KeyedCoProcessOperator<K, IN1, IN2, OUT>
        extends AbstractKeyedCoProcessOperator<
                K, IN1, IN2, OUT, KeyedCoProcessFunction<K, IN1, IN2, OUT>> {

    private final ContextImpl context;
    private final OnTimerContextImpl onTimerContext;

    public KeyedCoProcessOperator(
            OperatorParameters<OUT> parameters, KeyedCoProcessFunction<K, IN1, IN2, OUT> function) {
        super(parameters, function);
        this.context = new ContextImpl(function);
        this.onTimerContext = new OnTimerContextImpl(function);
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

    @Override
    protected void onTimer(long timestamp) throws Exception {
        userFunction.onTimer(timestamp, onTimerContext, collector);
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
            return timerService;
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            emitSideOutput(outputTag, value, timestamp());
        }

        @Override
        public K getCurrentKey() {
            return currentKey();
        }
    }

    private final class OnTimerContextImpl
            extends KeyedCoProcessFunction<K, IN1, IN2, OUT>.OnTimerContext {
        OnTimerContextImpl(KeyedCoProcessFunction<K, IN1, IN2, OUT> function) {
            function.super();
        }

        @Override
        public Long timestamp() {
            return timerTimestamp();
        }

        @Override
        public TimerService timerService() {
            return timerService;
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            emitSideOutput(outputTag, value, timestamp());
        }

        @Override
        public TimeDomain timeDomain() {
            return timerDomain();
        }

        @Override
        public K getCurrentKey() {
            return timerKey();
        }
    }
}

package dev.brook.streaming.runtime.operators;

import dev.brook.runtime.state.VoidNamespace;
import dev.brook.streaming.api.TimeDomain;
import dev.brook.streaming.api.TimerService;
import dev.brook.streaming.api.functions.co.KeyedCoProcessFunction;
import dev.brook.streaming.runtime.operators.timers.InternalTimer;
import dev.brook.streaming.runtime.operators.timers.KeyedTimerService;
import dev.brook.streaming.runtime.operators.timers.Triggerable;
import dev.brook.streaming.runtime.streamrecord.StreamRecord;
import dev.brook.util.OutputTag;

/** Runs a {@link KeyedCoProcessFunction} on two connected keyed streams, with timers. */
public final class KeyedCoProcessOperator<K, IN1, IN2, OUT>
        extends AbstractTwoInputOperator<IN1, IN2, OUT> implements Triggerable<K, VoidNamespace> {

    private final KeyedCoProcessFunction<K, IN1, IN2, OUT> function;
    private final TimestampedCollector<OUT> collector;
    private final TimerService timerService;
    private final ContextImpl context;
    private final OnTimerContextImpl onTimerContext;
    private StreamRecord<?> current;

    public KeyedCoProcessOperator(
            OperatorParameters<OUT> parameters, KeyedCoProcessFunction<K, IN1, IN2, OUT> function) {
        super(parameters);
        this.function = function;
        this.collector = new TimestampedCollector<>(output);
        this.timerService = new KeyedTimerService(getInternalTimerService("user-timers", this));
        this.context = new ContextImpl(function);
        this.onTimerContext = new OnTimerContextImpl(function);
    }

    @Override
    public void open() throws Exception {
        openUserFunction(function);
    }

    @Override
    public void close() throws Exception {
        closeTimerServices();
        FunctionLifecycle.close(function);
    }

    @Override
    protected void processElement1(StreamRecord<IN1> element) throws Exception {
        current = element;
        collector.setTimestamp(element);
        function.processElement1(element.getValue(), context, collector);
        current = null;
    }

    @Override
    protected void processElement2(StreamRecord<IN2> element) throws Exception {
        current = element;
        collector.setTimestamp(element);
        function.processElement2(element.getValue(), context, collector);
        current = null;
    }

    @Override
    public void onEventTime(InternalTimer<K, VoidNamespace> timer) throws Exception {
        collector.setAbsoluteTimestamp(timer.timestamp());
        fire(timer, TimeDomain.EVENT_TIME);
    }

    @Override
    public void onProcessingTime(InternalTimer<K, VoidNamespace> timer) throws Exception {
        collector.eraseTimestamp();
        fire(timer, TimeDomain.PROCESSING_TIME);
    }

    private void fire(InternalTimer<K, VoidNamespace> timer, TimeDomain domain) throws Exception {
        onTimerContext.timer = timer;
        onTimerContext.domain = domain;
        function.onTimer(timer.timestamp(), onTimerContext, collector);
        onTimerContext.timer = null;
    }

    private final class ContextImpl extends KeyedCoProcessFunction<K, IN1, IN2, OUT>.Context {
        ContextImpl(KeyedCoProcessFunction<K, IN1, IN2, OUT> function) {
            function.super();
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
        InternalTimer<K, VoidNamespace> timer;
        TimeDomain domain;

        OnTimerContextImpl(KeyedCoProcessFunction<K, IN1, IN2, OUT> function) {
            function.super();
        }

        @Override
        public Long timestamp() {
            return domain == TimeDomain.EVENT_TIME ? timer.timestamp() : null;
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
            return domain;
        }

        @Override
        public K getCurrentKey() {
            return timer.key();
        }
    }
}

package dev.brook.streaming.runtime.operators;

import dev.brook.runtime.state.VoidNamespace;
import dev.brook.streaming.api.TimeDomain;
import dev.brook.streaming.api.TimerService;
import dev.brook.streaming.api.functions.KeyedProcessFunction;
import dev.brook.streaming.runtime.operators.timers.InternalTimer;
import dev.brook.streaming.runtime.operators.timers.KeyedTimerService;
import dev.brook.streaming.runtime.operators.timers.Triggerable;
import dev.brook.streaming.runtime.streamrecord.StreamRecord;
import dev.brook.util.OutputTag;

/**
 * Runs a {@link KeyedProcessFunction}: records and timers for the current key. Output of an
 * event-time timer carries the timer's time as timestamp; output of a processing-time timer none.
 */
public final class KeyedProcessOperator<K, IN, OUT>
        extends AbstractUdfOperator<IN, OUT, KeyedProcessFunction<K, IN, OUT>>
        implements Triggerable<K, VoidNamespace> {

    private final TimestampedCollector<OUT> collector;
    private final TimerService timerService;
    private final ContextImpl context;
    private final OnTimerContextImpl onTimerContext;
    private StreamRecord<IN> current;

    public KeyedProcessOperator(
            OperatorParameters<OUT> parameters, KeyedProcessFunction<K, IN, OUT> function) {
        super(parameters, function);
        this.collector = new TimestampedCollector<>(output);
        this.timerService = new KeyedTimerService(getInternalTimerService("user-timers", this));
        this.context = new ContextImpl(function);
        this.onTimerContext = new OnTimerContextImpl(function);
    }

    @Override
    public void processElement(StreamRecord<IN> element) throws Exception {
        current = element;
        collector.setTimestamp(element);
        userFunction.processElement(element.getValue(), context, collector);
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
        userFunction.onTimer(timer.timestamp(), onTimerContext, collector);
        onTimerContext.timer = null;
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
            return timerService;
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
        InternalTimer<K, VoidNamespace> timer;
        TimeDomain domain;

        OnTimerContextImpl(KeyedProcessFunction<K, IN, OUT> function) {
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

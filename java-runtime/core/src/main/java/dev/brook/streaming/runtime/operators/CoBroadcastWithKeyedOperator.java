package dev.brook.streaming.runtime.operators;

import dev.brook.api.common.state.BroadcastState;
import dev.brook.api.common.state.MapStateDescriptor;
import dev.brook.api.common.state.ReadOnlyBroadcastState;
import dev.brook.api.common.state.State;
import dev.brook.api.common.state.StateDescriptor;
import dev.brook.runtime.state.KeyedStateBackend;
import dev.brook.runtime.state.KeyedStateFunction;
import dev.brook.runtime.state.VoidNamespace;
import dev.brook.streaming.api.TimeDomain;
import dev.brook.streaming.api.TimerService;
import dev.brook.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import dev.brook.streaming.runtime.streamrecord.StreamRecord;
import dev.brook.util.OutputTag;
import java.util.List;
import java.util.Objects;

/**
 * Runs a {@link KeyedBroadcastProcessFunction}: input 1 is the keyed stream (keyed state and timers
 * for the current key), input 2 the broadcast stream, whose elements reach every parallel instance
 * and are processed for no key (they reach keyed state through {@code applyToKeyedState}). Output
 * of an event-time timer carries the timer's time as timestamp; output of a processing-time timer
 * none.
 */
public final class CoBroadcastWithKeyedOperator<KS, IN1, IN2, OUT>
        extends AbstractCoProcessOperator<
                IN1, IN2, OUT, KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT>> {

    private final BroadcastStates broadcastStates;
    private final ReadOnlyContextImpl readOnlyContext;
    private final ContextImpl context;
    private final OnTimerContextImpl onTimerContext;
    private final ProcessFunctionTimers<KS> timers;

    public CoBroadcastWithKeyedOperator(
            OperatorParameters<OUT> parameters,
            KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function,
            List<MapStateDescriptor<?, ?>> broadcastStateDescriptors)
            throws Exception {
        super(parameters, function);
        this.broadcastStates =
                new BroadcastStates(getOperatorStateBackend(), broadcastStateDescriptors);
        this.readOnlyContext = new ReadOnlyContextImpl(function);
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
        userFunction.processElement(element.getValue(), readOnlyContext, collector);
        endElement();
    }

    @Override
    protected void processElement2(StreamRecord<IN2> element) throws Exception {
        startElement(element);
        userFunction.processBroadcastElement(element.getValue(), context, collector);
        endElement();
    }

    /**
     * Runs {@code function} for every key with a value in the state, with that key set as the
     * current key; the keys are listed first, so the function may clear state as it goes. The key
     * set before (if any) is set again afterwards.
     */
    @SuppressWarnings("unchecked")
    private <S extends State> void applyToKeyedState(
            StateDescriptor<S, ?> descriptor, KeyedStateFunction<KS, S> function) throws Exception {
        Objects.requireNonNull(descriptor, "state descriptor");
        Objects.requireNonNull(function, "keyed state function");
        KeyedStateBackend<Object> backend = getKeyedStateBackend();
        S state = backend.getOrCreateKeyedState(descriptor);
        Object previousKey = backend.getCurrentKey();
        try {
            for (Object key : backend.getKeys(descriptor.getName(), VoidNamespace.INSTANCE)) {
                backend.setCurrentKey(key);
                function.process((KS) key, state);
            }
        } finally {
            if (previousKey != null) {
                backend.setCurrentKey(previousKey);
            }
        }
    }

    private final class ContextImpl
            extends KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT>.Context {

        ContextImpl(KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function) {
            function.super();
        }

        @Override
        public <K, V> BroadcastState<K, V> getBroadcastState(
                MapStateDescriptor<K, V> stateDescriptor) {
            return broadcastStates.get(stateDescriptor);
        }

        @Override
        public <VS, S extends State> void applyToKeyedState(
                StateDescriptor<S, VS> stateDescriptor, KeyedStateFunction<KS, S> function)
                throws Exception {
            CoBroadcastWithKeyedOperator.this.applyToKeyedState(stateDescriptor, function);
        }

        @Override
        public Long timestamp() {
            return elementTimestamp();
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            emitSideOutput(outputTag, value, timestamp());
        }

        @Override
        public long currentProcessingTime() {
            return getCurrentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return getCurrentWatermark();
        }
    }

    private final class ReadOnlyContextImpl
            extends KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT>.ReadOnlyContext {

        ReadOnlyContextImpl(KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function) {
            function.super();
        }

        @Override
        public <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(
                MapStateDescriptor<K, V> stateDescriptor) {
            return broadcastStates.getReadOnly(stateDescriptor);
        }

        @Override
        public TimerService timerService() {
            return timers;
        }

        @Override
        @SuppressWarnings("unchecked")
        public KS getCurrentKey() {
            return (KS) CoBroadcastWithKeyedOperator.this.getCurrentKey();
        }

        @Override
        public Long timestamp() {
            return elementTimestamp();
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            emitSideOutput(outputTag, value, timestamp());
        }

        @Override
        public long currentProcessingTime() {
            return getCurrentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return getCurrentWatermark();
        }
    }

    private final class OnTimerContextImpl
            extends KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT>.OnTimerContext {
        OnTimerContextImpl(KeyedBroadcastProcessFunction<KS, IN1, IN2, OUT> function) {
            function.super();
        }

        @Override
        public TimeDomain timeDomain() {
            return timers.firingDomain();
        }

        @Override
        public KS getCurrentKey() {
            return timers.firingKey();
        }

        @Override
        public <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(
                MapStateDescriptor<K, V> stateDescriptor) {
            return broadcastStates.getReadOnly(stateDescriptor);
        }

        @Override
        public TimerService timerService() {
            return timers;
        }

        @Override
        public Long timestamp() {
            return timers.firingTimestamp();
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            emitSideOutput(outputTag, value, timestamp());
        }

        @Override
        public long currentProcessingTime() {
            return getCurrentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return getCurrentWatermark();
        }
    }
}

package dev.brook.streaming.runtime.operators;

import dev.brook.api.common.state.BroadcastState;
import dev.brook.api.common.state.MapStateDescriptor;
import dev.brook.api.common.state.ReadOnlyBroadcastState;
import dev.brook.streaming.api.functions.co.BroadcastProcessFunction;
import dev.brook.streaming.runtime.streamrecord.StreamRecord;
import dev.brook.util.OutputTag;
import java.util.List;

/**
 * Runs a {@link BroadcastProcessFunction}: input 1 is the non-broadcast stream, input 2 the
 * broadcast stream, whose elements reach every parallel instance. Broadcast state lives in the
 * operator state backend, so a checkpoint finds it with the rest of the operator state.
 */
public final class CoBroadcastWithNonKeyedOperator<IN1, IN2, OUT>
        extends AbstractCoProcessOperator<IN1, IN2, OUT, BroadcastProcessFunction<IN1, IN2, OUT>> {

    private final BroadcastStates broadcastStates;
    private final ReadOnlyContextImpl readOnlyContext;
    private final ContextImpl context;

    public CoBroadcastWithNonKeyedOperator(
            OperatorParameters<OUT> parameters,
            BroadcastProcessFunction<IN1, IN2, OUT> function,
            List<MapStateDescriptor<?, ?>> broadcastStateDescriptors)
            throws Exception {
        super(parameters, function);
        this.broadcastStates =
                new BroadcastStates(getOperatorStateBackend(), broadcastStateDescriptors);
        this.readOnlyContext = new ReadOnlyContextImpl(function);
        this.context = new ContextImpl(function);
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

    private final class ReadOnlyContextImpl
            extends BroadcastProcessFunction<IN1, IN2, OUT>.ReadOnlyContext {

        ReadOnlyContextImpl(BroadcastProcessFunction<IN1, IN2, OUT> function) {
            function.super();
        }

        @Override
        public <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(
                MapStateDescriptor<K, V> stateDescriptor) {
            return broadcastStates.getReadOnly(stateDescriptor);
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

    private final class ContextImpl extends BroadcastProcessFunction<IN1, IN2, OUT>.Context {

        ContextImpl(BroadcastProcessFunction<IN1, IN2, OUT> function) {
            function.super();
        }

        @Override
        public <K, V> BroadcastState<K, V> getBroadcastState(
                MapStateDescriptor<K, V> stateDescriptor) {
            return broadcastStates.get(stateDescriptor);
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
}

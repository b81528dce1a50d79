package dev.brook.streaming.api.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brook.api.common.functions.OpenContext;
import dev.brook.api.common.state.ListState;
import dev.brook.api.common.state.ListStateDescriptor;
import dev.brook.api.common.state.MapStateDescriptor;
import dev.brook.api.common.state.ValueState;
import dev.brook.api.common.state.ValueStateDescriptor;
import dev.brook.api.common.typeinfo.Types;
import dev.brook.runtime.state.FunctionInitializationContext;
import dev.brook.runtime.state.FunctionSnapshotContext;
import dev.brook.streaming.api.functions.KeyedProcessFunction;
import dev.brook.streaming.api.functions.ProcessFunction;
import dev.brook.streaming.api.functions.co.BroadcastProcessFunction;
import dev.brook.streaming.util.BroadcastOperatorTestHarness;
import dev.brook.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import dev.brook.streaming.util.OneInputStreamOperatorTestHarness;
import dev.brook.streaming.util.ProcessFunctionTestHarnesses;
import dev.brook.util.Collector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link CheckpointedFunction#initializeState} in the operator lifecycle: after the runtime context
 * is set, before {@code open}, with operator state always and keyed state on keyed streams.
 */
class CheckpointedFunctionTest {

    static final ListStateDescriptor<String> SEEN = new ListStateDescriptor<>("seen", Types.STRING);
    static final ListStateDescriptor<String> ALL = new ListStateDescriptor<>("all", Types.STRING);

    /** Records its lifecycle, and keeps every element in a list and a union list state. */
    static final class Buffering extends ProcessFunction<String, String>
            implements CheckpointedFunction {
        final List<String> events = new ArrayList<>();
        transient ListState<String> seen;
        transient ListState<String> all;

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            events.add(
                    "init restored="
                            + context.isRestored()
                            + " keyed="
                            + (context.getKeyedStateStore() != null)
                            + " subtask="
                            + getRuntimeContext().getIndexOfThisSubtask());
            seen = context.getOperatorStateStore().getListState(SEEN);
            all = context.getOperatorStateStore().getUnionListState(ALL);
        }

        @Override
        public void open(OpenContext openContext) throws Exception {
            events.add("open seen=" + seen.get());
        }

        @Override
        public void processElement(String value, Context ctx, Collector<String> out)
                throws Exception {
            seen.add(value);
            all.add(value.toUpperCase());
            out.collect(String.join(",", seen.get()));
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) {}
    }

    @Test
    void initializeStateRunsBeforeOpenWithUsableOperatorState() throws Exception {
        Buffering function = new Buffering();
        try (OneInputStreamOperatorTestHarness<String, String> harness =
                ProcessFunctionTestHarnesses.forProcessFunction(function)) {
            assertThat(function.events)
                    .containsExactly("init restored=false keyed=false subtask=0", "open seen=[]");

            harness.processElement("a", 1);
            harness.processElement("b", 2);

            assertThat(harness.extractOutputValues()).containsExactly("a", "a,b");
            assertThat(harness.getOperatorStateBackend().getRegisteredStateNames())
                    .containsExactly("seen", "all");
            assertThat(harness.getOperatorStateBackend().getUnionListState(ALL).get())
                    .containsExactly("A", "B");
        }
    }

    /** Counts per key with keyed state created in initializeState. */
    static final class KeyedCounting extends KeyedProcessFunction<String, String, String>
            implements CheckpointedFunction {
        transient ValueState<Integer> count;
        boolean keyedStoreGiven;

        @Override
        public void initializeState(FunctionInitializationContext context) {
            keyedStoreGiven = context.getKeyedStateStore() != null;
            count =
                    context.getKeyedStateStore()
                            .getState(new ValueStateDescriptor<>("count", Types.INT));
        }

        @Override
        public void processElement(String value, Context ctx, Collector<String> out)
                throws Exception {
            Integer c = count.value();
            count.update(c == null ? 1 : c + 1);
            out.collect(value + "=" + count.value());
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) {}
    }

    @Test
    void keyedFunctionsGetTheKeyedStateStore() throws Exception {
        KeyedCounting function = new KeyedCounting();
        try (KeyedOneInputStreamOperatorTestHarness<String, String, String> harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        function, v -> v, Types.STRING)) {
            harness.processElement("a", 1);
            harness.processElement("b", 1);
            harness.processElement("a", 1);

            assertThat(function.keyedStoreGiven).isTrue();
            assertThat(harness.extractOutputValues()).containsExactly("a=1", "b=1", "a=2");
        }
    }

    /** Sees in initializeState which broadcast states the operator declared. */
    static final class BroadcastAware extends BroadcastProcessFunction<String, String, String>
            implements CheckpointedFunction {
        final List<String> broadcastStates = new ArrayList<>();

        @Override
        public void initializeState(FunctionInitializationContext context) {
            broadcastStates.addAll(
                    context.getOperatorStateStore().getRegisteredBroadcastStateNames());
        }

        @Override
        public void processElement(String value, ReadOnlyContext ctx, Collector<String> out) {}

        @Override
        public void processBroadcastElement(String value, Context ctx, Collector<String> out) {}

        @Override
        public void snapshotState(FunctionSnapshotContext context) {}
    }

    @Test
    void broadcastStateIsOperatorStateOfTheBroadcastOperator() throws Exception {
        BroadcastAware function = new BroadcastAware();
        MapStateDescriptor<String, Integer> thresholds =
                new MapStateDescriptor<>("thresholds", Types.STRING, Types.INT);
        try (BroadcastOperatorTestHarness<String, String, String> harness =
                ProcessFunctionTestHarnesses.forBroadcastProcessFunction(function, thresholds)) {
            assertThat(function.broadcastStates).containsExactly("thresholds");
            assertThat(harness.getOperatorStateBackend().getRegisteredStateNames()).isEmpty();
        }
    }
}

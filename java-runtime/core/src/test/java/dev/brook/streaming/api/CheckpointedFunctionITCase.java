package dev.brook.streaming.api;

import static dev.brook.test.util.Multisets.assertSameMultiset;
import static org.assertj.core.api.Assertions.assertThat;

import dev.brook.api.common.functions.OpenContext;
import dev.brook.api.common.functions.RichMapFunction;
import dev.brook.api.common.state.ListState;
import dev.brook.api.common.state.ListStateDescriptor;
import dev.brook.api.common.state.ValueState;
import dev.brook.api.common.state.ValueStateDescriptor;
import dev.brook.api.common.typeinfo.Types;
import dev.brook.api.java.tuple.Tuple2;
import dev.brook.runtime.state.FunctionInitializationContext;
import dev.brook.runtime.state.FunctionSnapshotContext;
import dev.brook.streaming.api.checkpoint.CheckpointedFunction;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import dev.brook.streaming.api.functions.KeyedProcessFunction;
import dev.brook.streaming.api.functions.sink.legacy.RichSinkFunction;
import dev.brook.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.brook.streaming.api.windowing.windows.GlobalWindow;
import dev.brook.test.util.CollectingSink;
import dev.brook.util.Collector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Functions that implement {@link CheckpointedFunction}, run on the MiniCluster: {@code
 * initializeState} comes before {@code open} in every subtask, with operator state of that subtask
 * alone and keyed state on keyed streams only.
 */
class CheckpointedFunctionITCase {

    /** Lifecycle events and final state contents per function instance, by test-chosen id. */
    private static final Map<String, ConcurrentLinkedQueue<String>> EVENTS =
            new ConcurrentHashMap<>();

    private static void record(String id, int subtask, String event) {
        EVENTS.computeIfAbsent(id, k -> new ConcurrentLinkedQueue<>()).add(subtask + ":" + event);
    }

    /** Events per subtask, in order. */
    private static Map<Integer, List<String>> bySubtask(String id) {
        Map<Integer, List<String>> out = new HashMap<>();
        for (String e : EVENTS.get(id)) {
            int colon = e.indexOf(':');
            out.computeIfAbsent(Integer.parseInt(e.substring(0, colon)), k -> new ArrayList<>())
                    .add(e.substring(colon + 1));
        }
        return out;
    }

    /**
     * Keeps each value it maps in a list state and (doubled) in a union list state, and reports
     * both at close, so the test can see whose elements each subtask's states hold.
     */
    static final class Remembering extends RichMapFunction<Long, Tuple2<Integer, Long>>
            implements CheckpointedFunction {
        private final String id;
        private transient ListState<Long> mine;
        private transient ListState<Long> union;

        Remembering(String id) {
            this.id = id;
        }

        private int subtask() {
            return getRuntimeContext().getIndexOfThisSubtask();
        }

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            record(
                    id,
                    subtask(),
                    "init restored="
                            + context.isRestored()
                            + " keyed="
                            + (context.getKeyedStateStore() != null));
            mine =
                    context.getOperatorStateStore()
                            .getListState(new ListStateDescriptor<>("mine", Types.LONG));
            union =
                    context.getOperatorStateStore()
                            .getUnionListState(new ListStateDescriptor<>("union", Types.LONG));
        }

        @Override
        public void open(OpenContext openContext) throws Exception {
            record(id, subtask(), "open empty=" + !mine.get().iterator().hasNext());
        }

        @Override
        public Tuple2<Integer, Long> map(Long value) throws Exception {
            mine.add(value);
            union.add(2 * value);
            return Tuple2.of(subtask(), value);
        }

        @Override
        public void close() throws Exception {
            for (long v : mine.get()) {
                record(id, subtask(), "mine " + v);
            }
            for (long v : union.get()) {
                record(id, subtask(), "union " + v);
            }
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) {}
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void eachSubtaskInitializesItsOwnOperatorStateBeforeOpen(int parallelism) throws Exception {
        String id = UUID.randomUUID().toString();
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        CollectingSink<Tuple2<Integer, Long>> seen = new CollectingSink<>();
        env.fromSequence(0, 1_999).rebalance().map(new Remembering(id)).addSink(seen);
        env.execute("checkpointed map");

        Map<Integer, List<Long>> mappedBy = new HashMap<>();
        for (Tuple2<Integer, Long> t : seen.getResults()) {
            mappedBy.computeIfAbsent(t.f0, k -> new ArrayList<>()).add(t.f1);
        }
        Map<Integer, List<String>> events = bySubtask(id);
        assertThat(events).hasSize(parallelism);
        for (Map.Entry<Integer, List<String>> e : events.entrySet()) {
            List<String> subtaskEvents = e.getValue();
            assertThat(subtaskEvents.subList(0, 2))
                    .containsExactly("init restored=false keyed=false", "open empty=true");
            List<String> expected = new ArrayList<>();
            for (long v : mappedBy.getOrDefault(e.getKey(), List.of())) {
                expected.add("mine " + v);
                expected.add("union " + 2 * v);
            }
            assertSameMultiset(subtaskEvents.subList(2, subtaskEvents.size()), expected);
        }
        assertSameMultiset(
                seen.getResults().stream().map(t -> t.f1).toList(),
                LongStream.range(0, 2_000).boxed().toList());
    }

    /** Counts per key, with keyed state created in initializeState; emits (key, count so far). */
    static final class KeyedInit extends KeyedProcessFunction<Long, Long, String>
            implements CheckpointedFunction {
        private final String id;
        private transient ValueState<Long> count;

        KeyedInit(String id) {
            this.id = id;
        }

        @Override
        public void initializeState(FunctionInitializationContext context) {
            record(
                    id,
                    getRuntimeContext().getIndexOfThisSubtask(),
                    "init keyed=" + (context.getKeyedStateStore() != null));
            count =
                    context.getKeyedStateStore()
                            .getState(new ValueStateDescriptor<>("count", Types.LONG));
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<String> out)
                throws Exception {
            long c = (count.value() == null ? 0 : count.value()) + 1;
            count.update(c);
            out.collect(ctx.getCurrentKey() + "#" + c);
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) {}
    }

    /** A sink that buffers in operator list state and reports the buffer at close. */
    static final class BufferingSink extends RichSinkFunction<String>
            implements CheckpointedFunction {
        private final String id;
        private transient ListState<String> buffer;

        BufferingSink(String id) {
            this.id = id;
        }

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            buffer =
                    context.getOperatorStateStore()
                            .getListState(new ListStateDescriptor<>("buffer", Types.STRING));
        }

        @Override
        public void invoke(String value, Context context) throws Exception {
            buffer.add(value);
        }

        @Override
        public void close() throws Exception {
            for (String v : buffer.get()) {
                record(id, getRuntimeContext().getIndexOfThisSubtask(), v);
            }
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) {}
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void keyedFunctionsGetKeyedStateAndSinksGetOperatorState(int parallelism) throws Exception {
        String keyed = UUID.randomUUID().toString();
        String sink = UUID.randomUUID().toString();
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        env.fromSequence(0, 999)
                .keyBy(v -> v % 10, Types.LONG)
                .process(new KeyedInit(keyed))
                .addSink(new BufferingSink(sink));
        env.execute("checkpointed keyed and sink");

        assertThat(bySubtask(keyed).values())
                .hasSize(parallelism)
                .allSatisfy(events -> assertThat(events).containsExactly("init keyed=true"));
        // Counts are 1..100 per key whatever order the values of a key arrive in.
        List<String> expected = new ArrayList<>();
        for (long key = 0; key < 10; key++) {
            for (int c = 1; c <= 100; c++) {
                expected.add(key + "#" + c);
            }
        }
        List<String> buffered = new ArrayList<>();
        bySubtask(sink).values().forEach(buffered::addAll);
        assertSameMultiset(buffered, expected);
    }

    /** A window function with operator state: counts the windows it fired, per subtask. */
    static final class CountingWindows extends ProcessWindowFunction<Long, Long, Long, GlobalWindow>
            implements CheckpointedFunction {
        private final String id;
        private transient ListState<Long> fired;
        private boolean initialized;

        CountingWindows(String id) {
            this.id = id;
        }

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            initialized = true;
            fired =
                    context.getOperatorStateStore()
                            .getListState(new ListStateDescriptor<>("fired", Types.LONG));
            record(id, getRuntimeContext().getIndexOfThisSubtask(), "init " + context.isRestored());
        }

        @Override
        public void open(OpenContext openContext) {
            record(
                    id,
                    getRuntimeContext().getIndexOfThisSubtask(),
                    "open after init " + initialized);
        }

        @Override
        public void process(Long key, Context context, Iterable<Long> values, Collector<Long> out)
                throws Exception {
            fired.add(key);
            out.collect(key);
        }

        @Override
        public void close() throws Exception {
            long windows = 0;
            for (Long ignored : fired.get()) {
                windows++;
            }
            record(id, getRuntimeContext().getIndexOfThisSubtask(), "fired " + windows);
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) {}
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    void windowFunctionsInitializeStateBeforeOpen(int parallelism) throws Exception {
        String id = UUID.randomUUID().toString();
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        CollectingSink<Long> sink = new CollectingSink<>();
        env.fromSequence(0, 99)
                .keyBy(v -> v % 10, Types.LONG)
                .countWindow(10)
                .process(new CountingWindows(id), Types.LONG)
                .addSink(sink);
        env.execute("checkpointed window function");

        // Ten keys, one full count window each.
        assertThat(sink.getResults()).hasSize(10);
        long fired = 0;
        for (List<String> events : bySubtask(id).values()) {
            assertThat(events.subList(0, 2)).containsExactly("init false", "open after init true");
            fired += Long.parseLong(events.get(2).substring("fired ".length()));
        }
        assertThat(fired).isEqualTo(10);
    }
}

package dev.brook.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brook.api.common.functions.AggregateFunction;
import dev.brook.api.common.state.AggregatingState;
import dev.brook.api.common.state.AggregatingStateDescriptor;
import dev.brook.api.common.state.ListState;
import dev.brook.api.common.state.ListStateDescriptor;
import dev.brook.api.common.state.MapState;
import dev.brook.api.common.state.MapStateDescriptor;
import dev.brook.api.common.state.ReducingState;
import dev.brook.api.common.state.ReducingStateDescriptor;
import dev.brook.api.common.state.StateTtlConfig;
import dev.brook.api.common.state.ValueState;
import dev.brook.api.common.state.ValueStateDescriptor;
import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.common.typeinfo.Types;
import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.core.memory.DataInputDeserializer;
import dev.brook.core.memory.DataOutputSerializer;
import dev.brook.runtime.state.heap.HeapKeyedStateBackend;
import dev.brook.streaming.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keyed state written by one backend and read back by others: every state kind, namespaces, TTL
 * timestamps, a split of the key groups between two backends (a change of parallelism), and the
 * snapshot's own byte form.
 */
class KeyedStateSnapshotTest {

    private static final int MAX_PARALLELISM = 128;
    private static final TypeSerializer<Long> KEYS = Types.LONG.createSerializer();
    private static final TimeWindow W1 = new TimeWindow(0, 10);
    private static final TimeWindow W2 = new TimeWindow(10, 20);

    private long now = 1_000;

    private HeapKeyedStateBackend<Long> backend(int start, int end) {
        return new HeapKeyedStateBackend<>(
                new KeyGroupRange(start, end), MAX_PARALLELISM, () -> now);
    }

    static final class Sum implements AggregateFunction<Long, long[], Long> {
        @Override
        public long[] createAccumulator() {
            return new long[1];
        }

        @Override
        public long[] add(Long value, long[] acc) {
            acc[0] += value;
            return acc;
        }

        @Override
        public Long getResult(long[] acc) {
            return acc[0];
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            a[0] += b[0];
            return a;
        }
    }

    /** The states of one backend, created from the same descriptors each time. */
    private static final class States {
        final ValueState<String> value;
        final ListState<Long> list;
        final MapState<String, Integer> map;
        final ReducingState<Long> reducing;
        final AggregatingState<Long, Long> aggregating;
        final ValueState<String> withTtl;
        final InternalKvState<Long, TimeWindow> windowed;
        final KeyedStateBackend<Long> backend;

        @SuppressWarnings("unchecked")
        States(KeyedStateBackend<Long> backend) {
            this.backend = backend;
            value =
                    backend.getOrCreateKeyedState(
                            new ValueStateDescriptor<>("value", Types.STRING));
            list = backend.getOrCreateKeyedState(new ListStateDescriptor<>("list", Types.LONG));
            map =
                    backend.getOrCreateKeyedState(
                            new MapStateDescriptor<>("map", Types.STRING, Types.INT));
            reducing =
                    backend.getOrCreateKeyedState(
                            new ReducingStateDescriptor<>("reducing", Long::sum, Types.LONG));
            aggregating =
                    backend.getOrCreateKeyedState(
                            new AggregatingStateDescriptor<>(
                                    "aggregating",
                                    new Sum(),
                                    (TypeInformation<long[]>) Types.PRIMITIVE_ARRAY(Types.LONG)));
            ValueStateDescriptor<String> ttl = new ValueStateDescriptor<>("ttl", Types.STRING);
            ttl.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMillis(100)).build());
            withTtl = backend.getOrCreateKeyedState(ttl);
            windowed =
                    backend.getOrCreateInternalState(
                            new TimeWindow.Serializer(),
                            new ListStateDescriptor<>("windowed", Types.STRING));
        }

        @SuppressWarnings("unchecked")
        void write(long key) throws Exception {
            backend.setCurrentKey(key);
            value.update("v" + key);
            list.add(key);
            list.add(key * 2);
            map.put("a" + key, (int) key);
            reducing.add(key);
            reducing.add(1L);
            aggregating.add(key);
            withTtl.update("t" + key);
            windowed.setCurrentNamespace(W1);
            ((ListState<String>) windowed).add("w1-" + key);
            windowed.setCurrentNamespace(W2);
            ((ListState<String>) windowed).add("w2-" + key);
        }

        @SuppressWarnings("unchecked")
        void check(long key) throws Exception {
            backend.setCurrentKey(key);
            assertThat(value.value()).isEqualTo("v" + key);
            assertThat(list.get()).containsExactly(key, key * 2);
            assertThat(map.get("a" + key)).isEqualTo((int) key);
            assertThat(reducing.get()).isEqualTo(key + 1);
            assertThat(aggregating.get()).isEqualTo(key);
            assertThat(withTtl.value()).isEqualTo("t" + key);
            windowed.setCurrentNamespace(W1);
            assertThat(((ListState<String>) windowed).get()).containsExactly("w1-" + key);
            windowed.setCurrentNamespace(W2);
            assertThat(((ListState<String>) windowed).get()).containsExactly("w2-" + key);
        }
    }

    private static KeyedStateSnapshot throughBytes(KeyedStateSnapshot snapshot) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(1024);
        snapshot.write(out);
        byte[] bytes = out.toByteArray();
        return KeyedStateSnapshot.read(
                new DataInputDeserializer(bytes, 0, bytes.length),
                KeyedStateSnapshotTest.class.getClassLoader());
    }

    @Test
    void everyKindOfStateSurvivesARestoreSplitAcrossTwoBackends() throws Exception {
        HeapKeyedStateBackend<Long> original = backend(0, MAX_PARALLELISM - 1);
        States written = new States(original);
        for (long key = 0; key < 500; key++) {
            written.write(key);
        }
        KeyedStateSnapshot snapshot = throughBytes(original.snapshot(KEYS));

        HeapKeyedStateBackend<Long> low = backend(0, 63);
        HeapKeyedStateBackend<Long> high = backend(64, MAX_PARALLELISM - 1);
        low.restore(List.of(snapshot));
        high.restore(List.of(snapshot));
        States lowStates = new States(low);
        States highStates = new States(high);
        for (long key = 0; key < 500; key++) {
            boolean isLow = KeyGroupRangeAssignment.assignToKeyGroup(key, MAX_PARALLELISM) < 64;
            (isLow ? lowStates : highStates).check(key);
        }
        // Each backend took only the keys of its own key groups.
        assertThat(low.getKeys("value", VoidNamespace.INSTANCE))
                .allMatch(k -> KeyGroupRangeAssignment.assignToKeyGroup(k, MAX_PARALLELISM) < 64);
        assertThat(high.getKeys("value", VoidNamespace.INSTANCE))
                .allMatch(k -> KeyGroupRangeAssignment.assignToKeyGroup(k, MAX_PARALLELISM) >= 64);
        assertThat(low.getKeys("windowed", W1).size() + high.getKeys("windowed", W1).size())
                .isEqualTo(500);
    }

    @Test
    void timeToLiveCountsFromTheAccessBeforeTheSnapshot() throws Exception {
        HeapKeyedStateBackend<Long> original = backend(0, MAX_PARALLELISM - 1);
        new States(original).write(7L);
        KeyedStateSnapshot snapshot = original.snapshot(KEYS);
        now += 99;
        HeapKeyedStateBackend<Long> restored = backend(0, MAX_PARALLELISM - 1);
        restored.restore(List.of(snapshot));
        States states = new States(restored);
        restored.setCurrentKey(7L);
        assertThat(states.withTtl.value()).isEqualTo("t7");
        now += 200;
        assertThat(states.withTtl.value()).isNull();
    }

    @Test
    void stateNobodyAsksForIsKeptForTheNextSnapshot() throws Exception {
        HeapKeyedStateBackend<Long> original = backend(0, MAX_PARALLELISM - 1);
        new States(original).write(3L);
        HeapKeyedStateBackend<Long> middle = backend(0, MAX_PARALLELISM - 1);
        middle.restore(List.of(original.snapshot(KEYS)));
        // Nothing is registered on the middle backend; its snapshot still holds everything.
        HeapKeyedStateBackend<Long> last = backend(0, MAX_PARALLELISM - 1);
        last.restore(List.of(middle.snapshot(KEYS)));
        new States(last).check(3L);
    }

    @Test
    void aRestoredStateMustBeAskedForWithItsKind() throws Exception {
        HeapKeyedStateBackend<Long> original = backend(0, MAX_PARALLELISM - 1);
        new States(original).write(1L);
        HeapKeyedStateBackend<Long> restored = backend(0, MAX_PARALLELISM - 1);
        restored.restore(List.of(original.snapshot(KEYS)));
        assertThatThrownBy(
                        () ->
                                restored.getOrCreateKeyedState(
                                        new ListStateDescriptor<>("value", Types.STRING)))
                .hasMessageContaining("'value' was restored as value state")
                .hasMessageContaining("cannot be used as list state");
    }

    @Test
    void snapshotsFromSeveralSubtasksMerge() throws Exception {
        HeapKeyedStateBackend<Long> a = backend(0, 63);
        HeapKeyedStateBackend<Long> b = backend(64, MAX_PARALLELISM - 1);
        States sa = new States(a);
        States sb = new States(b);
        List<Long> keys = new ArrayList<>();
        for (long key = 0; key < 200; key++) {
            boolean isLow = KeyGroupRangeAssignment.assignToKeyGroup(key, MAX_PARALLELISM) < 64;
            (isLow ? sa : sb).write(key);
            keys.add(key);
        }
        HeapKeyedStateBackend<Long> all = backend(0, MAX_PARALLELISM - 1);
        all.restore(List.of(a.snapshot(KEYS), b.snapshot(KEYS)));
        States merged = new States(all);
        for (long key : keys) {
            merged.check(key);
        }
        assertThat(Map.of("keys", all.getKeys("value", VoidNamespace.INSTANCE).size()))
                .isEqualTo(Map.of("keys", 200));
    }
}

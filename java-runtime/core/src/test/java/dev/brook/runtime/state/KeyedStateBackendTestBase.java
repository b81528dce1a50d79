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
import dev.brook.api.common.state.StateDescriptor;
import dev.brook.api.common.state.StateTtlConfig;
import dev.brook.api.common.state.ValueState;
import dev.brook.api.common.state.ValueStateDescriptor;
import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.common.typeinfo.Types;
import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.core.memory.DataInputDeserializer;
import dev.brook.core.memory.DataOutputSerializer;
import dev.brook.streaming.api.windowing.windows.TimeWindow;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour every keyed state backend must have, whatever it keeps state in: each state kind,
 * namespaces (windows), TTL under a clock the test moves, key and namespace listings, dropping a
 * key, and snapshots — restored whole, split across two backends (a change of parallelism), merged
 * from several, and through their byte form. A backend's test extends this class and names the
 * backend.
 */
public abstract class KeyedStateBackendTestBase {

    protected static final int MAX_PARALLELISM = 128;
    protected static final TypeSerializer<Long> KEYS = Types.LONG.createSerializer();
    protected static final TimeWindow W1 = new TimeWindow(0, 10);
    protected static final TimeWindow W2 = new TimeWindow(10, 20);

    /** The processing time every backend's TTL clock reads. */
    protected long now = 1_000;

    @TempDir protected Path workingDirectory;

    private final List<KeyedStateBackend<?>> created = new ArrayList<>();

    /** The backend under test. */
    protected abstract StateBackend stateBackend();

    /** A backend of {@code kind} for key groups {@code [start, end]}, disposed after the test. */
    protected final <K> KeyedStateBackend<K> createBackend(
            StateBackend kind, TypeSerializer<K> keys, int start, int end, int maxParallelism)
            throws Exception {
        KeyedStateBackend<K> backend =
                kind.createKeyedStateBackend(
                        new KeyedStateBackendParameters<>(
                                "operator_" + created.size(),
                                keys,
                                new KeyGroupRange(start, end),
                                maxParallelism,
                                workingDirectory,
                                () -> now));
        created.add(backend);
        return backend;
    }

    protected final KeyedStateBackend<Long> backend(int start, int end) throws Exception {
        return createBackend(stateBackend(), KEYS, start, end, MAX_PARALLELISM);
    }

    protected final KeyedStateBackend<Long> backend() throws Exception {
        return backend(0, MAX_PARALLELISM - 1);
    }

    @AfterEach
    void disposeBackends() {
        created.forEach(KeyedStateBackend::dispose);
    }

    protected static boolean isLow(long key) {
        return KeyGroupRangeAssignment.assignToKeyGroup(key, MAX_PARALLELISM) < 64;
    }

    protected static KeyedStateSnapshot throughBytes(KeyedStateSnapshot snapshot) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(1024);
        snapshot.write(out);
        byte[] bytes = out.toByteArray();
        return KeyedStateSnapshot.read(
                new DataInputDeserializer(bytes, 0, bytes.length),
                KeyedStateBackendTestBase.class.getClassLoader());
    }

    /** Sums into a mutable accumulator, as aggregate functions often do. */
    public static final class Sum implements AggregateFunction<Long, long[], Long> {
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

    @SuppressWarnings("unchecked")
    private static TypeInformation<long[]> longArrays() {
        return (TypeInformation<long[]>) Types.PRIMITIVE_ARRAY(Types.LONG);
    }

    /** One state of every kind, created from the same descriptors on any backend. */
    protected static final class States {
        public final ValueState<String> value;
        public final ListState<Long> list;
        public final MapState<String, Integer> map;
        public final ReducingState<Long> reducing;
        public final AggregatingState<Long, Long> aggregating;
        public final ValueState<String> withTtl;
        public final InternalKvState<Long, TimeWindow> windowed;
        private final KeyedStateBackend<Long> backend;

        @SuppressWarnings("unchecked")
        public States(KeyedStateBackend<Long> backend) {
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
                                    "aggregating", new Sum(), longArrays()));
            ValueStateDescriptor<String> ttl = new ValueStateDescriptor<>("ttl", Types.STRING);
            ttl.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofMillis(100)).build());
            withTtl = backend.getOrCreateKeyedState(ttl);
            windowed =
                    backend.getOrCreateInternalState(
                            new TimeWindow.Serializer(),
                            new ListStateDescriptor<>("windowed", Types.STRING));
        }

        @SuppressWarnings("unchecked")
        public void write(long key) throws Exception {
            backend.setCurrentKey(key);
            value.update("v" + key);
            list.add(key);
            list.add(key * 2);
            map.put("a" + key, (int) key);
            map.put("b" + key, null);
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
        public void check(long key) throws Exception {
            backend.setCurrentKey(key);
            assertThat(value.value()).isEqualTo("v" + key);
            assertThat(list.get()).containsExactly(key, key * 2);
            assertThat(map.get("a" + key)).isEqualTo((int) key);
            assertThat(map.contains("b" + key)).isTrue();
            assertThat(map.keys()).containsExactlyInAnyOrder("a" + key, "b" + key);
            assertThat(reducing.get()).isEqualTo(key + 1);
            assertThat(aggregating.get()).isEqualTo(key);
            assertThat(withTtl.value()).isEqualTo("t" + key);
            windowed.setCurrentNamespace(W1);
            assertThat(((ListState<String>) windowed).get()).containsExactly("w1-" + key);
            windowed.setCurrentNamespace(W2);
            assertThat(((ListState<String>) windowed).get()).containsExactly("w2-" + key);
        }
    }

    // ---- state kinds ----

    @Test
    void valueStateKeepsOneValuePerKey() throws Exception {
        KeyedStateBackend<Long> backend = backend();
        ValueState<String> state =
                backend.getOrCreateKeyedState(new ValueStateDescriptor<>("v", Types.STRING));
        backend.setCurrentKey(1L);
        assertThat(state.value()).isNull();
        state.update("one");
        backend.setCurrentKey(2L);
        state.update("two");
        assertThat(state.value()).isEqualTo("two");
        backend.setCurrentKey(1L);
        assertThat(state.value()).isEqualTo("one");
        state.update(null);
        assertThat(state.value()).isNull();
        backend.setCurrentKey(2L);
        state.clear();
        assertThat(state.value()).isNull();
        assertThat(backend.getKeys("v", VoidNamespace.INSTANCE)).isEmpty();
    }

    @Test
    void listStateAddsReplacesAndRejectsNullElements() throws Exception {
        KeyedStateBackend<Long> backend = backend();
        ListState<String> state =
                backend.getOrCreateKeyedState(new ListStateDescriptor<>("l", Types.STRING));
        backend.setCurrentKey(1L);
        assertThat(state.get()).isEmpty();
        state.add("a");
        state.addAll(List.of("b", "c"));
        state.addAll(List.of());
        state.addAll(null);
        assertThat(state.get()).containsExactly("a", "b", "c");
        state.update(List.of("x", "y"));
        assertThat(state.get()).containsExactly("x", "y");
        assertThatThrownBy(() -> state.add(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("ListState does not accept null elements");
        assertThatThrownBy(() -> state.update(java.util.Arrays.asList("z", null)))
                .hasMessageContaining("ListState does not accept null elements");
        assertThat(state.get()).containsExactly("x", "y");
        state.update(List.of());
        assertThat(state.get()).isEmpty();
        assertThat(backend.getKeys("l", VoidNamespace.INSTANCE)).isEmpty();
        state.add("again");
        state.clear();
        assertThat(state.get()).isEmpty();
    }

    @Test
    void mapStateReadsWritesAndIteratesEntries() throws Exception {
        KeyedStateBackend<Long> backend = backend();
        MapState<String, Integer> state =
                backend.getOrCreateKeyedState(
                        new MapStateDescriptor<>("m", Types.STRING, Types.INT));
        backend.setCurrentKey(1L);
        assertThat(state.isEmpty()).isTrue();
        assertThat(state.get("a")).isNull();
        state.put("a", 1);
        state.putAll(Map.of("b", 2, "c", 3));
        state.put("none", null);
        assertThat(state.get("b")).isEqualTo(2);
        assertThat(state.contains("none")).isTrue();
        assertThat(state.get("none")).isNull();
        assertThat(state.contains("zzz")).isFalse();
        state.remove("c");
        assertThat(state.keys()).containsExactlyInAnyOrder("a", "b", "none");
        assertThat(state.values()).containsExactlyInAnyOrder(1, 2, null);
        assertThat(state.entries())
                .containsExactlyInAnyOrder(
                        Map.entry("a", 1),
                        Map.entry("b", 2),
                        new java.util.AbstractMap.SimpleEntry<>("none", null));
        backend.setCurrentKey(2L);
        assertThat(state.isEmpty()).isTrue();
        state.put("other", 9);
        backend.setCurrentKey(1L);
        state.clear();
        assertThat(state.isEmpty()).isTrue();
        assertThat(backend.getKeys("m", VoidNamespace.INSTANCE)).containsExactly(2L);
    }

    @Test
    void mapStateIteratorsWalkLargeMapsAndRemoveEntries() throws Exception {
        KeyedStateBackend<Long> backend = backend();
        MapState<Integer, String> state =
                backend.getOrCreateKeyedState(
                        new MapStateDescriptor<>("m", Types.INT, Types.STRING));
        backend.setCurrentKey(5L);
        for (int i = 0; i < 1000; i++) {
            state.put(i, "v" + i);
        }
        backend.setCurrentKey(6L);
        state.put(-1, "elsewhere");
        backend.setCurrentKey(5L);
        int seen = 0;
        for (Iterator<Map.Entry<Integer, String>> it = state.iterator(); it.hasNext(); ) {
            Map.Entry<Integer, String> entry = it.next();
            assertThat(entry.getValue()).isEqualTo("v" + entry.getKey());
            if (entry.getKey() % 2 == 0) {
                it.remove();
            }
            seen++;
        }
        assertThat(seen).isEqualTo(1000);
        assertThat(state.keys()).hasSize(500).allMatch(k -> k % 2 == 1);
        for (Map.Entry<Integer, String> entry : state.entries()) {
            entry.setValue("new");
        }
        assertThat(state.values()).hasSize(500).containsOnly("new");
        backend.setCurrentKey(6L);
        assertThat(state.entries()).containsExactly(Map.entry(-1, "elsewhere"));
    }

    @Test
    void reducingStateReducesWhatIsAdded() throws Exception {
        KeyedStateBackend<Long> backend = backend();
        ReducingState<Long> state =
                backend.getOrCreateKeyedState(
                        new ReducingStateDescriptor<>("r", Long::sum, Types.LONG));
        backend.setCurrentKey(1L);
        assertThat(state.get()).isNull();
        state.add(1L);
        state.add(2L);
        assertThat(state.get()).isEqualTo(3L);
        assertThat(((InternalReducingState<Long>) state).addAndGet(4L)).isEqualTo(7L);
        assertThat(state.get()).isEqualTo(7L);
        state.clear();
        assertThat(state.get()).isNull();
    }

    @Test
    void aggregatingStateFoldsIntoItsAccumulator() throws Exception {
        KeyedStateBackend<Long> backend = backend();
        AggregatingState<Long, Long> state =
                backend.getOrCreateKeyedState(
                        new AggregatingStateDescriptor<>("a", new Sum(), longArrays()));
        backend.setCurrentKey(1L);
        assertThat(state.get()).isNull();
        state.add(5L);
        state.add(6L);
        assertThat(state.get()).isEqualTo(11L);
        backend.setCurrentKey(2L);
        assertThat(state.get()).isNull();
        backend.setCurrentKey(1L);
        state.clear();
        assertThat(state.get()).isNull();
    }

    @Test
    void aStateNameStandsForOneState() throws Exception {
        KeyedStateBackend<Long> backend = backend();
        ValueState<String> first =
                backend.getOrCreateKeyedState(new ValueStateDescriptor<>("s", Types.STRING));
        assertThat(backend.getOrCreateKeyedState(new ValueStateDescriptor<>("s", Types.STRING)))
                .isSameAs(first);
        assertThatThrownBy(
                        () ->
                                backend.getOrCreateKeyedState(
                                        new ListStateDescriptor<>("s", Types.STRING)))
                .hasMessageContaining("'s' is already registered");
    }

    // ---- namespaces, listings, dropping a key ----

    @Test
    @SuppressWarnings("unchecked")
    void namespacesKeepWindowsApartAndAreListed() throws Exception {
        KeyedStateBackend<Long> backend = backend();
        InternalKvState<Long, TimeWindow> windowed =
                backend.getOrCreateInternalState(
                        new TimeWindow.Serializer(), new ListStateDescriptor<>("w", Types.LONG));
        ListState<Long> list = (ListState<Long>) windowed;
        for (long key = 0; key < 10; key++) {
            backend.setCurrentKey(key);
            windowed.setCurrentNamespace(W1);
            list.add(key);
            if (key % 2 == 0) {
                windowed.setCurrentNamespace(W2);
                list.add(-key);
            }
        }
        assertThat(backend.getKeys("w", W1))
                .containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(backend.getKeys("w", W2)).containsExactlyInAnyOrder(0L, 2L, 4L, 6L, 8L);
        assertThat(backend.getKeys("w", new TimeWindow(20, 30))).isEmpty();
        assertThat(backend.<TimeWindow>getNamespaces("w")).containsExactlyInAnyOrder(W1, W2);

        backend.setCurrentKey(4L);
        windowed.setCurrentNamespace(W2);
        assertThat(list.get()).containsExactly(-4L);
        list.clear();
        windowed.setCurrentNamespace(W1);
        assertThat(list.get()).containsExactly(4L);
        assertThat(backend.getKeys("w", W2)).containsExactlyInAnyOrder(0L, 2L, 6L, 8L);

        for (long key : List.of(0L, 2L, 6L, 8L)) {
            backend.setCurrentKey(key);
            windowed.setCurrentNamespace(W2);
            list.clear();
        }
        assertThat(backend.<TimeWindow>getNamespaces("w")).containsExactly(W1);
    }

    @Test
    void listingsOfKeyedStateAndOfUnknownStates() throws Exception {
        KeyedStateBackend<Long> backend = backend();
        MapState<String, Integer> map =
                backend.getOrCreateKeyedState(
                        new MapStateDescriptor<>("m", Types.STRING, Types.INT));
        for (long key = 0; key < 5; key++) {
            backend.setCurrentKey(key);
            map.put("x", 1);
            map.put("y", 2);
        }
        assertThat(backend.getKeys("m", VoidNamespace.INSTANCE))
                .containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L);
        assertThat(backend.getNamespaces("m")).isEmpty();
        assertThat(backend.getKeys("unknown", VoidNamespace.INSTANCE)).isEmpty();
        assertThat(backend.getNamespaces("unknown")).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void mergingNamespacesCombinesListsReductionsAndAggregates() throws Exception {
        KeyedStateBackend<Long> backend = backend();
        InternalKvState<Long, TimeWindow> list =
                backend.getOrCreateInternalState(
                        new TimeWindow.Serializer(), new ListStateDescriptor<>("l", Types.LONG));
        InternalKvState<Long, TimeWindow> reducing =
                backend.getOrCreateInternalState(
                        new TimeWindow.Serializer(),
                        new ReducingStateDescriptor<>("r", Long::sum, Types.LONG));
        InternalKvState<Long, TimeWindow> aggregating =
                backend.getOrCreateInternalState(
                        new TimeWindow.Serializer(),
                        new AggregatingStateDescriptor<>("a", new Sum(), longArrays()));
        TimeWindow target = new TimeWindow(0, 20);
        backend.setCurrentKey(3L);
        long value = 1;
        for (TimeWindow window : List.of(target, W1, W2)) {
            for (InternalKvState<Long, TimeWindow> state : List.of(list, reducing, aggregating)) {
                state.setCurrentNamespace(window);
            }
            ((ListState<Long>) list).add(value);
            ((ReducingState<Long>) reducing).add(value);
            ((AggregatingState<Long, Long>) aggregating).add(value);
            value *= 10;
        }
        for (InternalKvState<Long, TimeWindow> state : List.of(list, reducing, aggregating)) {
            state.mergeNamespaces(target, List.of(W1, W2));
            state.setCurrentNamespace(target);
        }
        assertThat(((ListState<Long>) list).get()).containsExactly(1L, 10L, 100L);
        assertThat(((ReducingState<Long>) reducing).get()).isEqualTo(111L);
        assertThat(((AggregatingState<Long, Long>) aggregating).get()).isEqualTo(111L);
        for (String state : List.of("l", "r", "a")) {
            assertThat(backend.<TimeWindow>getNamespaces(state)).containsExactly(target);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void clearingTheCurrentKeyDropsAllItsStateAndNothingElse() throws Exception {
        KeyedStateBackend<Long> backend = backend();
        States states = new States(backend);
        states.write(1L);
        states.write(2L);
        backend.setCurrentKey(1L);
        backend.clearCurrentKey();
        assertThat(states.value.value()).isNull();
        assertThat(states.list.get()).isEmpty();
        assertThat(states.map.isEmpty()).isTrue();
        assertThat(states.reducing.get()).isNull();
        assertThat(states.aggregating.get()).isNull();
        assertThat(states.withTtl.value()).isNull();
        states.windowed.setCurrentNamespace(W1);
        assertThat(((ListState<String>) states.windowed).get()).isEmpty();
        for (String state : List.of("value", "list", "map", "reducing", "aggregating", "ttl")) {
            assertThat(backend.getKeys(state, VoidNamespace.INSTANCE)).containsExactly(2L);
        }
        assertThat(backend.getKeys("windowed", W2)).containsExactly(2L);
        states.check(2L);
    }

    // ---- time to live ----

    private KeyedStateBackend<String> ttlBackend() throws Exception {
        KeyedStateBackend<String> backend =
                createBackend(
                        stateBackend(),
                        Types.STRING.createSerializer(),
                        0,
                        MAX_PARALLELISM - 1,
                        MAX_PARALLELISM);
        backend.setCurrentKey("a");
        return backend;
    }

    private static <D extends StateDescriptor<?, ?>> D ttl(D descriptor, StateTtlConfig config) {
        descriptor.enableTimeToLive(config);
        return descriptor;
    }

    private static StateTtlConfig.Builder ttl10() {
        return StateTtlConfig.newBuilder(Duration.ofMillis(10));
    }

    @Test
    void ttlValueExpiresAfterTtlSinceLastWrite() throws Exception {
        ValueState<String> state =
                ttlBackend()
                        .getOrCreateKeyedState(
                                ttl(
                                        new ValueStateDescriptor<>("v", Types.STRING),
                                        ttl10().build()));
        state.update("x");
        now += 9;
        assertThat(state.value()).isEqualTo("x");
        now += 1;
        assertThat(state.value()).isNull();
    }

    @Test
    void ttlWritesRestartTheClockAndReadsOnlyWithOnReadAndWrite() throws Exception {
        KeyedStateBackend<String> backend = ttlBackend();
        ValueState<String> onWrite =
                backend.getOrCreateKeyedState(
                        ttl(new ValueStateDescriptor<>("w", Types.STRING), ttl10().build()));
        ValueState<String> onRead =
                backend.getOrCreateKeyedState(
                        ttl(
                                new ValueStateDescriptor<>("r", Types.STRING),
                                ttl10().updateTtlOnReadAndWrite().build()));
        onWrite.update("x");
        onRead.update("y");
        now += 8;
        assertThat(onWrite.value()).isEqualTo("x");
        assertThat(onRead.value()).isEqualTo("y");
        now += 8;
        assertThat(onWrite.value()).as("reads do not extend OnCreateAndWrite").isNull();
        assertThat(onRead.value()).as("the read at +8 extended it").isEqualTo("y");
    }

    @Test
    void ttlExpiredValueCanBeReturnedOnceIfNotCleanedUp() throws Exception {
        ValueState<String> state =
                ttlBackend()
                        .getOrCreateKeyedState(
                                ttl(
                                        new ValueStateDescriptor<>("v", Types.STRING),
                                        ttl10().returnExpiredIfNotCleanedUp().build()));
        state.update("x");
        now += 20;
        assertThat(state.value()).isEqualTo("x");
        assertThat(state.value()).isNull();
    }

    @Test
    void ttlExpiredMapEntryReturnedOnceIsNotRefreshedByTheRead() throws Exception {
        MapState<String, String> state =
                ttlBackend()
                        .getOrCreateKeyedState(
                                ttl(
                                        new MapStateDescriptor<>("m", Types.STRING, Types.STRING),
                                        ttl10().updateTtlOnReadAndWrite()
                                                .returnExpiredIfNotCleanedUp()
                                                .build()));
        state.put("old", "1");
        now += 6;
        state.put("new", "2");
        now += 4;
        assertThat(state.keys()).containsExactlyInAnyOrder("old", "new");
        assertThat(state.keys()).containsExactly("new");
        now += 9;
        assertThat(state.keys()).containsExactly("new");
    }

    @Test
    void ttlKeysExpireIndependently() throws Exception {
        KeyedStateBackend<String> backend = ttlBackend();
        ValueState<Long> state =
                backend.getOrCreateKeyedState(
                        ttl(new ValueStateDescriptor<>("v", Types.LONG), ttl10().build()));
        state.update(1L);
        now += 5;
        backend.setCurrentKey("b");
        state.update(2L);
        now += 5;
        assertThat(state.value()).isEqualTo(2L);
        backend.setCurrentKey("a");
        assertThat(state.value()).isNull();
    }

    @Test
    void ttlListElementsExpireOneByOne() throws Exception {
        ListState<String> state =
                ttlBackend()
                        .getOrCreateKeyedState(
                                ttl(new ListStateDescriptor<>("l", Types.STRING), ttl10().build()));
        state.add("old");
        now += 6;
        state.add("new");
        now += 4;
        assertThat(state.get()).containsExactly("new");
        now += 6;
        assertThat(state.get()).isEmpty();
    }

    @Test
    void ttlMapEntriesExpireOneByOne() throws Exception {
        MapState<String, Integer> state =
                ttlBackend()
                        .getOrCreateKeyedState(
                                ttl(
                                        new MapStateDescriptor<>("m", Types.STRING, Types.INT),
                                        ttl10().build()));
        state.put("old", 1);
        now += 6;
        state.put("new", 2);
        now += 4;
        assertThat(state.get("old")).isNull();
        assertThat(state.contains("new")).isTrue();
        assertThat(state.entries()).containsExactly(Map.entry("new", 2));
        now += 6;
        assertThat(state.isEmpty()).isTrue();
    }

    @Test
    void ttlReducingAndAggregatingStartOverAfterExpiry() throws Exception {
        KeyedStateBackend<String> backend = ttlBackend();
        ReducingState<Long> sum =
                backend.getOrCreateKeyedState(
                        ttl(
                                new ReducingStateDescriptor<>("s", Long::sum, Types.LONG),
                                ttl10().build()));
        AggregatingState<Long, Long> count =
                backend.getOrCreateKeyedState(
                        ttl(
                                new AggregatingStateDescriptor<>("c", new Count(), Types.LONG),
                                ttl10().build()));
        for (long v : List.of(1L, 2L, 3L)) {
            sum.add(v);
            count.add(v);
        }
        assertThat(sum.get()).isEqualTo(6L);
        assertThat(count.get()).isEqualTo(3L);
        now += 10;
        assertThat(sum.get()).isNull();
        assertThat(count.get()).isNull();
        sum.add(5L);
        count.add(5L);
        assertThat(sum.get()).isEqualTo(5L);
        assertThat(count.get()).isEqualTo(1L);
    }

    @Test
    void ttlOnWindowStateIsRejectedClearly() throws Exception {
        KeyedStateBackend<String> backend = ttlBackend();
        assertThatThrownBy(
                        () ->
                                backend.getOrCreateInternalState(
                                        VoidNamespaceSerializer.INSTANCE,
                                        ttl(
                                                new ValueStateDescriptor<>("w", Types.STRING),
                                                ttl10().build())))
                .hasMessageContaining("'w' asks for a time-to-live")
                .hasMessageContaining("window");
    }

    /** Counts what is added. */
    public static final class Count implements AggregateFunction<Long, Long, Long> {
        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(Long value, Long acc) {
            return acc + 1;
        }

        @Override
        public Long getResult(Long acc) {
            return acc;
        }

        @Override
        public Long merge(Long a, Long b) {
            return a + b;
        }
    }

    // ---- snapshots ----

    @Test
    void everyKindOfStateSurvivesARestoreSplitAcrossTwoBackends() throws Exception {
        KeyedStateBackend<Long> original = backend();
        States written = new States(original);
        for (long key = 0; key < 500; key++) {
            written.write(key);
        }
        KeyedStateSnapshot snapshot = throughBytes(original.snapshot(KEYS));

        KeyedStateBackend<Long> low = backend(0, 63);
        KeyedStateBackend<Long> high = backend(64, MAX_PARALLELISM - 1);
        low.restore(List.of(snapshot));
        high.restore(List.of(snapshot));
        States lowStates = new States(low);
        States highStates = new States(high);
        for (long key = 0; key < 500; key++) {
            (isLow(key) ? lowStates : highStates).check(key);
        }
        // Each backend took only the keys of its own key groups.
        assertThat(low.getKeys("value", VoidNamespace.INSTANCE))
                .allMatch(KeyedStateBackendTestBase::isLow);
        assertThat(high.getKeys("value", VoidNamespace.INSTANCE))
                .noneMatch(KeyedStateBackendTestBase::isLow);
        assertThat(low.getKeys("windowed", W1).size() + high.getKeys("windowed", W1).size())
                .isEqualTo(500);
        assertThat(low.<TimeWindow>getNamespaces("windowed")).containsExactlyInAnyOrder(W1, W2);
    }

    @Test
    void aSnapshotHoldsTheStateAsOfTheCall() throws Exception {
        KeyedStateBackend<Long> original = backend();
        States states = new States(original);
        states.write(4L);
        KeyedStateSnapshot snapshot = original.snapshot(KEYS);
        original.setCurrentKey(4L);
        states.value.update("changed");
        states.list.add(99L);
        states.map.clear();
        original.setCurrentKey(5L);
        states.value.update("new key");

        KeyedStateBackend<Long> restored = backend();
        restored.restore(List.of(snapshot));
        new States(restored).check(4L);
        assertThat(restored.getKeys("value", VoidNamespace.INSTANCE)).containsExactly(4L);
    }

    @Test
    void timeToLiveCountsFromTheAccessBeforeTheSnapshot() throws Exception {
        KeyedStateBackend<Long> original = backend();
        new States(original).write(7L);
        KeyedStateSnapshot snapshot = original.snapshot(KEYS);
        now += 99;
        KeyedStateBackend<Long> restored = backend();
        restored.restore(List.of(snapshot));
        States states = new States(restored);
        restored.setCurrentKey(7L);
        assertThat(states.withTtl.value()).isEqualTo("t7");
        now += 200;
        assertThat(states.withTtl.value()).isNull();
    }

    @Test
    void stateNobodyAsksForIsKeptForTheNextSnapshot() throws Exception {
        KeyedStateBackend<Long> original = backend();
        new States(original).write(3L);
        KeyedStateBackend<Long> middle = backend();
        middle.restore(List.of(original.snapshot(KEYS)));
        // Nothing is registered on the middle backend; its snapshot still holds everything.
        KeyedStateBackend<Long> last = backend();
        last.restore(List.of(middle.snapshot(KEYS)));
        new States(last).check(3L);
    }

    @Test
    void claimedAndUnclaimedStatesShareTheNextSnapshot() throws Exception {
        KeyedStateBackend<Long> original = backend();
        new States(original).write(3L);
        KeyedStateBackend<Long> middle = backend();
        middle.restore(List.of(original.snapshot(KEYS)));
        ValueState<String> value =
                middle.getOrCreateKeyedState(new ValueStateDescriptor<>("value", Types.STRING));
        middle.setCurrentKey(3L);
        assertThat(value.value()).isEqualTo("v3");
        value.update("changed");
        KeyedStateBackend<Long> last = backend();
        last.restore(List.of(middle.snapshot(KEYS)));
        States states = new States(last);
        last.setCurrentKey(3L);
        assertThat(states.value.value()).isEqualTo("changed");
        states.value.update("v3");
        states.check(3L);
    }

    @Test
    void aRestoredStateMustBeAskedForWithItsKind() throws Exception {
        KeyedStateBackend<Long> original = backend();
        new States(original).write(1L);
        KeyedStateBackend<Long> restored = backend();
        restored.restore(List.of(original.snapshot(KEYS)));
        assertThatThrownBy(
                        () ->
                                restored.getOrCreateKeyedState(
                                        new ListStateDescriptor<>("value", Types.STRING)))
                .hasMessageContaining("'value' was restored as value state")
                .hasMessageContaining("cannot be used as list state");
        // The state is still there for the right kind.
        ValueState<String> value =
                restored.getOrCreateKeyedState(new ValueStateDescriptor<>("value", Types.STRING));
        restored.setCurrentKey(1L);
        assertThat(value.value()).isEqualTo("v1");
    }

    @Test
    void snapshotsFromSeveralSubtasksMerge() throws Exception {
        KeyedStateBackend<Long> a = backend(0, 63);
        KeyedStateBackend<Long> b = backend(64, MAX_PARALLELISM - 1);
        States sa = new States(a);
        States sb = new States(b);
        for (long key = 0; key < 200; key++) {
            (isLow(key) ? sa : sb).write(key);
        }
        KeyedStateBackend<Long> all = backend();
        all.restore(List.of(a.snapshot(KEYS), b.snapshot(KEYS)));
        States merged = new States(all);
        for (long key = 0; key < 200; key++) {
            merged.check(key);
        }
        assertThat(all.getKeys("value", VoidNamespace.INSTANCE)).hasSize(200);
    }

    @Test
    void restoringIsOnlyPossibleBeforeStateIsUsed() throws Exception {
        KeyedStateBackend<Long> original = backend();
        new States(original).write(1L);
        KeyedStateSnapshot snapshot = original.snapshot(KEYS);
        KeyedStateBackend<Long> used = backend();
        used.getOrCreateKeyedState(new ValueStateDescriptor<>("value", Types.STRING));
        assertThatThrownBy(() -> used.restore(List.of(snapshot)))
                .hasMessageContaining("must be restored before it is used");
    }

    @Test
    void aSnapshotOfAnotherMaximumParallelismIsRejected() throws Exception {
        KeyedStateBackend<Long> original = backend();
        States states = new States(original);
        for (long key = 0; key < 20; key++) {
            states.write(key);
        }
        KeyedStateSnapshot snapshot = original.snapshot(KEYS);
        KeyedStateBackend<Long> other =
                createBackend(
                        stateBackend(), KEYS, 0, 2 * MAX_PARALLELISM - 1, 2 * MAX_PARALLELISM);
        assertThatThrownBy(() -> other.restore(List.of(snapshot)))
                .hasMessageContaining("different maximum parallelism than 256");
    }
}

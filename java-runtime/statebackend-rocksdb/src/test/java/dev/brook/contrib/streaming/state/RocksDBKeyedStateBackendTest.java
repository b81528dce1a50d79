package dev.brook.contrib.streaming.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import dev.brook.api.common.typeinfo.Types;
import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.api.common.typeutils.base.ListSerializer;
import dev.brook.core.memory.DataInputView;
import dev.brook.core.memory.DataOutputSerializer;
import dev.brook.core.memory.DataOutputView;
import dev.brook.runtime.state.InternalKvState;
import dev.brook.runtime.state.KeyedStateBackend;
import dev.brook.runtime.state.KeyedStateBackendTestBase;
import dev.brook.runtime.state.KeyedStateSnapshot;
import dev.brook.runtime.state.StateBackend;
import dev.brook.runtime.state.VoidNamespace;
import dev.brook.runtime.state.hashmap.HashMapStateBackend;
import dev.brook.streaming.api.windowing.windows.TimeWindow;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The RocksDB backend against the behaviour every keyed state backend must have, and against the
 * heap backend: snapshots of either restore into the other (also split across key-group ranges),
 * and both write the same bytes for the same state.
 */
class RocksDBKeyedStateBackendTest extends KeyedStateBackendTestBase {

    @Override
    protected StateBackend stateBackend() {
        return new EmbeddedRocksDBStateBackend();
    }

    private KeyedStateBackend<Long> heap(int start, int end) throws Exception {
        return createBackend(new HashMapStateBackend(), KEYS, start, end, MAX_PARALLELISM);
    }

    private KeyedStateBackend<Long> rocksDB(int start, int end) throws Exception {
        return backend(start, end);
    }

    @Test
    void namesItselfAndKeepsTheIncrementalFlag() {
        assertThat(new EmbeddedRocksDBStateBackend().getName()).isEqualTo("rocksdb");
        assertThat(new EmbeddedRocksDBStateBackend().isIncrementalCheckpointsEnabled()).isFalse();
        assertThat(new EmbeddedRocksDBStateBackend(true).isIncrementalCheckpointsEnabled())
                .isTrue();
    }

    @Test
    void disposeDeletesTheDatabaseDirectory() throws Exception {
        KeyedStateBackend<Long> backend = backend();
        new States(backend).write(1L);
        try (Stream<?> files = Files.list(workingDirectory)) {
            assertThat(files).hasSize(1);
        }
        backend.dispose();
        backend.dispose();
        try (Stream<?> files = Files.list(workingDirectory)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void stateUsedAfterDisposeFailsInsteadOfCrashing() throws Exception {
        KeyedStateBackend<Long> backend = backend();
        States states = new States(backend);
        states.write(1L);
        backend.dispose();
        assertThatThrownBy(() -> states.value.value())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("used after its backend was disposed");
        assertThatThrownBy(() -> states.map.entries().iterator().hasNext())
                .hasMessageContaining("used after its backend was disposed");
        assertThatThrownBy(() -> backend.snapshot(KEYS))
                .hasMessageContaining("used after its backend was disposed");
    }

    @Test
    void heapSnapshotsRestoreIntoRocksDBSplitAcrossTwoBackends() throws Exception {
        crossRestore(heap(0, MAX_PARALLELISM - 1), rocksDB(0, 63), rocksDB(64, 127));
    }

    @Test
    void rocksDBSnapshotsRestoreIntoTheHeapSplitAcrossTwoBackends() throws Exception {
        crossRestore(rocksDB(0, MAX_PARALLELISM - 1), heap(0, 63), heap(64, 127));
    }

    @Test
    void heapSubtasksMergeIntoOneRocksDBAndBack() throws Exception {
        KeyedStateBackend<Long> low = heap(0, 63);
        KeyedStateBackend<Long> high = heap(64, MAX_PARALLELISM - 1);
        States lowStates = new States(low);
        States highStates = new States(high);
        for (long key = 0; key < 300; key++) {
            (isLow(key) ? lowStates : highStates).write(key);
        }
        KeyedStateBackend<Long> merged = rocksDB(0, MAX_PARALLELISM - 1);
        merged.restore(List.of(throughBytes(low.snapshot(KEYS)), high.snapshot(KEYS)));
        KeyedStateBackend<Long> back = heap(0, MAX_PARALLELISM - 1);
        // Nothing asked for on the RocksDB backend: its snapshot carries every restored state.
        back.restore(List.of(throughBytes(merged.snapshot(KEYS))));
        States states = new States(back);
        for (long key = 0; key < 300; key++) {
            states.check(key);
        }
    }

    private void crossRestore(
            KeyedStateBackend<Long> from, KeyedStateBackend<Long> low, KeyedStateBackend<Long> high)
            throws Exception {
        States written = new States(from);
        for (long key = 0; key < 300; key++) {
            written.write(key);
        }
        KeyedStateSnapshot snapshot = throughBytes(from.snapshot(KEYS));
        low.restore(List.of(snapshot));
        high.restore(List.of(snapshot));
        States lowStates = new States(low);
        States highStates = new States(high);
        for (long key = 0; key < 300; key++) {
            (isLow(key) ? lowStates : highStates).check(key);
        }
        assertThat(low.getKeys("value", VoidNamespace.INSTANCE))
                .allMatch(KeyedStateBackendTestBase::isLow);
        assertThat(low.getKeys("windowed", W2).size() + high.getKeys("windowed", W2).size())
                .isEqualTo(300);
    }

    /** Writes one state of one key on a heap and a RocksDB backend; their snapshots must agree. */
    private void sameBytes(Consumer<KeyedStateBackend<Long>> write) throws Exception {
        KeyedStateBackend<Long> heap = heap(0, MAX_PARALLELISM - 1);
        KeyedStateBackend<Long> rocksDB = rocksDB(0, MAX_PARALLELISM - 1);
        write.accept(heap);
        write.accept(rocksDB);
        KeyedStateSnapshot fromHeap = heap.snapshot(KEYS);
        KeyedStateSnapshot fromRocksDB = rocksDB.snapshot(KEYS);
        assertThat(fromRocksDB.states()).isEqualTo(fromHeap.states());
        assertThat(fromRocksDB.keyGroups().keySet()).isEqualTo(fromHeap.keyGroups().keySet());
        assertThat(fromHeap.keyGroups()).isNotEmpty();
        for (int keyGroup : fromHeap.keyGroups().keySet()) {
            assertThat(fromRocksDB.keyGroups().get(keyGroup))
                    .as("key group %d", keyGroup)
                    .isEqualTo(fromHeap.keyGroups().get(keyGroup));
        }
    }

    private interface Write {
        void to(KeyedStateBackend<Long> backend) throws Exception;
    }

    private static Consumer<KeyedStateBackend<Long>> unchecked(Write write) {
        return backend -> {
            try {
                backend.setCurrentKey(42L);
                write.to(backend);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
    }

    @Test
    void bothBackendsWriteTheSameBytesForEveryKindOfState() throws Exception {
        sameBytes(
                unchecked(
                        b ->
                                b.getOrCreateKeyedState(
                                                new ValueStateDescriptor<>("v", Types.STRING))
                                        .update("x")));
        sameBytes(
                unchecked(
                        b -> {
                            ListState<Long> list =
                                    b.getOrCreateKeyedState(
                                            new ListStateDescriptor<>("l", Types.LONG));
                            for (long i = 0; i < 11; i++) {
                                list.add(i);
                            }
                        }));
        sameBytes(
                unchecked(
                        b -> {
                            MapState<String, Integer> map =
                                    b.getOrCreateKeyedState(
                                            new MapStateDescriptor<>("m", Types.STRING, Types.INT));
                            map.put("k", 1);
                        }));
        sameBytes(
                unchecked(
                        b -> {
                            MapState<String, Integer> map =
                                    b.getOrCreateKeyedState(
                                            new MapStateDescriptor<>("m", Types.STRING, Types.INT));
                            map.put("k", null);
                        }));
        sameBytes(
                unchecked(
                        b -> {
                            ReducingState<Long> reducing =
                                    b.getOrCreateKeyedState(
                                            new ReducingStateDescriptor<>(
                                                    "r", Long::sum, Types.LONG));
                            reducing.add(3L);
                            reducing.add(4L);
                        }));
        sameBytes(
                unchecked(
                        b ->
                                b.getOrCreateKeyedState(
                                                new AggregatingStateDescriptor<>(
                                                        "a", new Count(), Types.LONG))
                                        .add(5L)));
        for (String kind : List.of("value", "list", "map")) {
            sameBytes(unchecked(b -> writeWithTtl(b, kind)));
        }
        sameBytes(
                unchecked(
                        b -> {
                            InternalKvState<Long, TimeWindow> windowed =
                                    b.getOrCreateInternalState(
                                            new TimeWindow.Serializer(),
                                            new ListStateDescriptor<>("w", Types.STRING));
                            windowed.setCurrentNamespace(W1);
                            @SuppressWarnings("unchecked")
                            ListState<String> list = (ListState<String>) windowed;
                            list.add("in w1");
                        }));
    }

    private void writeWithTtl(KeyedStateBackend<Long> backend, String kind) throws Exception {
        StateTtlConfig ttl = StateTtlConfig.newBuilder(Duration.ofMinutes(1)).build();
        switch (kind) {
            case "value" -> {
                ValueStateDescriptor<String> d = new ValueStateDescriptor<>("tv", Types.STRING);
                d.enableTimeToLive(ttl);
                backend.getOrCreateKeyedState(d).update("x");
            }
            case "list" -> {
                ListStateDescriptor<String> d = new ListStateDescriptor<>("tl", Types.STRING);
                d.enableTimeToLive(ttl);
                backend.getOrCreateKeyedState(d).add("x");
            }
            default -> {
                MapStateDescriptor<String, String> d =
                        new MapStateDescriptor<>("tm", Types.STRING, Types.STRING);
                d.enableTimeToLive(ttl);
                backend.getOrCreateKeyedState(d).put("k", "x");
            }
        }
    }

    /**
     * Prefix scans (a map's entries, clearing a map) only see their hash bucket of the memtable and
     * their prefix in the files; with thousands of keys, half of the entries flushed to files by a
     * checkpoint, every key must still see exactly its own entries, and listings all of them.
     */
    @Test
    @SuppressWarnings("unchecked")
    void prefixScansAndListingsSeeExactlyTheirEntriesInMemoryAndInFiles() throws Exception {
        KeyedStateBackend<Long> backend =
                createBackend(
                        new EmbeddedRocksDBStateBackend(true),
                        KEYS,
                        0,
                        MAX_PARALLELISM - 1,
                        MAX_PARALLELISM);
        MapState<Integer, String> map =
                backend.getOrCreateKeyedState(
                        new MapStateDescriptor<>("m", Types.INT, Types.STRING));
        InternalKvState<Long, TimeWindow> windowed =
                backend.getOrCreateInternalState(
                        new TimeWindow.Serializer(),
                        new ReducingStateDescriptor<>("w", Long::sum, Types.LONG));
        ReducingState<Long> sums = (ReducingState<Long>) windowed;
        int keys = 3000;
        for (long key = 0; key < keys; key++) {
            backend.setCurrentKey(key);
            for (int i = 0; i < 3; i++) {
                map.put((int) key * 10 + i, "v");
            }
            windowed.setCurrentNamespace(W1);
            sums.add(key);
            if (key % 2 == 0) {
                windowed.setCurrentNamespace(W2);
                sums.add(key);
            }
        }
        // A checkpoint flushes the memtables: what follows lands in memory over files.
        backend.snapshot(1, KEYS);
        backend.notifyCheckpointAborted(1);
        for (long key = 0; key < keys; key++) {
            backend.setCurrentKey(key);
            if (key % 3 == 0) {
                map.put((int) key * 10 + 3, "v");
                windowed.setCurrentNamespace(W2);
                sums.add(key);
            }
            if (key % 5 == 0) {
                map.clear();
            }
        }
        List<Long> inW2 = new ArrayList<>();
        for (long key = 0; key < keys; key++) {
            backend.setCurrentKey(key);
            List<Integer> entries = new ArrayList<>();
            for (int i = 0; key % 5 != 0 && i < (key % 3 == 0 ? 4 : 3); i++) {
                entries.add((int) key * 10 + i);
            }
            assertThat(map.keys())
                    .as("map of key %d", key)
                    .containsExactlyInAnyOrderElementsOf(entries);
            windowed.setCurrentNamespace(W2);
            if (key % 2 == 0 || key % 3 == 0) {
                inW2.add(key);
                assertThat(sums.get())
                        .isEqualTo((key % 2 == 0 ? key : 0) + (key % 3 == 0 ? key : 0));
            } else {
                assertThat(sums.get()).isNull();
            }
        }
        assertThat(backend.getKeys("w", W1)).hasSize(keys);
        assertThat(backend.getKeys("w", W2)).containsExactlyInAnyOrderElementsOf(inW2);
        assertThat(backend.getKeys("m", VoidNamespace.INSTANCE))
                .hasSize(keys - keys / 5)
                .noneMatch(k -> k % 5 == 0);
    }

    /**
     * Listing a window's keys matches entries by the namespace's serialized bytes at the end of the
     * RocksDB key; an entry whose namespace merely ends with those bytes is not in it.
     */
    @Test
    @SuppressWarnings("unchecked")
    void listingANamespaceMatchesWholeNamespacesOnly() throws Exception {
        TypeSerializer<String> strings = Types.STRING.createSerializer();
        String shorter = "c";
        String longer = "\u0002c";
        assertThat(bytesOf(strings, longer)).endsWith(bytesOf(strings, shorter));
        KeyedStateBackend<Long> backend = backend();
        InternalKvState<Long, String> named =
                backend.getOrCreateInternalState(
                        strings, new ValueStateDescriptor<>("named", Types.LONG));
        ValueState<Long> value = (ValueState<Long>) named;
        backend.setCurrentKey(1L);
        named.setCurrentNamespace(longer);
        value.update(1L);
        backend.setCurrentKey(2L);
        named.setCurrentNamespace(shorter);
        value.update(2L);
        assertThat(backend.getKeys("named", shorter)).containsExactly(2L);
        assertThat(backend.getKeys("named", longer)).containsExactly(1L);
        assertThat(backend.<String>getNamespaces("named"))
                .containsExactlyInAnyOrder(shorter, longer);
    }

    private static <T> byte[] bytesOf(TypeSerializer<T> serializer, T value) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(16);
        serializer.serialize(value, out);
        return out.toByteArray();
    }

    @Test
    void aRestoredStateWithOtherSerializersIsRewrittenWhenClaimed() throws Exception {
        KeyedStateBackend<Long> original = rocksDB(0, MAX_PARALLELISM - 1);
        ListState<Long> list =
                original.getOrCreateKeyedState(new ListStateDescriptor<>("l", Types.LONG));
        for (long key = 0; key < 50; key++) {
            original.setCurrentKey(key);
            list.add(key);
            list.add(key + 1);
        }
        KeyedStateSnapshot snapshot = original.snapshot(KEYS);
        // The same entries, described with a serializer that is equal in bytes but not in equals().
        KeyedStateSnapshot.StateMeta meta = snapshot.states().get(0);
        KeyedStateSnapshot relabelled =
                new KeyedStateSnapshot(
                        List.of(
                                new KeyedStateSnapshot.StateMeta(
                                        meta.name(),
                                        meta.kind(),
                                        meta.timeToLive(),
                                        meta.namespaceSerializer(),
                                        meta.keySerializer(),
                                        new ListSerializer<>(new OtherLongSerializer()))),
                        snapshot.keyGroups());
        KeyedStateBackend<Long> restored = rocksDB(0, MAX_PARALLELISM - 1);
        restored.restore(List.of(relabelled));
        ListState<Long> restoredList =
                restored.getOrCreateKeyedState(new ListStateDescriptor<>("l", Types.LONG));
        for (long key = 0; key < 50; key++) {
            restored.setCurrentKey(key);
            assertThat(restoredList.get()).containsExactly(key, key + 1);
        }
        assertThat(restored.snapshot(KEYS).states().get(0).valueSerializer())
                .isEqualTo(meta.valueSerializer());
    }

    /** Writes longs like the long serializer, but is a different serializer. */
    static final class OtherLongSerializer extends TypeSerializer<Long> {
        private static final long serialVersionUID = 1L;
        private static final TypeSerializer<Long> LONGS = Types.LONG.createSerializer();

        @Override
        public boolean isImmutableType() {
            return true;
        }

        @Override
        public TypeSerializer<Long> duplicate() {
            return this;
        }

        @Override
        public Long createInstance() {
            return 0L;
        }

        @Override
        public Long copy(Long from) {
            return from;
        }

        @Override
        public int getLength() {
            return 8;
        }

        @Override
        public void serialize(Long record, DataOutputView target) throws IOException {
            LONGS.serialize(record, target);
        }

        @Override
        public Long deserialize(DataInputView source) throws IOException {
            return LONGS.deserialize(source);
        }

        @Override
        public boolean equals(Object obj) {
            return obj instanceof OtherLongSerializer;
        }

        @Override
        public int hashCode() {
            return 7;
        }
    }
}

package dev.brook.contrib.streaming.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brook.api.common.state.ListState;
import dev.brook.api.common.state.ListStateDescriptor;
import dev.brook.api.common.state.MapState;
import dev.brook.api.common.state.MapStateDescriptor;
import dev.brook.api.common.state.ValueState;
import dev.brook.api.common.state.ValueStateDescriptor;
import dev.brook.api.common.typeinfo.Types;
import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.configuration.Configuration;
import dev.brook.runtime.checkpoint.CheckpointStorageLocation;
import dev.brook.runtime.checkpoint.FileStateHandle;
import dev.brook.runtime.checkpoint.OperatorSnapshot;
import dev.brook.runtime.checkpoint.OperatorSubtaskState;
import dev.brook.runtime.state.IncrementalKeyedStateHandle;
import dev.brook.runtime.state.KeyGroupRange;
import dev.brook.runtime.state.KeyGroupRangeAssignment;
import dev.brook.runtime.state.KeyedStateBackend;
import dev.brook.runtime.state.KeyedStateBackendParameters;
import dev.brook.runtime.state.KeyedStateHandle;
import dev.brook.runtime.state.KeyedStateSnapshot;
import dev.brook.runtime.state.StateBackend;
import dev.brook.runtime.state.StateBackendLoader;
import dev.brook.runtime.state.VoidNamespace;
import dev.brook.runtime.state.hashmap.HashMapStateBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental checkpoints of the RocksDB backend, without a cluster: which SST files each
 * checkpoint uploads, restores at the same and at other key-group ranges, what happens to the files
 * of aborted checkpoints, the full form for savepoints and in-memory checkpoints, and the
 * configuration.
 */
class RocksDBIncrementalCheckpointTest {

    private static final int MAX_PARALLELISM = 128;
    private static final TypeSerializer<Long> KEYS = Types.LONG.createSerializer();
    private static final ClassLoader CLASS_LOADER =
            RocksDBIncrementalCheckpointTest.class.getClassLoader();

    @TempDir Path workingDirectory;
    @TempDir Path jobDirectory;

    private final List<KeyedStateBackend<?>> created = new ArrayList<>();

    @AfterEach
    void disposeBackends() {
        created.forEach(KeyedStateBackend::dispose);
    }

    private KeyedStateBackend<Long> backend(StateBackend kind, KeyGroupRange range)
            throws Exception {
        KeyedStateBackend<Long> backend =
                kind.createKeyedStateBackend(
                        new KeyedStateBackendParameters<>(
                                "op_" + created.size(),
                                KEYS,
                                range,
                                MAX_PARALLELISM,
                                workingDirectory,
                                () -> 0L));
        created.add(backend);
        return backend;
    }

    private KeyedStateBackend<Long> incremental(KeyGroupRange range) throws Exception {
        return backend(new EmbeddedRocksDBStateBackend(true), range);
    }

    private static KeyGroupRange rangeOf(int subtask, int parallelism) {
        return KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(
                MAX_PARALLELISM, parallelism, subtask);
    }

    private CheckpointStorageLocation checkpointLocation(long id) throws Exception {
        Path directory = Files.createDirectories(jobDirectory.resolve("chk-" + id));
        Path shared = Files.createDirectories(jobDirectory.resolve("shared"));
        return CheckpointStorageLocation.forCheckpoint(directory, shared);
    }

    /**
     * Takes checkpoint {@code id} of {@code backend} as a task does (synchronous part, then the
     * write) and reads it back from the operator's snapshot bytes and its subtask state.
     */
    private static KeyedStateHandle checkpoint(
            KeyedStateBackend<Long> backend, long id, CheckpointStorageLocation location)
            throws Exception {
        KeyedStateBackend.PendingSnapshot pending = backend.snapshot(id, KEYS);
        KeyedStateHandle keyed = pending.write(location);
        List<FileStateHandle> shared =
                keyed instanceof IncrementalKeyedStateHandle incremental
                        ? incremental.sharedState()
                        : List.of();
        OperatorSubtaskState state =
                new OperatorSubtaskState(
                        location.write(
                                out ->
                                        OperatorSnapshot.withoutKeyedState(null, Map.of())
                                                .writeTo(keyed, out)),
                        backend.getKeyGroupRange(),
                        false,
                        false,
                        shared);
        return OperatorSnapshot.read(state, CLASS_LOADER).keyed();
    }

    private Set<Path> sharedFiles() throws Exception {
        Path shared = jobDirectory.resolve("shared");
        if (!Files.exists(shared)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(shared)) {
            return new HashSet<>(files.toList());
        }
    }

    private static Set<Path> paths(IncrementalKeyedStateHandle handle) {
        Set<Path> paths = new HashSet<>();
        handle.sharedFiles().values().forEach(f -> paths.add(f.filePath()));
        return paths;
    }

    /** A value, a list and a map per key, with values that depend on the key and a version. */
    private static final class States {
        final KeyedStateBackend<Long> backend;
        final ValueState<String> value;
        final ListState<Long> list;
        final MapState<String, Long> map;

        States(KeyedStateBackend<Long> backend) {
            this.backend = backend;
            value = backend.getOrCreateKeyedState(new ValueStateDescriptor<>("v", Types.STRING));
            list = backend.getOrCreateKeyedState(new ListStateDescriptor<>("l", Types.LONG));
            map =
                    backend.getOrCreateKeyedState(
                            new MapStateDescriptor<>("m", Types.STRING, Types.LONG));
        }

        void write(long key, int version) throws Exception {
            backend.setCurrentKey(key);
            value.update("value-" + key + "-" + version);
            list.add(key * 10 + version);
            map.put("k" + version, key);
        }

        void check(long key, int versions) throws Exception {
            backend.setCurrentKey(key);
            assertThat(value.value()).isEqualTo("value-" + key + "-" + (versions - 1));
            List<Long> elements = new ArrayList<>();
            list.get().forEach(elements::add);
            List<Long> expected = new ArrayList<>();
            for (int v = 0; v < versions; v++) {
                expected.add(key * 10 + v);
            }
            assertThat(elements).as("list of key %d", key).isEqualTo(expected);
            assertThat(map.get("k" + (versions - 1))).isEqualTo(key);
        }
    }

    /** Writes {@code keys} on the backends that own them, each key {@code versions} times. */
    private static void writeAll(List<States> states, int keys, int versions) throws Exception {
        for (int v = 0; v < versions; v++) {
            for (long key = 0; key < keys; key++) {
                owner(states, key).write(key, v);
            }
        }
    }

    private static States owner(List<States> states, long key) {
        int keyGroup = KeyGroupRangeAssignment.assignToKeyGroup(key, MAX_PARALLELISM);
        return states.stream()
                .filter(s -> s.backend.getKeyGroupRange().contains(keyGroup))
                .findFirst()
                .orElseThrow();
    }

    private static void checkAll(List<States> states, int keys, int versions) throws Exception {
        for (long key = 0; key < keys; key++) {
            owner(states, key).check(key, versions);
        }
        for (States s : states) {
            for (Long key : s.backend.getKeys("v", VoidNamespace.INSTANCE)) {
                int keyGroup = KeyGroupRangeAssignment.assignToKeyGroup(key, MAX_PARALLELISM);
                assertThat(s.backend.getKeyGroupRange().contains(keyGroup))
                        .as("key %d restored outside its key groups", key)
                        .isTrue();
            }
        }
    }

    @Test
    void aCheckpointUploadsOnlySstFilesThatNoCompletedCheckpointUploaded() throws Exception {
        KeyedStateBackend<Long> backend = incremental(rangeOf(0, 1));
        States states = new States(backend);
        writeAll(List.of(states), 200, 1);

        IncrementalKeyedStateHandle first =
                (IncrementalKeyedStateHandle) checkpoint(backend, 1, checkpointLocation(1));
        // One SST file per state: the checkpoint flushed the memtables.
        assertThat(first.sharedFiles()).hasSize(3).allSatisfy((name, f) -> name.endsWith(".sst"));
        assertThat(first.privateFiles().keySet()).anyMatch(name -> name.equals("CURRENT"));
        assertThat(sharedFiles()).isEqualTo(paths(first));
        backend.notifyCheckpointComplete(1);

        writeAll(List.of(states), 100, 2);
        Set<Path> before = sharedFiles();
        IncrementalKeyedStateHandle second =
                (IncrementalKeyedStateHandle) checkpoint(backend, 2, checkpointLocation(2));
        Set<Path> uploaded = new HashSet<>(sharedFiles());
        uploaded.removeAll(before);
        // The first checkpoint's files are referenced, only the new flushes are uploaded.
        assertThat(paths(second)).containsAll(paths(first));
        assertThat(uploaded).hasSize(3);
        assertThat(paths(second)).hasSize(6).containsAll(uploaded);

        // Checkpoint 2 never completed: checkpoint 3 uploads its files again.
        writeAll(List.of(states), 10, 3);
        IncrementalKeyedStateHandle third =
                (IncrementalKeyedStateHandle) checkpoint(backend, 3, checkpointLocation(3));
        assertThat(paths(third)).containsAll(paths(first)).doesNotContainAnyElementsOf(uploaded);
        assertThat(paths(third)).hasSize(9);
    }

    @Test
    void aCompletedSavepointDoesNotStopCheckpointsFromReusingFiles(@TempDir Path savepoint)
            throws Exception {
        KeyedStateBackend<Long> backend = incremental(rangeOf(0, 1));
        States states = new States(backend);
        writeAll(List.of(states), 100, 1);
        IncrementalKeyedStateHandle first =
                (IncrementalKeyedStateHandle) checkpoint(backend, 1, checkpointLocation(1));
        backend.notifyCheckpointComplete(1);
        checkpoint(backend, 2, CheckpointStorageLocation.forSavepoint(savepoint));
        backend.notifyCheckpointComplete(2);

        writeAll(List.of(states), 10, 2);
        IncrementalKeyedStateHandle third =
                (IncrementalKeyedStateHandle) checkpoint(backend, 3, checkpointLocation(3));
        assertThat(paths(third)).containsAll(paths(first));
    }

    @Test
    void theLocalRocksDBCheckpointIsDeletedOnceWritten() throws Exception {
        KeyedStateBackend<Long> backend = incremental(rangeOf(0, 1));
        writeAll(List.of(new States(backend)), 50, 1);
        checkpoint(backend, 1, checkpointLocation(1));
        checkpoint(backend, 2, CheckpointStorageLocation.IN_MEMORY);
        try (Stream<Path> entries = Files.list(workingDirectory)) {
            // Only the database itself.
            assertThat(entries).hasSize(1);
        }
    }

    @Test
    void restoringAtTheSameKeyGroupsGivesTheSameStateAndUploadsEverythingAgain() throws Exception {
        KeyedStateBackend<Long> original = incremental(rangeOf(0, 1));
        writeAll(List.of(new States(original)), 300, 2);
        IncrementalKeyedStateHandle handle =
                (IncrementalKeyedStateHandle) checkpoint(original, 1, checkpointLocation(1));
        original.notifyCheckpointComplete(1);

        KeyedStateBackend<Long> restored = incremental(rangeOf(0, 1));
        restored.restoreIncremental(List.of(handle));
        States states = new States(restored);
        checkAll(List.of(states), 300, 2);

        // The restored backend owns none of the old files: its first checkpoint uploads anew.
        states.write(7, 2);
        IncrementalKeyedStateHandle next =
                (IncrementalKeyedStateHandle) checkpoint(restored, 2, checkpointLocation(2));
        assertThat(paths(next)).doesNotContainAnyElementsOf(paths(handle));
        KeyedStateBackend<Long> again = incremental(rangeOf(0, 1));
        again.restoreIncremental(List.of(next));
        new States(again).check(7, 3);
        checkAll(List.of(new States(again)), 7, 2);
    }

    @Test
    void restoringAtAnotherParallelismKeepsEachBackendsKeyGroups() throws Exception {
        int keys = 500;
        List<States> two = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            two.add(new States(incremental(rangeOf(i, 2))));
        }
        writeAll(two, keys, 2);
        List<IncrementalKeyedStateHandle> fromTwo = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            fromTwo.add(
                    (IncrementalKeyedStateHandle)
                            checkpoint(two.get(i).backend, 1, checkpointLocation(1)));
        }

        // 2 -> 3: each new backend copies its key groups out of the old ones that overlap.
        List<States> three = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            KeyedStateBackend<Long> backend = incremental(rangeOf(i, 3));
            backend.restoreIncremental(fromTwo);
            three.add(new States(backend));
        }
        checkAll(three, keys, 2);

        writeAll(three, keys, 1);
        List<IncrementalKeyedStateHandle> fromThree = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            three.get(i).backend.notifyCheckpointComplete(1);
            fromThree.add(
                    (IncrementalKeyedStateHandle)
                            checkpoint(three.get(i).backend, 2, checkpointLocation(2)));
        }

        // 3 -> 1.
        KeyedStateBackend<Long> one = incremental(rangeOf(0, 1));
        one.restoreIncremental(fromThree);
        States merged = new States(one);
        for (long key = 0; key < keys; key++) {
            one.setCurrentKey(key);
            assertThat(merged.value.value()).isEqualTo("value-" + key + "-0");
            List<Long> elements = new ArrayList<>();
            merged.list.get().forEach(elements::add);
            assertThat(elements).containsExactly(key * 10, key * 10 + 1, key * 10);
        }
        assertThat(one.getKeys("v", VoidNamespace.INSTANCE)).hasSize(keys);
    }

    @Test
    void restoredStatesNobodyAskedForAreInTheNextCheckpoint() throws Exception {
        KeyedStateBackend<Long> original = incremental(rangeOf(0, 1));
        writeAll(List.of(new States(original)), 100, 1);
        KeyedStateHandle first = checkpoint(original, 1, checkpointLocation(1));

        KeyedStateBackend<Long> restored = incremental(rangeOf(0, 1));
        restored.restoreIncremental(List.of((IncrementalKeyedStateHandle) first));
        KeyedStateHandle second = checkpoint(restored, 2, checkpointLocation(2));

        KeyedStateBackend<Long> last = incremental(rangeOf(0, 1));
        last.restoreIncremental(List.of((IncrementalKeyedStateHandle) second));
        checkAll(List.of(new States(last)), 100, 1);
    }

    @Test
    void aHeapBackendRefusesIncrementalStateAndSaysWhatToDo() throws Exception {
        KeyedStateBackend<Long> rocksDB = incremental(rangeOf(0, 1));
        writeAll(List.of(new States(rocksDB)), 10, 1);
        IncrementalKeyedStateHandle handle =
                (IncrementalKeyedStateHandle) checkpoint(rocksDB, 1, checkpointLocation(1));
        KeyedStateBackend<Long> heap = backend(new HashMapStateBackend(), rangeOf(0, 1));

        assertThatThrownBy(() -> heap.restoreIncremental(List.of(handle)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(
                        "this checkpoint was taken with incremental RocksDB state; restore it"
                                + " with the rocksdb backend, or take a savepoint");
    }

    @Test
    void savepointsAndInMemoryCheckpointsAreFullAndRestoreIntoTheHeap(@TempDir Path savepoint)
            throws Exception {
        KeyedStateBackend<Long> rocksDB = incremental(rangeOf(0, 1));
        writeAll(List.of(new States(rocksDB)), 100, 2);

        for (CheckpointStorageLocation location :
                List.of(
                        CheckpointStorageLocation.forSavepoint(savepoint),
                        CheckpointStorageLocation.IN_MEMORY)) {
            KeyedStateHandle handle = checkpoint(rocksDB, 1, location);
            assertThat(handle).isInstanceOf(KeyedStateSnapshot.class);
            KeyedStateBackend<Long> heap = backend(new HashMapStateBackend(), rangeOf(0, 1));
            heap.restore(List.of((KeyedStateSnapshot) handle));
            checkAll(List.of(new States(heap)), 100, 2);
        }
        assertThat(sharedFiles()).isEmpty();
        // The same bytes as a full snapshot taken on the task thread.
        KeyedStateSnapshot direct = rocksDB.snapshot(KEYS);
        KeyedStateSnapshot viaCheckpoint =
                (KeyedStateSnapshot) checkpoint(rocksDB, 2, CheckpointStorageLocation.IN_MEMORY);
        assertThat(viaCheckpoint.keyGroups().keySet()).isEqualTo(direct.keyGroups().keySet());
        for (int keyGroup : direct.keyGroups().keySet()) {
            assertThat(viaCheckpoint.keyGroups().get(keyGroup))
                    .isEqualTo(direct.keyGroups().get(keyGroup));
        }
    }

    @Test
    void anAbortedCheckpointDeletesWhatItUploaded() throws Exception {
        KeyedStateBackend<Long> backend = incremental(rangeOf(0, 1));
        States states = new States(backend);
        writeAll(List.of(states), 100, 1);
        IncrementalKeyedStateHandle first =
                (IncrementalKeyedStateHandle) checkpoint(backend, 1, checkpointLocation(1));
        backend.notifyCheckpointComplete(1);

        writeAll(List.of(states), 50, 2);
        checkpoint(backend, 2, checkpointLocation(2));
        backend.notifyCheckpointAborted(2);
        // The completed checkpoint's files stay, the aborted one's new files are gone.
        assertThat(sharedFiles()).isEqualTo(paths(first));

        // Aborted before its files were written: the write fails and leaves nothing behind.
        KeyedStateBackend.PendingSnapshot pending = backend.snapshot(3, KEYS);
        backend.notifyCheckpointAborted(3);
        CheckpointStorageLocation location = checkpointLocation(3);
        assertThatThrownBy(() -> pending.write(location)).hasMessageContaining("aborted");
        assertThat(sharedFiles()).isEqualTo(paths(first));
        try (Stream<Path> entries = Files.list(workingDirectory)) {
            assertThat(entries).hasSize(1);
        }
    }

    @Test
    void incrementalCheckpointsAreConfiguredUnlessTheProgramChose() {
        Configuration on = new Configuration();
        on.setString("state.backend.type", "rocksdb");
        on.setString("state.backend.incremental", "true");
        ClassLoader loader = CLASS_LOADER;

        assertThat(StateBackendLoader.load(null, on, loader))
                .isInstanceOfSatisfying(
                        EmbeddedRocksDBStateBackend.class,
                        b -> assertThat(b.isIncrementalCheckpointsEnabled()).isTrue());
        assertThat(StateBackendLoader.load(new EmbeddedRocksDBStateBackend(), on, loader))
                .isInstanceOfSatisfying(
                        EmbeddedRocksDBStateBackend.class,
                        b -> assertThat(b.isIncrementalCheckpointsEnabled()).isTrue());
        assertThat(StateBackendLoader.load(new EmbeddedRocksDBStateBackend(false), on, loader))
                .isInstanceOfSatisfying(
                        EmbeddedRocksDBStateBackend.class,
                        b -> assertThat(b.isIncrementalCheckpointsEnabled()).isFalse());

        Configuration off = new Configuration();
        off.setString("state.backend.type", "rocksdb");
        assertThat(StateBackendLoader.load(null, off, loader))
                .isInstanceOfSatisfying(
                        EmbeddedRocksDBStateBackend.class,
                        b -> assertThat(b.isIncrementalCheckpointsEnabled()).isFalse());
        assertThat(StateBackendLoader.load(new EmbeddedRocksDBStateBackend(true), off, loader))
                .isInstanceOfSatisfying(
                        EmbeddedRocksDBStateBackend.class,
                        b -> assertThat(b.isIncrementalCheckpointsEnabled()).isTrue());
    }
}

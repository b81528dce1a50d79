package dev.brook.contrib.streaming.state;

import dev.brook.api.common.state.AggregatingStateDescriptor;
import dev.brook.api.common.state.ReducingStateDescriptor;
import dev.brook.api.common.state.State;
import dev.brook.api.common.state.StateDescriptor;
import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.core.memory.DataInputDeserializer;
import dev.brook.core.memory.DataOutputSerializer;
import dev.brook.runtime.checkpoint.FileStateHandle;
import dev.brook.runtime.state.IncrementalKeyedStateHandle;
import dev.brook.runtime.state.InternalKvState;
import dev.brook.runtime.state.KeyGroupRange;
import dev.brook.runtime.state.KeyGroupRangeAssignment;
import dev.brook.runtime.state.KeyedStateBackend;
import dev.brook.runtime.state.KeyedStateBackendParameters;
import dev.brook.runtime.state.KeyedStateSnapshot;
import dev.brook.runtime.state.StateChecks;
import dev.brook.runtime.state.VoidNamespace;
import dev.brook.runtime.state.VoidNamespaceSerializer;
import dev.brook.runtime.state.ttl.TtlStates;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksIterator;
import org.rocksdb.Snapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keyed state in an embedded RocksDB (the {@code rocksdb} backend): serialized, one column family
 * per state (layout in {@link StateColumn}), in a database of its own ({@link RocksDBStore}) under
 * the task's working directory. State may outgrow the heap; every access serializes, and reads also
 * deserialize. The current key is serialized once, when a state first needs it after {@link
 * #setCurrentKey}.
 *
 * <p>Checkpoints are full snapshots taken on the task thread, or, with incremental checkpoints,
 * RocksDB checkpoints whose new files are uploaded on an I/O thread ({@link
 * RocksDBIncrementalSnapshots}). Such files are restored by opening them as the database when they
 * hold exactly this backend's key groups, and otherwise by copying this backend's key groups out of
 * each of them (a range scan per state, since a key starts with its key group).
 *
 * <p>Threading model: task thread only, but for the asynchronous part of incremental checkpoints.
 */
final class RocksDBKeyedStateBackend<K> implements KeyedStateBackend<K> {

    private static final Logger LOG = LoggerFactory.getLogger(RocksDBKeyedStateBackend.class);

    private final KeyGroupRange keyGroupRange;
    private final int maxParallelism;
    private final TypeSerializer<K> keySerializer;
    private final LongSupplier ttlClock;
    private final Path workingDirectory;
    private final String owner;

    /** Replaced once if a restore opens checkpoint files as the database. */
    private RocksDBStore store;

    /** Null when checkpoints are full snapshots. */
    private final RocksDBIncrementalSnapshots incrementalSnapshots;

    private K currentKey;
    private int currentKeyGroup;

    /** Key group and key of the current key, valid while {@link #currentKeySerialized}. */
    private final DataOutputSerializer currentKeyBytes = new DataOutputSerializer(32);

    private boolean currentKeySerialized;

    /** The current key's prefix, for {@link #clearCurrentKey()}. */
    private final DataOutputSerializer clearKey = new DataOutputSerializer(32);

    private record Registered(
            StateDescriptor<?, ?> descriptor,
            Object state,
            StateColumn column,
            boolean timeToLive) {}

    /** In registration order, so that snapshots list states in a stable order. */
    private final Map<String, Registered> states = new LinkedHashMap<>();

    /** Restored states that no operator has asked for yet. */
    private final Map<String, StateColumn> restored = new LinkedHashMap<>();

    RocksDBKeyedStateBackend(
            KeyedStateBackendParameters<K> parameters, boolean incrementalCheckpoints)
            throws IOException {
        this.keyGroupRange = parameters.keyGroupRange();
        this.maxParallelism = parameters.maxParallelism();
        this.keySerializer = parameters.keySerializer();
        this.ttlClock = parameters.ttlClock();
        this.workingDirectory = parameters.workingDirectory();
        this.owner = parameters.operatorIdentifier();
        this.store = RocksDBStore.create(workingDirectory, owner);
        this.incrementalSnapshots =
                incrementalCheckpoints
                        ? new RocksDBIncrementalSnapshots(owner, keyGroupRange)
                        : null;
    }

    @Override
    public void setCurrentKey(K key) {
        currentKey = key;
        currentKeyGroup = KeyGroupRangeAssignment.assignToKeyGroup(key, maxParallelism);
        currentKeySerialized = false;
    }

    @Override
    public K getCurrentKey() {
        return currentKey;
    }

    @Override
    public int getCurrentKeyGroup() {
        return currentKeyGroup;
    }

    @Override
    public KeyGroupRange getKeyGroupRange() {
        return keyGroupRange;
    }

    /**
     * Appends the start of the current key's RocksDB keys to {@code out}: key group, key hash and
     * serialized key ({@link StateColumn}).
     */
    @SuppressWarnings("unchecked")
    void writeCurrentKey(DataOutputSerializer out) {
        if (!currentKeySerialized) {
            currentKeyBytes.clear();
            try {
                StateColumn.writeKeyPrefix(
                        currentKeyBytes,
                        currentKeyGroup,
                        (TypeSerializer<Object>) keySerializer,
                        currentKey);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot serialize key " + currentKey, e);
            }
            currentKeySerialized = true;
        }
        out.write(currentKeyBytes.getSharedBuffer(), 0, currentKeyBytes.length());
    }

    // ---- states ----

    @Override
    @SuppressWarnings("unchecked")
    public <S extends State> S getOrCreateKeyedState(StateDescriptor<S, ?> descriptor) {
        if (!descriptor.getTtlConfig().isEnabled()) {
            return (S) getOrCreateInternalState(VoidNamespaceSerializer.INSTANCE, descriptor);
        }
        Registered existing = states.get(descriptor.getName());
        if (existing != null) {
            StateChecks.checkSameAsRegistered(
                    existing.descriptor(), existing.timeToLive(), descriptor, true);
            return (S) existing.state();
        }
        StateColumn column = columnFor(descriptor, VoidNamespaceSerializer.INSTANCE, true);
        Object ns = VoidNamespace.INSTANCE;
        S state =
                (S)
                        TtlStates.decorate(
                                descriptor,
                                ttlClock,
                                () -> new RocksDBValueState<>(this, column, ns),
                                () -> new RocksDBListState<>(this, column, ns),
                                () -> new RocksDBMapState<>(this, column, ns));
        states.put(descriptor.getName(), new Registered(descriptor, state, column, true));
        return state;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <N, S extends State> InternalKvState<K, N> getOrCreateInternalState(
            TypeSerializer<N> namespaceSerializer, StateDescriptor<S, ?> descriptor) {
        Registered existing = states.get(descriptor.getName());
        if (existing != null) {
            StateChecks.checkSameAsRegistered(
                    existing.descriptor(), existing.timeToLive(), descriptor, false);
            return (InternalKvState<K, N>) existing.state();
        }
        StateChecks.checkNoTtlForNamespacedState(descriptor);
        StateColumn column = columnFor(descriptor, namespaceSerializer, false);
        Object ns = VoidNamespace.INSTANCE;
        InternalKvState<K, N> state =
                switch (descriptor.getType()) {
                    case VALUE -> new RocksDBValueState<>(this, column, ns);
                    case LIST -> new RocksDBListState<>(this, column, ns);
                    case MAP -> new RocksDBMapState<>(this, column, ns);
                    case REDUCING ->
                            new RocksDBReducingState<>(
                                    this,
                                    column,
                                    ns,
                                    ((ReducingStateDescriptor) descriptor).getReduceFunction());
                    case AGGREGATING ->
                            new RocksDBAggregatingState<>(
                                    this,
                                    column,
                                    ns,
                                    ((AggregatingStateDescriptor) descriptor)
                                            .getAggregateFunction());
                };
        states.put(descriptor.getName(), new Registered(descriptor, state, column, false));
        return state;
    }

    /**
     * The restored column of the state if there is one (checked for kind, and rewritten if its
     * serializers differ from the descriptor's), else a new column.
     */
    private StateColumn columnFor(
            StateDescriptor<?, ?> descriptor,
            TypeSerializer<?> namespaceSerializer,
            boolean timeToLive) {
        KeyedStateSnapshot.StateMeta layout =
                new KeyedStateSnapshot.StateMeta(
                        descriptor.getName(),
                        descriptor.getType(),
                        timeToLive,
                        namespaceSerializer,
                        keySerializer,
                        KeyedStateSnapshot.valueSerializer(descriptor, timeToLive));
        StateColumn r = restored.get(descriptor.getName());
        if (r == null) {
            return store.createColumn(layout);
        }
        StateChecks.checkSameAsRestored(
                descriptor.getName(),
                r.kind(),
                r.layout().timeToLive(),
                descriptor.getType(),
                timeToLive);
        restored.remove(descriptor.getName());
        if (r.sameLayout(layout)) {
            return r;
        }
        return rewrite(r, layout);
    }

    /**
     * Moves the entries of a restored column written with other serializers (e.g. of an older
     * version of the job) into a new column with {@code layout}.
     */
    private StateColumn rewrite(StateColumn from, KeyedStateSnapshot.StateMeta layout) {
        StateColumn to = store.createColumn(layout);
        try (RocksIterator it = from.newIterator()) {
            it.seekToFirst();
            from.readEntries(
                    it,
                    -1,
                    (namespace, key, value) ->
                            to.write(
                                    namespace,
                                    key,
                                    KeyGroupRangeAssignment.assignToKeyGroup(key, maxParallelism),
                                    value));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot rewrite restored state '"
                            + layout.name()
                            + "' with the serializers "
                            + layout,
                    e);
        }
        store.dropColumn(from);
        return to;
    }

    // ---- whole-state operations ----

    @Override
    public <N> List<K> getKeys(String state, N namespace) {
        Registered registered = states.get(state);
        if (registered == null) {
            return List.of();
        }
        List<K> keys = new ArrayList<>();
        StateColumn column = registered.column();
        try (RocksIterator it = column.newIterator()) {
            it.seekToFirst();
            column.readKeys(
                    it,
                    namespace,
                    key -> {
                        @SuppressWarnings("unchecked")
                        K k = (K) key;
                        keys.add(k);
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot read the keys of state '" + column.name() + "'", e);
        }
        return keys;
    }

    @Override
    public <N> List<N> getNamespaces(String state) {
        Registered registered = states.get(state);
        if (registered == null || !registered.column().namespaced()) {
            return List.of();
        }
        Set<N> namespaces = new LinkedHashSet<>();
        readKeys(
                registered.column(),
                (key, ns) -> {
                    @SuppressWarnings("unchecked")
                    N n = (N) ns;
                    namespaces.add(n);
                });
        return new ArrayList<>(namespaces);
    }

    private void readKeys(StateColumn column, StateColumn.KeyVisitor visitor) {
        try (RocksIterator it = column.newIterator()) {
            it.seekToFirst();
            column.readKeys(it, visitor);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot read the keys of state '" + column.name() + "'", e);
        }
    }

    @Override
    public void clearCurrentKey() {
        clearKey.clear();
        writeCurrentKey(clearKey);
        for (Registered registered : states.values()) {
            if (registered.column().oneEntryPerKey()) {
                registered.column().delete(clearKey);
            } else {
                registered.column().deletePrefix(clearKey);
            }
        }
    }

    // ---- snapshots ----

    /** Every column: registered states, then restored ones nobody asked for (kept for later). */
    private List<StateColumn> columns() {
        List<StateColumn> columns = new ArrayList<>();
        states.values().forEach(r -> columns.add(r.column()));
        columns.addAll(restored.values());
        return columns;
    }

    @Override
    public KeyedStateSnapshot snapshot(TypeSerializer<K> keySerializer) throws IOException {
        // Iterators at one RocksDB snapshot, so the result is consistent even if written to.
        Snapshot snapshot = store.snapshot();
        try (ReadOptions atSnapshot =
                new ReadOptions().setSnapshot(snapshot).setTotalOrderSeek(true)) {
            return RocksDBFullSnapshot.read(columns(), keyGroupRange, keySerializer, atSnapshot);
        } finally {
            store.release(snapshot);
        }
    }

    @Override
    public PendingSnapshot snapshot(long checkpointId, TypeSerializer<K> keySerializer)
            throws IOException {
        if (incrementalSnapshots == null) {
            return KeyedStateBackend.super.snapshot(checkpointId, keySerializer);
        }
        return incrementalSnapshots.snapshot(checkpointId, store, columns(), keySerializer);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        if (incrementalSnapshots != null) {
            incrementalSnapshots.notifyCheckpointComplete(checkpointId);
        }
    }

    @Override
    public void notifyCheckpointAborted(long checkpointId) {
        if (incrementalSnapshots == null) {
            return;
        }
        try {
            incrementalSnapshots.notifyCheckpointAborted(checkpointId);
        } catch (IOException e) {
            // Leftovers of a checkpoint that will not be used; the job's end removes shared/.
            LOG.warn(
                    "Could not delete the files of aborted checkpoint {} of {}: {}",
                    checkpointId,
                    this,
                    e.toString());
        }
    }

    @Override
    public void restore(Collection<KeyedStateSnapshot> snapshots) throws IOException {
        if (!states.isEmpty()) {
            throw new IllegalStateException("Keyed state must be restored before it is used");
        }
        DataInputDeserializer in = new DataInputDeserializer();
        for (KeyedStateSnapshot snapshot : snapshots) {
            List<StateColumn> columns = new ArrayList<>();
            for (KeyedStateSnapshot.StateMeta meta : snapshot.states()) {
                StateColumn column = restored.get(meta.name());
                if (column == null) {
                    // Stored with this backend's key serializer, which claimed states use.
                    column = store.createColumn(RocksDBFullSnapshot.withKeys(meta, keySerializer));
                    restored.put(meta.name(), column);
                } else if (column.kind() != meta.kind()
                        || column.layout().timeToLive() != meta.timeToLive()) {
                    throw new IllegalStateException(
                            "The snapshots disagree on the kind of state '" + meta.name() + "'");
                }
                columns.add(column);
            }
            for (var group :
                    snapshot.keyGroups()
                            .subMap(keyGroupRange.start(), keyGroupRange.end() + 1)
                            .entrySet()) {
                in.setBuffer(group.getValue(), 0, group.getValue().length);
                for (int i = 0; i < columns.size(); i++) {
                    restoreEntries(in, snapshot.states().get(i), group.getKey(), columns.get(i));
                }
            }
        }
    }

    @Override
    public void restoreIncremental(Collection<IncrementalKeyedStateHandle> handles)
            throws IOException {
        if (!states.isEmpty() || !restored.isEmpty()) {
            throw new IllegalStateException(
                    "Incremental RocksDB state must be restored before any other state");
        }
        if (handles.size() == 1) {
            IncrementalKeyedStateHandle handle = handles.iterator().next();
            if (handle.keyGroupRange().equals(keyGroupRange)) {
                openAsDatabase(handle);
                return;
            }
        }
        for (IncrementalKeyedStateHandle handle : handles) {
            KeyGroupRange overlap =
                    new KeyGroupRange(
                            Math.max(keyGroupRange.start(), handle.keyGroupRange().start()),
                            Math.min(keyGroupRange.end(), handle.keyGroupRange().end()));
            if (overlap.numberOfKeyGroups() > 0) {
                copyKeyGroups(handle, overlap);
            }
        }
    }

    /** The fast path: the handle's files become this backend's database. */
    private void openAsDatabase(IncrementalKeyedStateHandle handle) throws IOException {
        Path directory =
                Files.createTempDirectory(workingDirectory, RocksDBStore.directoryPrefix(owner));
        RocksDBStore opened = RocksDBStore.open(download(handle, directory), owner, false);
        store.close();
        store = opened;
        for (IncrementalKeyedStateHandle.ColumnFamily c : handle.columnFamilies()) {
            restored.put(c.state().name(), store.column(c.name(), c.state()));
        }
    }

    /**
     * Copies the entries of key groups {@code keyGroups} of every state out of the database of
     * {@code handle}, opened read-only in a temporary directory.
     */
    private void copyKeyGroups(IncrementalKeyedStateHandle handle, KeyGroupRange keyGroups)
            throws IOException {
        Path directory =
                Files.createTempDirectory(
                        workingDirectory, RocksDBStore.directoryPrefix(owner) + "restore-");
        try (RocksDBStore source = RocksDBStore.open(download(handle, directory), owner, true)) {
            for (IncrementalKeyedStateHandle.ColumnFamily c : handle.columnFamilies()) {
                KeyedStateSnapshot.StateMeta meta = c.state();
                StateColumn target = restored.get(meta.name());
                if (target == null) {
                    target = store.createColumn(meta);
                    restored.put(meta.name(), target);
                } else if (target.kind() != meta.kind()
                        || target.layout().timeToLive() != meta.timeToLive()
                        || !target.sameLayout(meta)) {
                    throw new IllegalStateException(
                            "The snapshots disagree on the kind or the serializers of state '"
                                    + meta.name()
                                    + "'");
                }
                target.copyKeyGroups(source.column(c.name(), meta), keyGroups);
            }
        }
    }

    /** Writes the files of {@code handle} into {@code directory}; returns the directory. */
    private static Path download(IncrementalKeyedStateHandle handle, Path directory)
            throws IOException {
        try {
            for (Map.Entry<String, FileStateHandle> e : handle.sharedFiles().entrySet()) {
                try (InputStream in = e.getValue().openInputStream()) {
                    Files.copy(in, directory.resolve(e.getKey()));
                }
            }
            for (Map.Entry<String, byte[]> e : handle.privateFiles().entrySet()) {
                Files.write(directory.resolve(e.getKey()), e.getValue());
            }
        } catch (IOException e) {
            RocksDBStore.deleteDirectory(directory);
            throw e;
        }
        return directory;
    }

    @SuppressWarnings("unchecked")
    private void restoreEntries(
            DataInputDeserializer in,
            KeyedStateSnapshot.StateMeta meta,
            int keyGroup,
            StateColumn column)
            throws IOException {
        TypeSerializer<Object> namespaces = (TypeSerializer<Object>) meta.namespaceSerializer();
        TypeSerializer<Object> keys = (TypeSerializer<Object>) meta.keySerializer();
        TypeSerializer<Object> values = (TypeSerializer<Object>) meta.valueSerializer();
        while (in.readBoolean()) {
            Object namespace = namespaces.deserialize(in);
            Object key = keys.deserialize(in);
            Object value = values.deserialize(in);
            int actual = KeyGroupRangeAssignment.assignToKeyGroup(key, maxParallelism);
            if (actual != keyGroup) {
                throw new IllegalStateException(
                        "Key "
                                + key
                                + " of state '"
                                + meta.name()
                                + "' was written in key group "
                                + keyGroup
                                + " but belongs to key group "
                                + actual
                                + ": the snapshot was taken with a different maximum"
                                + " parallelism than "
                                + maxParallelism);
            }
            column.write(namespace, key, keyGroup, value);
        }
    }

    // ---- lifecycle ----

    /** Closes RocksDB and deletes its directory; the states must not be used afterwards. */
    @Override
    public void dispose() {
        states.clear();
        restored.clear();
        store.close();
    }

    @Override
    public String toString() {
        return "RocksDBKeyedStateBackend{" + store + ", key groups " + keyGroupRange + "}";
    }
}

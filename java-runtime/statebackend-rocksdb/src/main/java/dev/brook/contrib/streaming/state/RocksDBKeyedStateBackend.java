package dev.brook.contrib.streaming.state;

import dev.brook.api.common.state.AggregatingStateDescriptor;
import dev.brook.api.common.state.ReducingStateDescriptor;
import dev.brook.api.common.state.State;
import dev.brook.api.common.state.StateDescriptor;
import dev.brook.api.common.state.StateTtlConfig;
import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.core.memory.DataInputDeserializer;
import dev.brook.core.memory.DataOutputSerializer;
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
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksIterator;
import org.rocksdb.Snapshot;

/**
 * Keyed state in an embedded RocksDB (the {@code rocksdb} backend): serialized, one column family
 * per state (layout in {@link StateColumn}), in a database of its own ({@link RocksDBStore}) under
 * the task's working directory. State may outgrow the heap; every access serializes, and reads also
 * deserialize. The current key is serialized once, when a state first needs it after {@link
 * #setCurrentKey}.
 *
 * <p>Threading model: task thread only.
 */
final class RocksDBKeyedStateBackend<K> implements KeyedStateBackend<K> {

    private final KeyGroupRange keyGroupRange;
    private final int maxParallelism;
    private final TypeSerializer<K> keySerializer;
    private final LongSupplier ttlClock;
    private final RocksDBStore store;

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

    RocksDBKeyedStateBackend(KeyedStateBackendParameters<K> parameters) throws IOException {
        this.keyGroupRange = parameters.keyGroupRange();
        this.maxParallelism = parameters.maxParallelism();
        this.keySerializer = parameters.keySerializer();
        this.ttlClock = parameters.ttlClock();
        this.store =
                new RocksDBStore(parameters.workingDirectory(), parameters.operatorIdentifier());
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

    /** Appends the current key's key group and serialized key to {@code out}. */
    void writeCurrentKey(DataOutputSerializer out) {
        if (!currentKeySerialized) {
            currentKeyBytes.clear();
            currentKeyBytes.writeShort(currentKeyGroup);
            try {
                keySerializer.serialize(currentKey, currentKeyBytes);
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
        S state = (S) createTtlState(descriptor, column);
        states.put(descriptor.getName(), new Registered(descriptor, state, column, true));
        return state;
    }

    /** A TTL decorator over a plain state that stores values with their access time. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private State createTtlState(StateDescriptor<?, ?> descriptor, StateColumn column) {
        StateTtlConfig ttl = descriptor.getTtlConfig();
        Object ns = VoidNamespace.INSTANCE;
        return switch (descriptor.getType()) {
            case VALUE ->
                    new TtlStates.TtlValueState<>(
                            new RocksDBValueState<>(this, column, ns), ttl, ttlClock);
            case LIST ->
                    new TtlStates.TtlListState<>(
                            new RocksDBListState<>(this, column, ns), ttl, ttlClock);
            case MAP ->
                    new TtlStates.TtlMapState<>(
                            new RocksDBMapState<>(this, column, ns), ttl, ttlClock);
            case REDUCING ->
                    new TtlStates.TtlReducingState<>(
                            new TtlStates.TtlValueState<>(
                                    new RocksDBValueState<>(this, column, ns), ttl, ttlClock),
                            ((ReducingStateDescriptor) descriptor).getReduceFunction());
            case AGGREGATING ->
                    new TtlStates.TtlAggregatingState<>(
                            new TtlStates.TtlValueState<>(
                                    new RocksDBValueState<>(this, column, ns), ttl, ttlClock),
                            ((AggregatingStateDescriptor) descriptor).getAggregateFunction());
        };
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
        readKeys(
                registered.column(),
                (key, ns) -> {
                    if (ns.equals(namespace)) {
                        @SuppressWarnings("unchecked")
                        K k = (K) key;
                        keys.add(k);
                    }
                });
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

    @Override
    public KeyedStateSnapshot snapshot(TypeSerializer<K> keySerializer) throws IOException {
        List<StateColumn> columns = new ArrayList<>();
        states.values().forEach(r -> columns.add(r.column()));
        // Restored state nobody asked for stays in the next snapshot.
        columns.addAll(restored.values());
        List<KeyedStateSnapshot.StateMeta> metas = new ArrayList<>();
        for (StateColumn column : columns) {
            metas.add(withKeys(column.layout(), keySerializer));
        }
        // Iterators at one RocksDB snapshot, so the result is consistent even if written to.
        SortedMap<Integer, byte[]> keyGroups;
        Snapshot snapshot = store.snapshot();
        try (ReadOptions atSnapshot = new ReadOptions().setSnapshot(snapshot)) {
            List<RocksIterator> iterators = new ArrayList<>(columns.size());
            try {
                for (StateColumn column : columns) {
                    RocksIterator it = column.newIterator(atSnapshot);
                    iterators.add(it);
                    it.seekToFirst();
                }
                keyGroups = writeKeyGroups(columns, metas, iterators);
            } finally {
                iterators.forEach(RocksIterator::close);
            }
        } finally {
            store.release(snapshot);
        }
        return new KeyedStateSnapshot(metas, keyGroups);
    }

    /**
     * Writes each key group's entries of every column, in the order of {@code columns}; the
     * iterators walk the columns in step, key group by key group.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private SortedMap<Integer, byte[]> writeKeyGroups(
            List<StateColumn> columns,
            List<KeyedStateSnapshot.StateMeta> metas,
            List<RocksIterator> iterators)
            throws IOException {
        SortedMap<Integer, byte[]> keyGroups = new TreeMap<>();
        DataOutputSerializer out = new DataOutputSerializer(4096);
        for (int keyGroup = keyGroupRange.start(); keyGroup <= keyGroupRange.end(); keyGroup++) {
            out.clear();
            boolean any = false;
            for (int i = 0; i < columns.size(); i++) {
                KeyedStateSnapshot.StateMeta meta = metas.get(i);
                TypeSerializer namespaces = meta.namespaceSerializer();
                TypeSerializer keys = meta.keySerializer();
                TypeSerializer values = meta.valueSerializer();
                any |=
                        columns.get(i)
                                .readEntries(
                                        iterators.get(i),
                                        keyGroup,
                                        (namespace, key, value) -> {
                                            out.writeBoolean(true);
                                            namespaces.serialize(namespace, out);
                                            keys.serialize(key, out);
                                            values.serialize(value, out);
                                        });
                out.writeBoolean(false);
            }
            if (any) {
                keyGroups.put(keyGroup, out.toByteArray());
            }
        }
        return keyGroups;
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
                    column = store.createColumn(withKeys(meta, keySerializer));
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

    private static KeyedStateSnapshot.StateMeta withKeys(
            KeyedStateSnapshot.StateMeta meta, TypeSerializer<?> keySerializer) {
        return new KeyedStateSnapshot.StateMeta(
                meta.name(),
                meta.kind(),
                meta.timeToLive(),
                meta.namespaceSerializer(),
                keySerializer,
                meta.valueSerializer());
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

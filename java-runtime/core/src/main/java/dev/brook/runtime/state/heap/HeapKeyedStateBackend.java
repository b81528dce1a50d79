package dev.brook.runtime.state.heap;

import dev.brook.api.common.state.AggregatingStateDescriptor;
import dev.brook.api.common.state.ReducingStateDescriptor;
import dev.brook.api.common.state.State;
import dev.brook.api.common.state.StateDescriptor;
import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.core.memory.DataInputDeserializer;
import dev.brook.core.memory.DataOutputSerializer;
import dev.brook.runtime.state.InternalKvState;
import dev.brook.runtime.state.KeyGroupRange;
import dev.brook.runtime.state.KeyGroupRangeAssignment;
import dev.brook.runtime.state.KeyedStateBackend;
import dev.brook.runtime.state.KeyedStateSnapshot;
import dev.brook.runtime.state.StateChecks;
import dev.brook.runtime.state.VoidNamespace;
import dev.brook.runtime.state.VoidNamespaceSerializer;
import dev.brook.runtime.state.ttl.TtlStates;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * Keyed state as Java objects on the heap (the {@code hashmap} backend). Fast: a state access is
 * one hash lookup and no serialization.
 */
public final class HeapKeyedStateBackend<K> implements KeyedStateBackend<K> {

    private final KeyGroupRange keyGroupRange;
    private final int maxParallelism;
    private final HashMap<String, Registered> states = new HashMap<>();
    private final LongSupplier ttlClock;
    private K currentKey;
    private int currentKeyGroup;

    private record Registered(
            StateDescriptor<?, ?> descriptor,
            Object state,
            StateTable<?, ?, ?> table,
            TypeSerializer<?> namespaceSerializer,
            boolean timeToLive) {}

    /** A restored state that no operator has asked for yet. */
    private record Restored(KeyedStateSnapshot.StateMeta meta, StateTable<?, ?, ?> table) {}

    private final Map<String, Restored> restored = new HashMap<>();

    public HeapKeyedStateBackend(KeyGroupRange keyGroupRange, int maxParallelism) {
        this(keyGroupRange, maxParallelism, System::currentTimeMillis);
    }

    /**
     * @param ttlClock the processing-time clock state TTL is measured with (tests drive their own)
     */
    public HeapKeyedStateBackend(
            KeyGroupRange keyGroupRange, int maxParallelism, LongSupplier ttlClock) {
        this.keyGroupRange = keyGroupRange;
        this.maxParallelism = maxParallelism;
        this.ttlClock = ttlClock;
    }

    @Override
    public void setCurrentKey(K key) {
        this.currentKey = key;
        this.currentKeyGroup = KeyGroupRangeAssignment.assignToKeyGroup(key, maxParallelism);
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

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
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
        StateTable<K, ?, ?> table = tableFor(descriptor, true);
        Object ns = VoidNamespace.INSTANCE;
        StateTable raw = table;
        S state =
                (S)
                        TtlStates.decorate(
                                descriptor,
                                ttlClock,
                                () -> new HeapValueState<>(raw, ns),
                                () -> new HeapListState<>(raw, ns),
                                () -> new HeapMapState<>(raw, ns));
        states.put(
                descriptor.getName(),
                new Registered(descriptor, state, table, VoidNamespaceSerializer.INSTANCE, true));
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
        StateTable table = tableFor(descriptor, false);
        Object ns = VoidNamespace.INSTANCE;
        InternalKvState<K, N> state =
                switch (descriptor.getType()) {
                    case VALUE -> new HeapValueState<>(table, ns);
                    case LIST -> new HeapListState<>(table, ns);
                    case MAP -> new HeapMapState<>(table, ns);
                    case REDUCING ->
                            new HeapReducingState<>(
                                    table,
                                    ns,
                                    ((ReducingStateDescriptor) descriptor).getReduceFunction());
                    case AGGREGATING ->
                            new HeapAggregatingState<>(
                                    table,
                                    ns,
                                    ((AggregatingStateDescriptor) descriptor)
                                            .getAggregateFunction());
                };
        states.put(
                descriptor.getName(),
                new Registered(descriptor, state, table, namespaceSerializer, false));
        return state;
    }

    /** The restored entries of the state if there are any (checked for kind), else a new table. */
    private StateTable<K, ?, ?> tableFor(StateDescriptor<?, ?> descriptor, boolean timeToLive) {
        Restored r = restored.remove(descriptor.getName());
        if (r == null) {
            return new StateTable<>(this, keyGroupRange);
        }
        try {
            StateChecks.checkSameAsRestored(
                    descriptor.getName(),
                    r.meta().kind(),
                    r.meta().timeToLive(),
                    descriptor.getType(),
                    timeToLive);
        } catch (IllegalStateException e) {
            restored.put(descriptor.getName(), r);
            throw e;
        }
        @SuppressWarnings("unchecked")
        StateTable<K, ?, ?> table = (StateTable<K, ?, ?>) r.table();
        return table;
    }

    @Override
    public KeyedStateSnapshot snapshot(TypeSerializer<K> keySerializer) throws IOException {
        List<KeyedStateSnapshot.StateMeta> metas = new ArrayList<>();
        List<StateTable<?, ?, ?>> tables = new ArrayList<>();
        for (Registered r : states.values()) {
            metas.add(
                    new KeyedStateSnapshot.StateMeta(
                            r.descriptor().getName(),
                            r.descriptor().getType(),
                            r.timeToLive(),
                            r.namespaceSerializer(),
                            keySerializer,
                            KeyedStateSnapshot.valueSerializer(r.descriptor(), r.timeToLive())));
            tables.add(r.table());
        }
        // Restored state nobody asked for stays in the next snapshot, written as it was read.
        for (Restored r : restored.values()) {
            metas.add(r.meta());
            tables.add(r.table());
        }
        SortedMap<Integer, byte[]> keyGroups = new TreeMap<>();
        DataOutputSerializer out = new DataOutputSerializer(4096);
        for (int keyGroup = keyGroupRange.start(); keyGroup <= keyGroupRange.end(); keyGroup++) {
            out.clear();
            boolean any = false;
            for (int i = 0; i < metas.size(); i++) {
                any |= writeEntries(tables.get(i), metas.get(i), keyGroup, out);
                out.writeBoolean(false);
            }
            if (any) {
                keyGroups.put(keyGroup, out.toByteArray());
            }
        }
        return new KeyedStateSnapshot(metas, keyGroups);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static boolean writeEntries(
            StateTable table,
            KeyedStateSnapshot.StateMeta meta,
            int keyGroup,
            DataOutputSerializer out)
            throws IOException {
        TypeSerializer namespaces = meta.namespaceSerializer();
        TypeSerializer keys = meta.keySerializer();
        TypeSerializer values = meta.valueSerializer();
        boolean[] any = {false};
        table.forEachInKeyGroup(
                keyGroup,
                (namespace, key, value) -> {
                    out.writeBoolean(true);
                    namespaces.serialize(namespace, out);
                    keys.serialize(key, out);
                    values.serialize(value, out);
                    any[0] = true;
                });
        return any[0];
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void restore(Collection<KeyedStateSnapshot> snapshots) throws IOException {
        if (!states.isEmpty()) {
            throw new IllegalStateException("Keyed state must be restored before it is used");
        }
        DataInputDeserializer in = new DataInputDeserializer();
        for (KeyedStateSnapshot snapshot : snapshots) {
            List<StateTable> tables = new ArrayList<>();
            for (KeyedStateSnapshot.StateMeta meta : snapshot.states()) {
                Restored r = restored.get(meta.name());
                if (r == null) {
                    r = new Restored(meta, new StateTable<>(this, keyGroupRange));
                    restored.put(meta.name(), r);
                } else if (r.meta().kind() != meta.kind()
                        || r.meta().timeToLive() != meta.timeToLive()) {
                    throw new IllegalStateException(
                            "The snapshots disagree on the kind of state '" + meta.name() + "'");
                }
                tables.add(r.table());
            }
            for (var group :
                    snapshot.keyGroups()
                            .subMap(keyGroupRange.start(), keyGroupRange.end() + 1)
                            .entrySet()) {
                in.setBuffer(group.getValue(), 0, group.getValue().length);
                for (int i = 0; i < tables.size(); i++) {
                    KeyedStateSnapshot.StateMeta meta = snapshot.states().get(i);
                    TypeSerializer namespaces = meta.namespaceSerializer();
                    TypeSerializer keys = meta.keySerializer();
                    TypeSerializer values = meta.valueSerializer();
                    while (in.readBoolean()) {
                        Object namespace = namespaces.deserialize(in);
                        K key = (K) keys.deserialize(in);
                        Object value = values.deserialize(in);
                        setCurrentKey(key);
                        if (currentKeyGroup != group.getKey()) {
                            throw new IllegalStateException(
                                    "Key "
                                            + key
                                            + " of state '"
                                            + meta.name()
                                            + "' was written in key group "
                                            + group.getKey()
                                            + " but belongs to key group "
                                            + currentKeyGroup
                                            + ": the snapshot was taken with a different maximum"
                                            + " parallelism than "
                                            + maxParallelism);
                        }
                        tables.get(i).put(namespace, value);
                    }
                }
            }
        }
        currentKey = null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <N> List<K> getKeys(String state, N namespace) {
        Registered registered = states.get(state);
        return registered == null
                ? List.of()
                : ((StateTable<K, N, ?>) registered.table()).keys(namespace);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <N> List<N> getNamespaces(String state) {
        Registered registered = states.get(state);
        return registered == null
                ? List.of()
                : ((StateTable<K, N, ?>) registered.table()).namespaces();
    }

    @Override
    public void clearCurrentKey() {
        for (Registered registered : states.values()) {
            registered.table().removeCurrentKey();
        }
    }

    @Override
    public void dispose() {
        states.clear();
    }
}

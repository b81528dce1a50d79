package dev.brook.runtime.state.heap;

import dev.brook.api.common.state.AggregatingStateDescriptor;
import dev.brook.api.common.state.ReducingStateDescriptor;
import dev.brook.api.common.state.State;
import dev.brook.api.common.state.StateDescriptor;
import dev.brook.api.common.state.StateTtlConfig;
import dev.brook.runtime.state.InternalKvState;
import dev.brook.runtime.state.KeyGroupRange;
import dev.brook.runtime.state.KeyGroupRangeAssignment;
import dev.brook.runtime.state.KeyedStateBackend;
import dev.brook.runtime.state.VoidNamespace;
import dev.brook.runtime.state.ttl.TtlStates;
import java.util.HashMap;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Keyed state as Java objects on the heap (the {@code hashmap} backend). Fast: a state access is
 * two hash lookups and no serialization.
 */
public final class HeapKeyedStateBackend<K> implements KeyedStateBackend<K> {

    private final KeyGroupRange keyGroupRange;
    private final int maxParallelism;
    private final HashMap<String, Registered> states = new HashMap<>();
    private final HashMap<String, Registered> ttlStates = new HashMap<>();
    private final LongSupplier ttlClock;
    private K currentKey;
    private int currentKeyGroup;

    private record Registered(
            StateDescriptor<?, ?> descriptor, Object state, StateTable<?, ?, ?> table) {}

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
    @SuppressWarnings("unchecked")
    public <S extends State> S getOrCreateKeyedState(StateDescriptor<S, ?> descriptor) {
        if (!descriptor.getTtlConfig().isEnabled()) {
            return (S) getOrCreateInternalState(descriptor);
        }
        Registered existing = ttlStates.get(descriptor.getName());
        if (existing != null) {
            checkCompatible(existing, descriptor);
            return (S) existing.state();
        }
        StateTable<K, ?, ?> table = new StateTable<>(this, keyGroupRange);
        S state = (S) createTtlState(descriptor, table);
        ttlStates.put(descriptor.getName(), new Registered(descriptor, state, table));
        return state;
    }

    /** A TTL decorator over a plain heap state that stores values with their access time. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private State createTtlState(StateDescriptor<?, ?> descriptor, StateTable table) {
        StateTtlConfig ttl = descriptor.getTtlConfig();
        Object ns = VoidNamespace.INSTANCE;
        return switch (descriptor.getType()) {
            case VALUE ->
                    new TtlStates.TtlValueState<>(new HeapValueState<>(table, ns), ttl, ttlClock);
            case LIST ->
                    new TtlStates.TtlListState<>(new HeapListState<>(table, ns), ttl, ttlClock);
            case MAP -> new TtlStates.TtlMapState<>(new HeapMapState<>(table, ns), ttl, ttlClock);
            case REDUCING ->
                    new TtlStates.TtlReducingState<>(
                            new TtlStates.TtlValueState<>(
                                    new HeapValueState<>(table, ns), ttl, ttlClock),
                            ((ReducingStateDescriptor) descriptor).getReduceFunction());
            case AGGREGATING ->
                    new TtlStates.TtlAggregatingState<>(
                            new TtlStates.TtlValueState<>(
                                    new HeapValueState<>(table, ns), ttl, ttlClock),
                            ((AggregatingStateDescriptor) descriptor).getAggregateFunction());
        };
    }

    private static void checkCompatible(Registered existing, StateDescriptor<?, ?> descriptor) {
        if (existing.descriptor().getType() != descriptor.getType()
                || !existing.descriptor()
                        .getTypeInformation()
                        .equals(descriptor.getTypeInformation())) {
            throw new IllegalStateException(
                    "State '"
                            + descriptor.getName()
                            + "' is already registered as "
                            + existing.descriptor()
                            + "; it cannot also be "
                            + descriptor
                            + ". Use a different name.");
        }
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <N, S extends State> InternalKvState<K, N> getOrCreateInternalState(
            StateDescriptor<S, ?> descriptor) {
        Registered existing = states.get(descriptor.getName());
        if (existing != null) {
            checkCompatible(existing, descriptor);
            return (InternalKvState<K, N>) existing.state();
        }
        if (descriptor.getTtlConfig().isEnabled()) {
            throw new UnsupportedOperationException(
                    "State '"
                            + descriptor.getName()
                            + "' asks for a time-to-live, which keyed state of functions supports"
                            + " but window and trigger state does not.");
        }
        StateTable table = new StateTable<>(this, keyGroupRange);
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
        states.put(descriptor.getName(), new Registered(descriptor, state, table));
        return state;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <N> List<K> getKeys(String state, N namespace) {
        Registered registered = states.get(state);
        if (registered == null) {
            registered = ttlStates.get(state);
        }
        return registered == null
                ? List.of()
                : ((StateTable<K, N, ?>) registered.table()).keys(namespace);
    }

    @Override
    public void clearCurrentKey() {
        for (Registered registered : states.values()) {
            registered.table().removeCurrentKey();
        }
        for (Registered registered : ttlStates.values()) {
            registered.table().removeCurrentKey();
        }
    }

    @Override
    public void dispose() {
        states.clear();
    }
}

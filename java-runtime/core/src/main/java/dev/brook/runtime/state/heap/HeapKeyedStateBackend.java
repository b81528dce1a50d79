package dev.brook.runtime.state.heap;

import dev.brook.api.common.state.AggregatingStateDescriptor;
import dev.brook.api.common.state.ReducingStateDescriptor;
import dev.brook.api.common.state.State;
import dev.brook.api.common.state.StateDescriptor;
import dev.brook.runtime.state.InternalKvState;
import dev.brook.runtime.state.KeyGroupRange;
import dev.brook.runtime.state.KeyGroupRangeAssignment;
import dev.brook.runtime.state.KeyedStateBackend;
import dev.brook.runtime.state.VoidNamespace;
import java.util.HashMap;

/**
 * Keyed state as Java objects on the heap (the {@code hashmap} backend). Fast: a state access is
 * two hash lookups and no serialization.
 */
public final class HeapKeyedStateBackend<K> implements KeyedStateBackend<K> {

    private final KeyGroupRange keyGroupRange;
    private final int maxParallelism;
    private final HashMap<String, Registered> states = new HashMap<>();
    private K currentKey;
    private int currentKeyGroup;

    private record Registered(StateDescriptor<?, ?> descriptor, InternalKvState<?, ?> state) {}

    public HeapKeyedStateBackend(KeyGroupRange keyGroupRange, int maxParallelism) {
        this.keyGroupRange = keyGroupRange;
        this.maxParallelism = maxParallelism;
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
        return (S) getOrCreateInternalState(descriptor);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <N, S extends State> InternalKvState<K, N> getOrCreateInternalState(
            StateDescriptor<S, ?> descriptor) {
        Registered existing = states.get(descriptor.getName());
        if (existing != null) {
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
            return (InternalKvState<K, N>) existing.state();
        }
        if (descriptor.getTtlConfig().isEnabled()) {
            throw new UnsupportedOperationException(
                    "State '"
                            + descriptor.getName()
                            + "' asks for a time-to-live; state TTL is not supported by this"
                            + " version of Brook yet.");
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
        states.put(descriptor.getName(), new Registered(descriptor, state));
        return state;
    }

    @Override
    public void dispose() {
        states.clear();
    }
}

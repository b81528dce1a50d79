package dev.brook.runtime.state.heap;

import dev.brook.api.common.state.BroadcastState;
import dev.brook.api.common.state.ListState;
import dev.brook.api.common.state.ListStateDescriptor;
import dev.brook.api.common.state.MapStateDescriptor;
import dev.brook.api.common.state.StateDescriptor;
import dev.brook.runtime.state.OperatorStateBackend;
import dev.brook.runtime.state.OperatorStateContents;
import dev.brook.runtime.state.OperatorStateContents.Mode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Operator state as Java objects on the heap. A state name identifies one state of one kind: a name
 * used for a list state cannot also name a broadcast state.
 *
 * <p>Restored contents wait, by name, until a function asks for the state; contents nobody asks for
 * stay and are part of the next snapshot, so a function that registers a state only sometimes does
 * not lose it.
 */
public final class HeapOperatorStateBackend implements OperatorStateBackend {

    private final LinkedHashMap<String, OperatorListState<?>> listStates = new LinkedHashMap<>();
    private final LinkedHashMap<String, HeapBroadcastState<?, ?>> broadcastStates =
            new LinkedHashMap<>();
    private final LinkedHashMap<String, OperatorStateContents> unclaimed = new LinkedHashMap<>();
    private OptionalLong restoredCheckpointId = OptionalLong.empty();

    @Override
    public <S> ListState<S> getListState(ListStateDescriptor<S> stateDescriptor) {
        return listState(stateDescriptor, Mode.SPLIT_DISTRIBUTE);
    }

    @Override
    public <S> ListState<S> getUnionListState(ListStateDescriptor<S> stateDescriptor) {
        return listState(stateDescriptor, Mode.UNION);
    }

    @SuppressWarnings("unchecked")
    private <S> ListState<S> listState(ListStateDescriptor<S> descriptor, Mode mode) {
        String name = checkDescriptor(descriptor);
        OperatorListState<?> existing = listStates.get(name);
        if (existing != null) {
            checkSame(existing.descriptor(), existing.mode(), descriptor, mode);
            return (ListState<S>) existing;
        }
        checkNameFree(name, mode);
        OperatorListState<S> state = new OperatorListState<>(descriptor, mode);
        OperatorStateContents restored = claim(name, mode);
        if (restored != null) {
            state.elements().addAll((List<S>) restored.elements());
        }
        listStates.put(name, state);
        return state;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) {
        String name = checkDescriptor(descriptor);
        HeapBroadcastState<?, ?> existing = broadcastStates.get(name);
        if (existing != null) {
            checkSame(existing.descriptor(), Mode.BROADCAST, descriptor, Mode.BROADCAST);
            return (BroadcastState<K, V>) existing;
        }
        checkNameFree(name, Mode.BROADCAST);
        HeapBroadcastState<K, V> state = new HeapBroadcastState<>(descriptor);
        OperatorStateContents restored = claim(name, Mode.BROADCAST);
        if (restored != null) {
            state.map().putAll((Map<K, V>) restored.entries());
        }
        broadcastStates.put(name, state);
        return state;
    }

    @Override
    public Set<String> getRegisteredStateNames() {
        Set<String> names = new LinkedHashSet<>(listStates.keySet());
        unclaimed.forEach((name, c) -> addIf(c.mode() != Mode.BROADCAST, name, names));
        return names;
    }

    @Override
    public Set<String> getRegisteredBroadcastStateNames() {
        Set<String> names = new LinkedHashSet<>(broadcastStates.keySet());
        unclaimed.forEach((name, c) -> addIf(c.mode() == Mode.BROADCAST, name, names));
        return names;
    }

    private static void addIf(boolean condition, String name, Set<String> names) {
        if (condition) {
            names.add(name);
        }
    }

    @Override
    public Map<String, OperatorStateContents> snapshot() {
        Map<String, OperatorStateContents> snapshot = new LinkedHashMap<>(unclaimed);
        listStates.forEach(
                (name, s) ->
                        snapshot.put(name, OperatorStateContents.list(s.mode(), s.elements())));
        broadcastStates.forEach(
                (name, s) -> snapshot.put(name, OperatorStateContents.broadcast(s.map())));
        return snapshot;
    }

    @Override
    public void restore(long checkpointId, Map<String, OperatorStateContents> contents) {
        if (!listStates.isEmpty() || !broadcastStates.isEmpty() || !unclaimed.isEmpty()) {
            throw new IllegalStateException(
                    "Operator state can only be restored into an empty backend, before functions"
                            + " ask for their states.");
        }
        unclaimed.putAll(contents);
        restoredCheckpointId = OptionalLong.of(checkpointId);
    }

    @Override
    public OptionalLong getRestoredCheckpointId() {
        return restoredCheckpointId;
    }

    @Override
    public void dispose() {
        listStates.clear();
        broadcastStates.clear();
        unclaimed.clear();
    }

    /** The restored contents of {@code name}, now owned by a registered state; null if none. */
    private OperatorStateContents claim(String name, Mode mode) {
        OperatorStateContents restored = unclaimed.get(name);
        if (restored == null) {
            return null;
        }
        if (restored.mode() != mode) {
            throw new IllegalStateException(
                    "Operator state '"
                            + name
                            + "' was restored as "
                            + describe(restored.mode())
                            + " but is now asked for as "
                            + describe(mode)
                            + ". Keep the kind of a state, or give the new state another name.");
        }
        unclaimed.remove(name);
        return restored;
    }

    private static String checkDescriptor(StateDescriptor<?, ?> descriptor) {
        Objects.requireNonNull(descriptor, "state descriptor");
        if (descriptor.getTtlConfig().isEnabled()) {
            throw new UnsupportedOperationException(
                    "Operator state '"
                            + descriptor.getName()
                            + "' asks for a time-to-live, which only keyed state supports. Remove"
                            + " enableTimeToLive() from its descriptor.");
        }
        return descriptor.getName();
    }

    private static void checkSame(
            StateDescriptor<?, ?> existing,
            Mode existingMode,
            StateDescriptor<?, ?> requested,
            Mode requestedMode) {
        if (existingMode != requestedMode
                || !existing.getTypeInformation().equals(requested.getTypeInformation())) {
            throw new IllegalStateException(
                    "Operator state '"
                            + requested.getName()
                            + "' is already registered as "
                            + describe(existingMode)
                            + " of "
                            + existing.getTypeInformation()
                            + "; it cannot also be "
                            + describe(requestedMode)
                            + " of "
                            + requested.getTypeInformation()
                            + ". Use a different name.");
        }
    }

    /** Fails if {@code name} is taken by a state of another kind. */
    private void checkNameFree(String name, Mode requested) {
        OperatorListState<?> list = listStates.get(name);
        Mode taken =
                list != null
                        ? list.mode()
                        : broadcastStates.containsKey(name) ? Mode.BROADCAST : null;
        if (taken != null) {
            throw new IllegalStateException(
                    "Operator state '"
                            + name
                            + "' is already registered as "
                            + describe(taken)
                            + "; it cannot also be "
                            + describe(requested)
                            + ". Use a different name.");
        }
    }

    private static String describe(Mode mode) {
        return switch (mode) {
            case SPLIT_DISTRIBUTE -> "a list state";
            case UNION -> "a union list state";
            case BROADCAST -> "a broadcast state";
        };
    }
}

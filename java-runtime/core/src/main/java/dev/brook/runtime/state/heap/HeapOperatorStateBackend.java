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
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Operator state as Java objects on the heap. A state name identifies one state of one kind: a name
 * used for a list state cannot also name a broadcast state.
 *
 * <p>Restored contents wait, by name, until a function asks for the state; contents nobody asks for
 * stay and are part of the next snapshot, so a function that registers a state only sometimes does
 * not lose it.
 */
public final class HeapOperatorStateBackend implements OperatorStateBackend {

    /** A state of this backend: its kind, and how a snapshot reads it and a restore fills it. */
    sealed interface RegisteredState permits OperatorListState, HeapBroadcastState {
        StateDescriptor<?, ?> descriptor();

        Mode mode();

        /** A copy of the contents, for a snapshot. */
        OperatorStateContents contents();

        /** Adds restored contents (of this state's mode) to the still empty state. */
        void restore(OperatorStateContents restored);
    }

    private final LinkedHashMap<String, RegisteredState> states = new LinkedHashMap<>();
    private final LinkedHashMap<String, OperatorStateContents> unclaimed = new LinkedHashMap<>();
    private OptionalLong restoredCheckpointId = OptionalLong.empty();

    @Override
    public <S> ListState<S> getListState(ListStateDescriptor<S> stateDescriptor) {
        return register(
                stateDescriptor,
                Mode.SPLIT_DISTRIBUTE,
                () -> new OperatorListState<>(stateDescriptor, Mode.SPLIT_DISTRIBUTE));
    }

    @Override
    public <S> ListState<S> getUnionListState(ListStateDescriptor<S> stateDescriptor) {
        return register(
                stateDescriptor,
                Mode.UNION,
                () -> new OperatorListState<>(stateDescriptor, Mode.UNION));
    }

    @Override
    public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) {
        return register(descriptor, Mode.BROADCAST, () -> new HeapBroadcastState<>(descriptor));
    }

    /**
     * The state registered under the descriptor's name, created (and given its restored contents)
     * on first use; fails if the name is taken by a state of another kind or type.
     */
    @SuppressWarnings("unchecked") // same name, kind and type as requested: the same S
    private <S extends RegisteredState> S register(
            StateDescriptor<?, ?> descriptor, Mode mode, Supplier<S> create) {
        String name = checkDescriptor(descriptor);
        RegisteredState existing = states.get(name);
        if (existing != null) {
            checkSame(existing, descriptor, mode);
            return (S) existing;
        }
        S state = create.get();
        OperatorStateContents restored = claim(name, mode);
        if (restored != null) {
            state.restore(restored);
        }
        states.put(name, state);
        return state;
    }

    @Override
    public Set<String> getRegisteredStateNames() {
        return names(false);
    }

    @Override
    public Set<String> getRegisteredBroadcastStateNames() {
        return names(true);
    }

    /** Registered names first, then restored ones nobody has asked for yet. */
    private Set<String> names(boolean broadcast) {
        Set<String> names = new LinkedHashSet<>();
        states.forEach(
                (name, s) -> {
                    if ((s.mode() == Mode.BROADCAST) == broadcast) {
                        names.add(name);
                    }
                });
        unclaimed.forEach(
                (name, c) -> {
                    if ((c.mode() == Mode.BROADCAST) == broadcast) {
                        names.add(name);
                    }
                });
        return names;
    }

    @Override
    public Map<String, OperatorStateContents> snapshot() {
        Map<String, OperatorStateContents> snapshot = new LinkedHashMap<>(unclaimed);
        states.forEach((name, s) -> snapshot.put(name, s.contents()));
        return snapshot;
    }

    @Override
    public void restore(long checkpointId, Map<String, OperatorStateContents> contents) {
        if (!states.isEmpty() || !unclaimed.isEmpty()) {
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
        states.clear();
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
            RegisteredState existing, StateDescriptor<?, ?> requested, Mode requestedMode) {
        StateDescriptor<?, ?> descriptor = existing.descriptor();
        if (existing.mode() != requestedMode
                || !descriptor.getTypeInformation().equals(requested.getTypeInformation())) {
            throw new IllegalStateException(
                    "Operator state '"
                            + requested.getName()
                            + "' is already registered as "
                            + describe(existing.mode())
                            + " of "
                            + descriptor.getTypeInformation()
                            + "; it cannot also be "
                            + describe(requestedMode)
                            + " of "
                            + requested.getTypeInformation()
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

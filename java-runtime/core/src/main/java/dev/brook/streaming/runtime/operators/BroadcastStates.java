package dev.brook.streaming.runtime.operators;

import dev.brook.api.common.state.BroadcastState;
import dev.brook.api.common.state.MapStateDescriptor;
import dev.brook.api.common.state.ReadOnlyBroadcastState;
import dev.brook.runtime.state.OperatorStateBackend;
import java.util.HashMap;
import java.util.List;

/**
 * The broadcast states of a broadcast operator, declared by the descriptors given to {@code
 * DataStream#broadcast} and registered in the operator state backend when the operator is built;
 * each with the read-only view the non-broadcast side gets.
 */
final class BroadcastStates {

    private final HashMap<MapStateDescriptor<?, ?>, BroadcastState<?, ?>> states = new HashMap<>();
    private final HashMap<MapStateDescriptor<?, ?>, ReadOnlyBroadcastStateView<?, ?>> views =
            new HashMap<>();

    BroadcastStates(OperatorStateBackend backend, List<MapStateDescriptor<?, ?>> descriptors)
            throws Exception {
        for (MapStateDescriptor<?, ?> descriptor : descriptors) {
            register(backend, descriptor);
        }
    }

    private <K, V> void register(OperatorStateBackend backend, MapStateDescriptor<K, V> descriptor)
            throws Exception {
        BroadcastState<K, V> state = backend.getBroadcastState(descriptor);
        states.put(descriptor, state);
        views.put(descriptor, new ReadOnlyBroadcastStateView<>(descriptor.getName(), state));
    }

    @SuppressWarnings("unchecked")
    <K, V> BroadcastState<K, V> get(MapStateDescriptor<K, V> descriptor) {
        BroadcastState<?, ?> state = states.get(descriptor);
        if (state == null) {
            throw notDeclared(descriptor);
        }
        return (BroadcastState<K, V>) state;
    }

    @SuppressWarnings("unchecked")
    <K, V> ReadOnlyBroadcastState<K, V> getReadOnly(MapStateDescriptor<K, V> descriptor) {
        ReadOnlyBroadcastStateView<?, ?> view = views.get(descriptor);
        if (view == null) {
            throw notDeclared(descriptor);
        }
        return (ReadOnlyBroadcastState<K, V>) view;
    }

    private IllegalArgumentException notDeclared(MapStateDescriptor<?, ?> descriptor) {
        List<String> declared =
                states.keySet().stream().map(MapStateDescriptor::getName).sorted().toList();
        return new IllegalArgumentException(
                descriptor == null
                        ? "The broadcast state descriptor must not be null."
                        : "The broadcast state '"
                                + descriptor.getName()
                                + "' does not exist; this operator has "
                                + (declared.isEmpty() ? "none" : declared)
                                + ". Pass its descriptor to DataStream.broadcast(...), or check"
                                + " the name for typos.");
    }
}

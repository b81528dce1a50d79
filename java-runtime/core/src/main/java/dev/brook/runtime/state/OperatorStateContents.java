package dev.brook.runtime.state;

import dev.brook.api.common.typeutils.TypeSerializer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The contents of one named operator state, as a snapshot reads them from an {@link
 * OperatorStateBackend} and a restore hands them back: the elements of a list state, or the entries
 * of a broadcast state.
 *
 * @param mode how a restore at another parallelism hands the state out
 * @param elements the elements of a list or union list state (empty for broadcast state)
 * @param entries the entries of a broadcast state (empty for list states)
 * @param serializers how a checkpoint writes them: the element serializer of a list state, the key
 *     and value serializers of a broadcast state
 */
public record OperatorStateContents(
        Mode mode, List<?> elements, Map<?, ?> entries, List<TypeSerializer<?>> serializers) {

    /** How a restored job gives a state's contents to its parallel instances (as Flink's). */
    public enum Mode {
        /** The elements of all instances are split among the new instances. */
        SPLIT_DISTRIBUTE,
        /** Every new instance gets the elements of all instances. */
        UNION,
        /** Every new instance gets the map, which is equal in all instances. */
        BROADCAST
    }

    public OperatorStateContents {
        Objects.requireNonNull(mode, "mode");
        // Copies, since states change after a snapshot; null values are allowed in broadcast state.
        elements = Collections.unmodifiableList(new ArrayList<>(elements));
        entries = Collections.unmodifiableMap(new HashMap<>(entries));
        serializers = List.copyOf(serializers);
    }

    public static OperatorStateContents list(
            Mode mode, List<?> elements, TypeSerializer<?> elementSerializer) {
        if (mode == Mode.BROADCAST) {
            throw new IllegalArgumentException("A list state is SPLIT_DISTRIBUTE or UNION");
        }
        return new OperatorStateContents(mode, elements, Map.of(), List.of(elementSerializer));
    }

    public static OperatorStateContents broadcast(
            Map<?, ?> entries, TypeSerializer<?> keySerializer, TypeSerializer<?> valueSerializer) {
        return new OperatorStateContents(
                Mode.BROADCAST, List.of(), entries, List.of(keySerializer, valueSerializer));
    }
}

package dev.brook.contrib.streaming.state;

import dev.brook.api.common.state.ListState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A list stored as its serialized elements one after another. Adding is a blind write: RocksDB's
 * merge operator appends the new elements' bytes when the list is next read or compacted.
 */
final class RocksDBListState<K, N, V> extends AbstractRocksDBState<K, N, V>
        implements ListState<V> {

    RocksDBListState(
            RocksDBKeyedStateBackend<K> backend, StateColumn column, Object defaultNamespace) {
        super(backend, column, defaultNamespace);
    }

    @Override
    public Iterable<V> get() throws Exception {
        keyOf(currentNamespace);
        if (!read()) {
            return Collections.emptyList();
        }
        List<V> elements = new ArrayList<>();
        while (valueIn.available() > 0) {
            elements.add(serializer.deserialize(valueIn));
        }
        return elements;
    }

    @Override
    public void add(V value) throws Exception {
        Objects.requireNonNull(value, "ListState does not accept null elements");
        keyOf(currentNamespace);
        valueOut.clear();
        serializer.serialize(value, valueOut);
        column.append(keyOut, valueOut);
    }

    @Override
    public void update(List<V> values) throws Exception {
        if (values == null || values.isEmpty()) {
            clear();
            return;
        }
        serializeAll(values);
        column.put(keyOut, valueOut);
    }

    @Override
    public void addAll(List<V> values) throws Exception {
        if (values != null && !values.isEmpty()) {
            serializeAll(values);
            column.append(keyOut, valueOut);
        }
    }

    /** Sets the current key and the serialized elements, rejecting null elements first. */
    private void serializeAll(List<V> values) throws Exception {
        for (V v : values) {
            Objects.requireNonNull(v, "ListState does not accept null elements");
        }
        keyOf(currentNamespace);
        valueOut.clear();
        for (V v : values) {
            serializer.serialize(v, valueOut);
        }
    }

    @Override
    public void mergeNamespaces(N target, Iterable<N> sources) {
        valueOut.clear();
        for (N source : sources) {
            keyOf(source);
            if (read()) {
                copyReadValue(valueOut);
                column.delete(keyOut);
            }
        }
        if (valueOut.length() > 0) {
            keyOf(target);
            column.append(keyOut, valueOut);
        }
    }
}

package dev.brook.runtime.state.heap;

import dev.brook.api.common.state.ListState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

final class HeapListState<K, N, V> extends AbstractHeapState<K, N, ArrayList<V>>
        implements ListState<V> {

    HeapListState(StateTable<K, N, ArrayList<V>> table, Object defaultNamespace) {
        super(table, defaultNamespace);
    }

    @Override
    public Iterable<V> get() {
        ArrayList<V> list = table.get(currentNamespace);
        return list == null ? Collections.emptyList() : list;
    }

    @Override
    public void add(V value) {
        Objects.requireNonNull(value, "ListState does not accept null elements");
        ArrayList<V> list = table.get(currentNamespace);
        if (list == null) {
            list = new ArrayList<>();
            table.put(currentNamespace, list);
        }
        list.add(value);
    }

    @Override
    public void update(List<V> values) {
        if (values == null || values.isEmpty()) {
            clear();
            return;
        }
        for (V v : values) {
            Objects.requireNonNull(v, "ListState does not accept null elements");
        }
        table.put(currentNamespace, new ArrayList<>(values));
    }

    @Override
    public void addAll(List<V> values) {
        if (values != null) {
            for (V v : values) {
                add(v);
            }
        }
    }

    @Override
    public void mergeNamespaces(N target, Iterable<N> sources) {
        ArrayList<V> merged = new ArrayList<>();
        for (N source : sources) {
            ArrayList<V> part = table.remove(source);
            if (part != null) {
                merged.addAll(part);
            }
        }
        if (!merged.isEmpty()) {
            N saved = currentNamespace;
            currentNamespace = target;
            ArrayList<V> existing = table.get(target);
            if (existing != null) {
                existing.addAll(merged);
            } else {
                table.put(target, merged);
            }
            currentNamespace = saved;
        }
    }
}

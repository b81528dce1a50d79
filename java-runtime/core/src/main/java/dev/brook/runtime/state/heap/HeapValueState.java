package dev.brook.runtime.state.heap;

import dev.brook.api.common.state.ValueState;

final class HeapValueState<K, N, V> extends AbstractHeapState<K, N, V> implements ValueState<V> {

    HeapValueState(StateTable<K, N, V> table, Object defaultNamespace) {
        super(table, defaultNamespace);
    }

    @Override
    public V value() {
        return table.get(currentNamespace);
    }

    @Override
    public void update(V value) {
        if (value == null) {
            clear();
        } else {
            table.put(currentNamespace, value);
        }
    }
}

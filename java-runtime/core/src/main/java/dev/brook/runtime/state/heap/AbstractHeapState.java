package dev.brook.runtime.state.heap;

import dev.brook.runtime.state.InternalKvState;

/** Common part of the heap states: the table and the current namespace. */
abstract class AbstractHeapState<K, N, V> implements InternalKvState<K, N> {

    protected final StateTable<K, N, V> table;
    protected N currentNamespace;

    @SuppressWarnings("unchecked")
    AbstractHeapState(StateTable<K, N, V> table, Object defaultNamespace) {
        this.table = table;
        this.currentNamespace = (N) defaultNamespace;
    }

    @Override
    public void setCurrentNamespace(N namespace) {
        this.currentNamespace = namespace;
    }

    public void clear() {
        table.remove(currentNamespace);
    }
}

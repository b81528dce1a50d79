package dev.brook.runtime.state.hashmap;

import dev.brook.annotation.PublicEvolving;
import dev.brook.runtime.state.KeyedStateBackend;
import dev.brook.runtime.state.KeyedStateBackendParameters;
import dev.brook.runtime.state.StateBackend;
import dev.brook.runtime.state.heap.HeapKeyedStateBackend;

/**
 * Keeps keyed state as Java objects on the heap: the fastest backend, for state that fits in
 * memory. The default ({@code state.backend.type: hashmap}).
 */
@PublicEvolving
public class HashMapStateBackend implements StateBackend {

    private static final long serialVersionUID = 1L;

    /** The name {@code state.backend.type} uses. */
    public static final String NAME = "hashmap";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public <K> KeyedStateBackend<K> createKeyedStateBackend(
            KeyedStateBackendParameters<K> parameters) {
        return new HeapKeyedStateBackend<>(
                parameters.keyGroupRange(), parameters.maxParallelism(), parameters.ttlClock());
    }

    @Override
    public String toString() {
        return "HashMapStateBackend";
    }
}

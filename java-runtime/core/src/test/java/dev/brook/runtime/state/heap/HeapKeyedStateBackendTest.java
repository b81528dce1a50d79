package dev.brook.runtime.state.heap;

import dev.brook.runtime.state.KeyedStateBackendTestBase;
import dev.brook.runtime.state.StateBackend;
import dev.brook.runtime.state.hashmap.HashMapStateBackend;

/** The heap backend against the behaviour every keyed state backend must have. */
class HeapKeyedStateBackendTest extends KeyedStateBackendTestBase {

    @Override
    protected StateBackend stateBackend() {
        return new HashMapStateBackend();
    }
}

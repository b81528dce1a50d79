package dev.brook.contrib.streaming.state;

import dev.brook.api.common.state.ValueState;
import java.io.IOException;

final class RocksDBValueState<K, N, V> extends AbstractRocksDBState<K, N, V>
        implements ValueState<V> {

    RocksDBValueState(
            RocksDBKeyedStateBackend<K> backend, StateColumn column, Object defaultNamespace) {
        super(backend, column, defaultNamespace);
    }

    @Override
    public V value() throws IOException {
        return readValue(currentNamespace);
    }

    @Override
    public void update(V value) throws IOException {
        writeValue(currentNamespace, value);
    }
}

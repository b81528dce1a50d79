package dev.brook.runtime.state;

import dev.brook.api.common.state.AggregatingState;
import dev.brook.api.common.state.AggregatingStateDescriptor;
import dev.brook.api.common.state.KeyedStateStore;
import dev.brook.api.common.state.ListState;
import dev.brook.api.common.state.ListStateDescriptor;
import dev.brook.api.common.state.MapState;
import dev.brook.api.common.state.MapStateDescriptor;
import dev.brook.api.common.state.ReducingState;
import dev.brook.api.common.state.ReducingStateDescriptor;
import dev.brook.api.common.state.ValueState;
import dev.brook.api.common.state.ValueStateDescriptor;

/** The keyed state of a keyed backend, in the void namespace: what functions see as keyed state. */
public final class DefaultKeyedStateStore implements KeyedStateStore {

    private final KeyedStateBackend<?> backend;

    public DefaultKeyedStateStore(KeyedStateBackend<?> backend) {
        this.backend = backend;
    }

    @Override
    public <T> ValueState<T> getState(ValueStateDescriptor<T> stateProperties) {
        return backend.getOrCreateKeyedState(stateProperties);
    }

    @Override
    public <T> ListState<T> getListState(ListStateDescriptor<T> stateProperties) {
        return backend.getOrCreateKeyedState(stateProperties);
    }

    @Override
    public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> stateProperties) {
        return backend.getOrCreateKeyedState(stateProperties);
    }

    @Override
    public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
            AggregatingStateDescriptor<IN, ACC, OUT> stateProperties) {
        return backend.getOrCreateKeyedState(stateProperties);
    }

    @Override
    public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> stateProperties) {
        return backend.getOrCreateKeyedState(stateProperties);
    }
}

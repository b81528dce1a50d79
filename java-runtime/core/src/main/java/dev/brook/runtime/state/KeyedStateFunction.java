package dev.brook.runtime.state;

import dev.brook.annotation.PublicEvolving;
import dev.brook.api.common.state.State;

/**
 * Applied to the state of every key that has one, e.g. by {@code
 * KeyedBroadcastProcessFunction.Context#applyToKeyedState}. While it runs, {@code state} reads and
 * writes the entry of {@code key}.
 */
@PublicEvolving
@FunctionalInterface
public interface KeyedStateFunction<K, S extends State> {
    void process(K key, S state) throws Exception;
}

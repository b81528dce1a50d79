package dev.brook.streaming.util;

import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.java.functions.KeySelector;
import dev.brook.streaming.runtime.operators.OperatorFactory;

/**
 * Runs the operator of a {@code KeyedBroadcastProcessFunction}: input 1 is the keyed side, with
 * keyed state and timers, input 2 the broadcast side.
 */
public class KeyedBroadcastOperatorTestHarness<K, IN1, IN2, OUT>
        extends BroadcastOperatorTestHarness<IN1, IN2, OUT> {

    public KeyedBroadcastOperatorTestHarness(
            OperatorFactory<OUT> factory,
            KeySelector<IN1, K> keySelector,
            TypeInformation<K> keyType) {
        super(factory, keySelector);
    }
}

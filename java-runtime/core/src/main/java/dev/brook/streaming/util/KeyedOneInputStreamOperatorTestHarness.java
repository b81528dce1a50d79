package dev.brook.streaming.util;

import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.java.functions.KeySelector;
import dev.brook.streaming.runtime.operators.OperatorFactory;

/** A test harness for an operator on a keyed stream: keyed state and timers are available. */
public class KeyedOneInputStreamOperatorTestHarness<K, IN, OUT>
        extends OneInputStreamOperatorTestHarness<IN, OUT> {

    public KeyedOneInputStreamOperatorTestHarness(
            OperatorFactory<OUT> factory,
            KeySelector<IN, K> keySelector,
            TypeInformation<K> keyType) {
        super(factory, keySelector);
    }
}

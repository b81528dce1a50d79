package dev.brook.streaming.util;

import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.java.functions.KeySelector;
import dev.brook.streaming.api.functions.KeyedProcessFunction;
import dev.brook.streaming.api.functions.ProcessFunction;
import dev.brook.streaming.runtime.operators.KeyedProcessOperator;
import dev.brook.streaming.runtime.operators.ProcessOperator;

/** Ready-to-use, opened test harnesses for process functions. */
public final class ProcessFunctionTestHarnesses {

    private ProcessFunctionTestHarnesses() {}

    public static <IN, OUT> OneInputStreamOperatorTestHarness<IN, OUT> forProcessFunction(
            ProcessFunction<IN, OUT> function) throws Exception {
        OneInputStreamOperatorTestHarness<IN, OUT> harness =
                new OneInputStreamOperatorTestHarness<>(p -> new ProcessOperator<>(p, function));
        harness.open();
        return harness;
    }

    public static <K, IN, OUT>
            KeyedOneInputStreamOperatorTestHarness<K, IN, OUT> forKeyedProcessFunction(
                    KeyedProcessFunction<K, IN, OUT> function,
                    KeySelector<IN, K> keySelector,
                    TypeInformation<K> keyType)
                    throws Exception {
        KeyedOneInputStreamOperatorTestHarness<K, IN, OUT> harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        p -> new KeyedProcessOperator<>(p, function), keySelector, keyType);
        harness.open();
        return harness;
    }
}

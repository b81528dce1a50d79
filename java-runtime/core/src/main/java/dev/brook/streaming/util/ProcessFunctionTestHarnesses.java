package dev.brook.streaming.util;

import dev.brook.api.common.state.MapStateDescriptor;
import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.java.functions.KeySelector;
import dev.brook.streaming.api.functions.KeyedProcessFunction;
import dev.brook.streaming.api.functions.ProcessFunction;
import dev.brook.streaming.api.functions.co.BroadcastProcessFunction;
import dev.brook.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import dev.brook.streaming.runtime.operators.CoBroadcastWithKeyedOperator;
import dev.brook.streaming.runtime.operators.CoBroadcastWithNonKeyedOperator;
import dev.brook.streaming.runtime.operators.KeyedProcessOperator;
import dev.brook.streaming.runtime.operators.ProcessOperator;
import java.util.List;

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

    public static <IN1, IN2, OUT>
            BroadcastOperatorTestHarness<IN1, IN2, OUT> forBroadcastProcessFunction(
                    BroadcastProcessFunction<IN1, IN2, OUT> function,
                    MapStateDescriptor<?, ?>... descriptors)
                    throws Exception {
        List<MapStateDescriptor<?, ?>> states = List.of(descriptors);
        BroadcastOperatorTestHarness<IN1, IN2, OUT> harness =
                new BroadcastOperatorTestHarness<>(
                        p -> new CoBroadcastWithNonKeyedOperator<>(p, function, states));
        harness.open();
        return harness;
    }

    public static <K, IN1, IN2, OUT>
            KeyedBroadcastOperatorTestHarness<K, IN1, IN2, OUT> forKeyedBroadcastProcessFunction(
                    KeyedBroadcastProcessFunction<K, IN1, IN2, OUT> function,
                    KeySelector<IN1, K> keySelector,
                    TypeInformation<K> keyType,
                    MapStateDescriptor<?, ?>... descriptors)
                    throws Exception {
        List<MapStateDescriptor<?, ?>> states = List.of(descriptors);
        KeyedBroadcastOperatorTestHarness<K, IN1, IN2, OUT> harness =
                new KeyedBroadcastOperatorTestHarness<>(
                        p -> new CoBroadcastWithKeyedOperator<>(p, function, states),
                        keySelector,
                        keyType);
        harness.open();
        return harness;
    }
}

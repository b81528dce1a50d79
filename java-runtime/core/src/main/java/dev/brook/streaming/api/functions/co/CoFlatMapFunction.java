package dev.brook.streaming.api.functions.co;

import dev.brook.api.common.functions.Function;
import dev.brook.util.Collector;

/** Maps each record of either of two connected streams to any number of output records. */
public interface CoFlatMapFunction<IN1, IN2, OUT> extends Function {
    void flatMap1(IN1 value, Collector<OUT> out) throws Exception;

    void flatMap2(IN2 value, Collector<OUT> out) throws Exception;
}

package dev.brook.streaming.api.functions.co;

import dev.brook.api.common.functions.Function;

/** Maps each record of either of two connected streams to one output record. */
public interface CoMapFunction<IN1, IN2, OUT> extends Function {
    OUT map1(IN1 value) throws Exception;

    OUT map2(IN2 value) throws Exception;
}

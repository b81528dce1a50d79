package dev.brook.api.common.functions;

import dev.brook.util.Collector;

/** Turns each record into zero, one or more records. */
@FunctionalInterface
public interface FlatMapFunction<T, O> extends Function {
    void flatMap(T value, Collector<O> out) throws Exception;
}

package dev.brook.streaming.runtime.operators.windowing;

import dev.brook.api.common.functions.AggregateFunction;
import dev.brook.api.common.functions.ReduceFunction;
import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.streaming.runtime.operators.FunctionLifecycle;
import java.io.Serializable;

/**
 * How a window keeps its elements: folded incrementally by a reduce or aggregate function, or as a
 * list (for window functions that need all elements, and whenever an evictor is set).
 *
 * @param <IN> the stream's elements
 * @param <X> what the window function receives: IN for reduce and list, the aggregate's result
 */
public record WindowContents<IN, X>(
        Kind kind,
        ReduceFunction<IN> reduceFunction,
        AggregateFunction<IN, Object, X> aggregateFunction,
        TypeInformation<IN> inputType,
        TypeInformation<Object> accumulatorType)
        implements Serializable {

    /** How elements are kept. */
    public enum Kind {
        REDUCE,
        AGGREGATE,
        LIST
    }

    public static <IN> WindowContents<IN, IN> reducing(
            ReduceFunction<IN> fn, TypeInformation<IN> type) {
        return new WindowContents<>(Kind.REDUCE, fn, null, type, null);
    }

    @SuppressWarnings("unchecked")
    public static <IN, ACC, R> WindowContents<IN, R> aggregating(
            AggregateFunction<IN, ACC, R> fn,
            TypeInformation<IN> type,
            TypeInformation<ACC> accType) {
        return new WindowContents<>(
                Kind.AGGREGATE,
                null,
                (AggregateFunction<IN, Object, R>) fn,
                type,
                (TypeInformation<Object>) accType);
    }

    public static <IN> WindowContents<IN, IN> listing(TypeInformation<IN> type) {
        return new WindowContents<>(Kind.LIST, null, null, type, null);
    }

    void open(InternalWindowFunction.FunctionOpener opener) throws Exception {
        if (reduceFunction != null) {
            opener.open(reduceFunction);
        }
        if (aggregateFunction != null) {
            opener.open(aggregateFunction);
        }
    }

    void close() throws Exception {
        if (reduceFunction != null) {
            FunctionLifecycle.close(reduceFunction);
        }
        if (aggregateFunction != null) {
            FunctionLifecycle.close(aggregateFunction);
        }
    }
}

package dev.brook.streaming.runtime.operators;

import dev.brook.api.common.functions.ReduceFunction;
import dev.brook.api.common.state.ReducingStateDescriptor;
import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.runtime.state.InternalReducingState;
import dev.brook.streaming.api.functions.aggregation.ComparableAggregator;
import dev.brook.streaming.api.functions.aggregation.SumAggregator;
import dev.brook.streaming.runtime.streamrecord.StreamRecord;

/**
 * Reduce on a keyed stream. In STREAMING mode it is rolling: it keeps one value per key in keyed
 * state and emits the updated value for every record. In BATCH mode the input arrives sorted by key
 * and only the final value of each key is emitted, when the key ends.
 */
public final class StreamGroupedReduce<IN> extends AbstractUdfOperator<IN, IN, ReduceFunction<IN>> {

    private static final String STATE_NAME = "_op_state";

    private final TypeInformation<IN> type;
    private final boolean batch;
    private InternalReducingState<IN> values;

    /** BATCH mode: the reduced value of the current key (input arrives grouped by key). */
    private IN keyResult;

    public StreamGroupedReduce(
            OperatorParameters<IN> parameters,
            ReduceFunction<IN> function,
            TypeInformation<IN> type) {
        super(parameters, function);
        this.type = type;
        this.batch = parameters.isBatch();
    }

    @Override
    public void open() throws Exception {
        super.open();
        values =
                (InternalReducingState<IN>)
                        getKeyedStateBackend()
                                .getOrCreateKeyedState(
                                        new ReducingStateDescriptor<>(
                                                STATE_NAME, userFunction, type));
    }

    @Override
    public void processElement(StreamRecord<IN> element) throws Exception {
        if (batch) {
            IN value = element.getValue();
            keyResult = keyResult == null ? value : userFunction.reduce(keyResult, value);
        } else {
            output.collect(element.replace(values.addAndGet(element.getValue())));
        }
    }

    /**
     * The reduce function if it may also be applied to partial results, so that BATCH input can be
     * combined per key before it is sorted: Brook's built-in aggregations ({@code sum}, {@code
     * min}, {@code max}, {@code minBy}, {@code maxBy}), which are associative. Null for user
     * functions, whose associativity is unknown.
     */
    public ReduceFunction<IN> associativeFunction() {
        return userFunction instanceof SumAggregator || userFunction instanceof ComparableAggregator
                ? userFunction
                : null;
    }

    @Override
    public void endOfKey() throws Exception {
        if (keyResult != null) {
            output.collect(new StreamRecord<>(keyResult));
            keyResult = null;
        }
        super.endOfKey();
    }
}

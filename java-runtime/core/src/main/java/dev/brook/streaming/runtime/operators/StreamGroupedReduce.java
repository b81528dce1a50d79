package dev.brook.streaming.runtime.operators;

import dev.brook.api.common.functions.ReduceFunction;
import dev.brook.api.common.state.ReducingStateDescriptor;
import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.runtime.state.InternalReducingState;
import dev.brook.streaming.runtime.streamrecord.StreamRecord;

/**
 * Rolling reduce on a keyed stream: keeps one value per key and emits the updated value for every
 * record.
 */
public final class StreamGroupedReduce<IN> extends AbstractUdfOperator<IN, IN, ReduceFunction<IN>> {

    private static final String STATE_NAME = "_op_state";

    private final TypeInformation<IN> type;
    private InternalReducingState<IN> values;

    public StreamGroupedReduce(
            OperatorParameters<IN> parameters,
            ReduceFunction<IN> function,
            TypeInformation<IN> type) {
        super(parameters, function);
        this.type = type;
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
        output.collect(element.replace(values.addAndGet(element.getValue())));
    }
}

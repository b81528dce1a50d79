package dev.brook.streaming.runtime.operators;

import dev.brook.api.common.functions.ReduceFunction;
import dev.brook.api.common.state.ValueState;
import dev.brook.api.common.state.ValueStateDescriptor;
import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.streaming.runtime.streamrecord.StreamRecord;

/**
 * Rolling reduce on a keyed stream: keeps one value per key and emits the updated value for every
 * record.
 */
public final class StreamGroupedReduce<IN> extends AbstractUdfOperator<IN, IN, ReduceFunction<IN>> {

    private static final String STATE_NAME = "_op_state";

    private final TypeInformation<IN> type;
    private ValueState<IN> values;

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
                getKeyedStateBackend()
                        .getOrCreateKeyedState(new ValueStateDescriptor<>(STATE_NAME, type));
    }

    @Override
    public void processElement(StreamRecord<IN> element) throws Exception {
        IN value = element.getValue();
        IN current = values.value();
        IN updated = current == null ? value : userFunction.reduce(current, value);
        values.update(updated);
        output.collect(element.replace(updated));
    }
}

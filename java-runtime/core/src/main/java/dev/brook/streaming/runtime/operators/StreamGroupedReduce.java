package dev.brook.streaming.runtime.operators;

import dev.brook.api.common.functions.ReduceFunction;
import dev.brook.api.common.state.ReducingStateDescriptor;
import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.runtime.state.InternalReducingState;
import dev.brook.runtime.state.ReduceMerger;
import dev.brook.streaming.runtime.streamrecord.StreamRecord;
import java.util.HashMap;

/**
 * Reduce on a keyed stream. In STREAMING mode it is rolling: it keeps one value per key in keyed
 * state and emits the updated value for every record. In BATCH mode only the final value of each
 * key is emitted, when the input has ended.
 */
public final class StreamGroupedReduce<IN> extends AbstractUdfOperator<IN, IN, ReduceFunction<IN>> {

    private static final String STATE_NAME = "_op_state";

    private final TypeInformation<IN> type;
    private final boolean batch;
    private InternalReducingState<IN> values;

    /** BATCH mode: the reduced value per key, emitted at the end. */
    private final HashMap<Object, IN> finals = new HashMap<>();

    private final ReduceMerger<IN> merger;

    public StreamGroupedReduce(
            OperatorParameters<IN> parameters,
            ReduceFunction<IN> function,
            TypeInformation<IN> type) {
        super(parameters, function);
        this.type = type;
        this.batch = parameters.isBatch();
        this.merger = new ReduceMerger<>(function);
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
            merger.merge(finals, getCurrentKey(), element.getValue());
        } else {
            output.collect(element.replace(values.addAndGet(element.getValue())));
        }
    }

    @Override
    public void finish() {
        if (batch) {
            StreamRecord<IN> record = new StreamRecord<>(null);
            for (IN value : finals.values()) {
                output.collect(record.replace(value));
            }
            finals.clear();
        }
    }
}

package dev.brook.streaming.runtime.operators;

import dev.brook.api.common.functions.MapFunction;
import dev.brook.streaming.runtime.streamrecord.StreamRecord;

/** Applies a {@link MapFunction}; the output keeps the input's timestamp. */
public final class StreamMap<IN, OUT> extends AbstractUdfOperator<IN, OUT, MapFunction<IN, OUT>> {

    public StreamMap(OperatorParameters<OUT> parameters, MapFunction<IN, OUT> function) {
        super(parameters, function);
    }

    @Override
    public void processElement(StreamRecord<IN> element) throws Exception {
        output.collect(element.replace(userFunction.map(element.getValue())));
    }
}

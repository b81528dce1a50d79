package dev.brook.streaming.runtime.operators;

import dev.brook.api.common.functions.FilterFunction;
import dev.brook.streaming.runtime.streamrecord.StreamRecord;

/** Forwards the records its {@link FilterFunction} accepts. */
public final class StreamFilter<IN> extends AbstractUdfOperator<IN, IN, FilterFunction<IN>> {

    public StreamFilter(OperatorParameters<IN> parameters, FilterFunction<IN> function) {
        super(parameters, function);
    }

    @Override
    public void processElement(StreamRecord<IN> element) throws Exception {
        if (userFunction.filter(element.getValue())) {
            output.collect(element);
        }
    }
}

package dev.brook.streaming.runtime.operators;

import dev.brook.api.common.functions.FlatMapFunction;
import dev.brook.streaming.runtime.streamrecord.StreamRecord;

/** Applies a {@link FlatMapFunction}; outputs keep the input's timestamp. */
public final class StreamFlatMap<IN, OUT>
        extends AbstractUdfOperator<IN, OUT, FlatMapFunction<IN, OUT>> {

    private final TimestampedCollector<OUT> collector;

    public StreamFlatMap(OperatorParameters<OUT> parameters, FlatMapFunction<IN, OUT> function) {
        super(parameters, function);
        this.collector = new TimestampedCollector<>(output);
    }

    @Override
    public void processElement(StreamRecord<IN> element) throws Exception {
        collector.setTimestamp(element);
        userFunction.flatMap(element.getValue(), collector);
    }
}

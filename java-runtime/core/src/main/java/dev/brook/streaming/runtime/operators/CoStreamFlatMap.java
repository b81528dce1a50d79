package dev.brook.streaming.runtime.operators;

import dev.brook.streaming.api.functions.co.CoFlatMapFunction;
import dev.brook.streaming.runtime.streamrecord.StreamRecord;

/** Applies a {@link CoFlatMapFunction} to two connected streams. */
public final class CoStreamFlatMap<IN1, IN2, OUT>
        extends AbstractTwoInputUdfOperator<IN1, IN2, OUT, CoFlatMapFunction<IN1, IN2, OUT>> {

    private final TimestampedCollector<OUT> collector;

    public CoStreamFlatMap(
            OperatorParameters<OUT> parameters, CoFlatMapFunction<IN1, IN2, OUT> function) {
        super(parameters, function);
        this.collector = new TimestampedCollector<>(output);
    }

    @Override
    protected void processElement1(StreamRecord<IN1> element) throws Exception {
        collector.setTimestamp(element);
        userFunction.flatMap1(element.getValue(), collector);
    }

    @Override
    protected void processElement2(StreamRecord<IN2> element) throws Exception {
        collector.setTimestamp(element);
        userFunction.flatMap2(element.getValue(), collector);
    }
}

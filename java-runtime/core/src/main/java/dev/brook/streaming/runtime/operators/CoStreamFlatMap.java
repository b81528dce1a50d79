package dev.brook.streaming.runtime.operators;

import dev.brook.streaming.api.functions.co.CoFlatMapFunction;
import dev.brook.streaming.runtime.streamrecord.StreamRecord;

/** Applies a {@link CoFlatMapFunction} to two connected streams. */
public final class CoStreamFlatMap<IN1, IN2, OUT> extends AbstractTwoInputOperator<IN1, IN2, OUT> {

    private final CoFlatMapFunction<IN1, IN2, OUT> function;
    private final TimestampedCollector<OUT> collector;

    public CoStreamFlatMap(
            OperatorParameters<OUT> parameters, CoFlatMapFunction<IN1, IN2, OUT> function) {
        super(parameters);
        this.function = function;
        this.collector = new TimestampedCollector<>(output);
    }

    @Override
    public void open() throws Exception {
        openUserFunction(function);
    }

    @Override
    public void close() throws Exception {
        closeTimerServices();
        FunctionLifecycle.close(function);
    }

    @Override
    protected void processElement1(StreamRecord<IN1> element) throws Exception {
        collector.setTimestamp(element);
        function.flatMap1(element.getValue(), collector);
    }

    @Override
    protected void processElement2(StreamRecord<IN2> element) throws Exception {
        collector.setTimestamp(element);
        function.flatMap2(element.getValue(), collector);
    }
}

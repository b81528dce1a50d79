package dev.brook.streaming.runtime.operators;

import dev.brook.streaming.api.functions.co.CoMapFunction;
import dev.brook.streaming.runtime.streamrecord.StreamRecord;

/** Applies a {@link CoMapFunction} to two connected streams. */
public final class CoStreamMap<IN1, IN2, OUT> extends AbstractTwoInputOperator<IN1, IN2, OUT> {

    private final CoMapFunction<IN1, IN2, OUT> function;

    public CoStreamMap(OperatorParameters<OUT> parameters, CoMapFunction<IN1, IN2, OUT> function) {
        super(parameters);
        this.function = function;
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
        output.collect(element.replace(function.map1(element.getValue())));
    }

    @Override
    protected void processElement2(StreamRecord<IN2> element) throws Exception {
        output.collect(element.replace(function.map2(element.getValue())));
    }
}

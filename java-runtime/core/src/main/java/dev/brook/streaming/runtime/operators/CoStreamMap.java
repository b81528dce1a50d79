package dev.brook.streaming.runtime.operators;

import dev.brook.streaming.api.functions.co.CoMapFunction;
import dev.brook.streaming.runtime.streamrecord.StreamRecord;

/** Applies a {@link CoMapFunction} to two connected streams. */
public final class CoStreamMap<IN1, IN2, OUT>
        extends AbstractTwoInputUdfOperator<IN1, IN2, OUT, CoMapFunction<IN1, IN2, OUT>> {

    public CoStreamMap(OperatorParameters<OUT> parameters, CoMapFunction<IN1, IN2, OUT> function) {
        super(parameters, function);
    }

    @Override
    protected void processElement1(StreamRecord<IN1> element) throws Exception {
        output.collect(element.replace(userFunction.map1(element.getValue())));
    }

    @Override
    protected void processElement2(StreamRecord<IN2> element) throws Exception {
        output.collect(element.replace(userFunction.map2(element.getValue())));
    }
}

package dev.brook.streaming.runtime.operators;

import dev.brook.streaming.api.TimerService;
import dev.brook.streaming.api.functions.co.CoProcessFunction;
import dev.brook.streaming.runtime.streamrecord.StreamRecord;
import dev.brook.util.OutputTag;

/** Runs a {@link CoProcessFunction} on two connected, non-keyed streams. */
public final class CoProcessOperator<IN1, IN2, OUT>
        extends AbstractCoProcessOperator<IN1, IN2, OUT, CoProcessFunction<IN1, IN2, OUT>> {

    private final ContextImpl context;

    public CoProcessOperator(
            OperatorParameters<OUT> parameters, CoProcessFunction<IN1, IN2, OUT> function) {
        super(parameters, function);
        this.context =
                new ContextImpl(
                        function,
                        new NonKeyedTimerService(parameters.processingTimeService(), this));
    }

    @Override
    protected void processElement1(StreamRecord<IN1> element) throws Exception {
        startElement(element);
        userFunction.processElement1(element.getValue(), context, collector);
        endElement();
    }

    @Override
    protected void processElement2(StreamRecord<IN2> element) throws Exception {
        startElement(element);
        userFunction.processElement2(element.getValue(), context, collector);
        endElement();
    }

    private final class ContextImpl extends CoProcessFunction<IN1, IN2, OUT>.Context {
        private final TimerService timerService;

        ContextImpl(CoProcessFunction<IN1, IN2, OUT> function, TimerService timerService) {
            function.super();
            this.timerService = timerService;
        }

        @Override
        public Long timestamp() {
            return elementTimestamp();
        }

        @Override
        public TimerService timerService() {
            return timerService;
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            emitSideOutput(outputTag, value, timestamp());
        }
    }
}

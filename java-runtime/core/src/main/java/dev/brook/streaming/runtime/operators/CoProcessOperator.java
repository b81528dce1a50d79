package dev.brook.streaming.runtime.operators;

import dev.brook.streaming.api.TimerService;
import dev.brook.streaming.api.functions.co.CoProcessFunction;
import dev.brook.streaming.runtime.streamrecord.StreamRecord;
import dev.brook.util.OutputTag;

/** Runs a {@link CoProcessFunction} on two connected, non-keyed streams. */
public final class CoProcessOperator<IN1, IN2, OUT>
        extends AbstractTwoInputOperator<IN1, IN2, OUT> {

    private final CoProcessFunction<IN1, IN2, OUT> function;
    private final TimestampedCollector<OUT> collector;
    private final ContextImpl context;
    private StreamRecord<?> current;

    public CoProcessOperator(
            OperatorParameters<OUT> parameters, CoProcessFunction<IN1, IN2, OUT> function) {
        super(parameters);
        this.function = function;
        this.collector = new TimestampedCollector<>(output);
        this.context =
                new ContextImpl(
                        function,
                        new NonKeyedTimerService(parameters.processingTimeService(), this));
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
        current = element;
        collector.setTimestamp(element);
        function.processElement1(element.getValue(), context, collector);
        current = null;
    }

    @Override
    protected void processElement2(StreamRecord<IN2> element) throws Exception {
        current = element;
        collector.setTimestamp(element);
        function.processElement2(element.getValue(), context, collector);
        current = null;
    }

    private final class ContextImpl extends CoProcessFunction<IN1, IN2, OUT>.Context {
        private final TimerService timerService;

        ContextImpl(CoProcessFunction<IN1, IN2, OUT> function, TimerService timerService) {
            function.super();
            this.timerService = timerService;
        }

        @Override
        public Long timestamp() {
            return current != null && current.hasTimestamp() ? current.getTimestamp() : null;
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

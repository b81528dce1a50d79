package dev.brook.streaming.runtime.operators;

import dev.brook.streaming.api.TimerService;
import dev.brook.streaming.api.functions.ProcessFunction;
import dev.brook.streaming.runtime.streamrecord.StreamRecord;
import dev.brook.util.OutputTag;

/** Runs a {@link ProcessFunction} on a non-keyed stream. */
public final class ProcessOperator<IN, OUT>
        extends AbstractUdfOperator<IN, OUT, ProcessFunction<IN, OUT>> {

    private final TimestampedCollector<OUT> collector;
    private final ContextImpl context;
    private StreamRecord<IN> current;

    public ProcessOperator(OperatorParameters<OUT> parameters, ProcessFunction<IN, OUT> function) {
        super(parameters, function);
        this.collector = new TimestampedCollector<>(output);
        this.context =
                new ContextImpl(
                        function,
                        new NonKeyedTimerService(parameters.processingTimeService(), this));
    }

    @Override
    public void processElement(StreamRecord<IN> element) throws Exception {
        current = element;
        collector.setTimestamp(element);
        userFunction.processElement(element.getValue(), context, collector);
        current = null;
    }

    private final class ContextImpl extends ProcessFunction<IN, OUT>.Context {
        private final TimerService timerService;

        ContextImpl(ProcessFunction<IN, OUT> function, TimerService timerService) {
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

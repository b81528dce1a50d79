package dev.brook.runtime.metrics.groups;

import dev.brook.metrics.Counter;
import dev.brook.metrics.Gauge;
import dev.brook.metrics.Histogram;
import dev.brook.metrics.Meter;
import dev.brook.metrics.MeterView;
import dev.brook.metrics.MetricGroup;
import dev.brook.metrics.SimpleCounter;
import dev.brook.metrics.groups.OperatorIOMetricGroup;
import dev.brook.metrics.groups.OperatorMetricGroup;
import dev.brook.runtime.metrics.MetricRegistry;
import java.util.Map;

/**
 * The metrics of one operator in one subtask, with its I/O counters ({@code numRecordsIn}, {@code
 * numRecordsOut} and their rates), which the task counts as records pass.
 */
public final class InternalOperatorMetricGroup extends AbstractMetricGroup
        implements OperatorMetricGroup {

    private final Counter numRecordsIn;
    private final Counter numRecordsOut = new SimpleCounter();
    private final OperatorIOMetricGroup io = new IO();

    InternalOperatorMetricGroup(
            MetricRegistry registry,
            String[] scope,
            Map<String, String> variables,
            String queryScope,
            Counter numRecordsIn) {
        super(registry, scope, variables, queryScope);
        this.numRecordsIn = numRecordsIn;
        counter("numRecordsIn", numRecordsIn);
        counter("numRecordsOut", numRecordsOut);
        meter("numRecordsInPerSecond", new MeterView(numRecordsIn));
        meter("numRecordsOutPerSecond", new MeterView(numRecordsOut));
    }

    /** An operator group that reports nothing, for operators run in test harnesses. */
    public static InternalOperatorMetricGroup unregistered(String operatorName) {
        return TaskMetricGroup.unregistered(operatorName).addOperator("operator", operatorName);
    }

    @Override
    public OperatorIOMetricGroup getIOMetricGroup() {
        return io;
    }

    /** The I/O counters are metrics of the operator group itself, as in Flink. */
    private final class IO implements OperatorIOMetricGroup {

        @Override
        public Counter getNumRecordsInCounter() {
            return numRecordsIn;
        }

        @Override
        public Counter getNumRecordsOutCounter() {
            return numRecordsOut;
        }

        @Override
        public <C extends Counter> C counter(String name, C counter) {
            return InternalOperatorMetricGroup.this.counter(name, counter);
        }

        @Override
        public <T, G extends Gauge<T>> G gauge(String name, G gauge) {
            return InternalOperatorMetricGroup.this.gauge(name, gauge);
        }

        @Override
        public <M extends Meter> M meter(String name, M meter) {
            return InternalOperatorMetricGroup.this.meter(name, meter);
        }

        @Override
        public <H extends Histogram> H histogram(String name, H histogram) {
            return InternalOperatorMetricGroup.this.histogram(name, histogram);
        }

        @Override
        public MetricGroup addGroup(String name) {
            return InternalOperatorMetricGroup.this.addGroup(name);
        }

        @Override
        public MetricGroup addGroup(String key, String value) {
            return InternalOperatorMetricGroup.this.addGroup(key, value);
        }

        @Override
        public String[] getScopeComponents() {
            return InternalOperatorMetricGroup.this.getScopeComponents();
        }

        @Override
        public Map<String, String> getAllVariables() {
            return InternalOperatorMetricGroup.this.getAllVariables();
        }

        @Override
        public String getMetricIdentifier(String metricName) {
            return InternalOperatorMetricGroup.this.getMetricIdentifier(metricName);
        }
    }
}

package dev.brook.runtime.metrics.groups;

import dev.brook.metrics.Counter;
import dev.brook.metrics.MeterView;
import dev.brook.metrics.SimpleCounter;
import dev.brook.metrics.groups.OperatorIOMetricGroup;
import dev.brook.metrics.groups.OperatorMetricGroup;
import dev.brook.runtime.metrics.MetricRegistry;
import java.util.Map;

/**
 * The metrics of one operator in one subtask, with its I/O counters ({@code numRecordsIn}, {@code
 * numRecordsOut} and their rates), which the task counts as records pass. The I/O counters are
 * metrics of the operator group itself, as in Flink, so the group is its own I/O group.
 */
public final class InternalOperatorMetricGroup extends AbstractMetricGroup
        implements OperatorMetricGroup, OperatorIOMetricGroup {

    private final Counter numRecordsIn;
    private final Counter numRecordsOut = new SimpleCounter();

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
        return this;
    }

    @Override
    public Counter getNumRecordsInCounter() {
        return numRecordsIn;
    }

    @Override
    public Counter getNumRecordsOutCounter() {
        return numRecordsOut;
    }
}

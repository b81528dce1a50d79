package dev.brook.metrics.groups;

import dev.brook.annotation.PublicEvolving;
import dev.brook.metrics.Counter;
import dev.brook.metrics.MetricGroup;

/** The built-in input/output metrics of an operator. */
@PublicEvolving
public interface OperatorIOMetricGroup extends MetricGroup {

    /** Records the operator received. */
    Counter getNumRecordsInCounter();

    /** Records the operator emitted, side outputs included. */
    Counter getNumRecordsOutCounter();
}

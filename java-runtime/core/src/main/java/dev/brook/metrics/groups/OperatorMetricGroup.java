package dev.brook.metrics.groups;

import dev.brook.annotation.PublicEvolving;
import dev.brook.metrics.MetricGroup;

/** The metrics of one operator in one subtask: what its functions register, and its I/O. */
@PublicEvolving
public interface OperatorMetricGroup extends MetricGroup {

    OperatorIOMetricGroup getIOMetricGroup();
}

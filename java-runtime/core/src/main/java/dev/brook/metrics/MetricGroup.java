package dev.brook.metrics;

import dev.brook.annotation.PublicEvolving;
import java.util.Map;

/**
 * A named group of metrics and of further groups. A metric is registered under a name unique in its
 * group; registering a second metric under a taken name logs a warning and keeps the first one (the
 * returned metric then still works, it is just not reported).
 */
@PublicEvolving
public interface MetricGroup {

    /** Registers and returns a new {@link SimpleCounter}. */
    default Counter counter(String name) {
        return counter(name, new SimpleCounter());
    }

    <C extends Counter> C counter(String name, C counter);

    <T, G extends Gauge<T>> G gauge(String name, G gauge);

    <M extends Meter> M meter(String name, M meter);

    <H extends Histogram> H histogram(String name, H histogram);

    /** The sub-group {@code name}, created on first use. */
    MetricGroup addGroup(String name);

    /**
     * A key/value sub-group: the group {@code key} with the group {@code value} inside, and {@code
     * <key>} = value among the variables of what is registered in it.
     */
    MetricGroup addGroup(String key, String value);

    /** The scope of this group: e.g. host, TaskManager, job, operator, subtask, user groups. */
    String[] getScopeComponents();

    /** The variables of the scope, e.g. {@code <job_name>} → the job's name. */
    Map<String, String> getAllVariables();

    /** The fully qualified name of a metric {@code metricName} in this group. */
    String getMetricIdentifier(String metricName);
}

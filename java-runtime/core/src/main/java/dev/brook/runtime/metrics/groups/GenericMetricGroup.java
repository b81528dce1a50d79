package dev.brook.runtime.metrics.groups;

import dev.brook.runtime.metrics.MetricRegistry;
import java.util.Map;

/** A group a user added with {@code addGroup}. */
final class GenericMetricGroup extends AbstractMetricGroup {

    GenericMetricGroup(
            MetricRegistry registry,
            String[] scopeComponents,
            Map<String, String> variables,
            String queryScope) {
        super(registry, scopeComponents, variables, queryScope);
    }
}

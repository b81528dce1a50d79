package dev.brook.runtime.metrics.groups;

import dev.brook.metrics.Counter;
import dev.brook.metrics.Gauge;
import dev.brook.metrics.Histogram;
import dev.brook.metrics.HistogramStatistics;
import dev.brook.metrics.Meter;
import dev.brook.metrics.Metric;
import dev.brook.metrics.MetricGroup;
import dev.brook.metrics.View;
import dev.brook.runtime.metrics.MetricRegistry;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A group of metrics with its scope (for identifiers), its variables, and its <em>query scope</em>:
 * the path of the group inside its task, which prefixes the ids the REST API reports (e.g. {@code
 * Map.myGroup.myCounter}). Registration may happen on any thread; {@link #dump} reads concurrently.
 */
public abstract class AbstractMetricGroup implements MetricGroup {

    private static final Logger LOG = LoggerFactory.getLogger(AbstractMetricGroup.class);

    private final MetricRegistry registry;
    private final String[] scopeComponents;
    private final Map<String, String> variables;
    private final String queryScope;
    private final Map<String, Metric> metrics = new ConcurrentHashMap<>();
    private final Map<String, AbstractMetricGroup> groups = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * @param registry updates the views (meters) registered here; null for a group that reports
     *     nothing
     * @param queryScope the group's path in its task, "" for the task itself
     */
    protected AbstractMetricGroup(
            MetricRegistry registry,
            String[] scopeComponents,
            Map<String, String> variables,
            String queryScope) {
        this.registry = registry;
        this.scopeComponents = scopeComponents;
        this.variables = Collections.unmodifiableMap(new HashMap<>(variables));
        this.queryScope = queryScope;
    }

    /**
     * A name as one component of an id: characters other than letters, digits, - and _ become _.
     */
    public static String filterComponent(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            b.append(Character.isLetterOrDigit(c) || c == '-' || c == '_' ? c : '_');
        }
        return b.toString();
    }

    MetricRegistry registry() {
        return registry;
    }

    String queryScope() {
        return queryScope;
    }

    @Override
    public <C extends Counter> C counter(String name, C counter) {
        return add(name, counter);
    }

    @Override
    public <T, G extends Gauge<T>> G gauge(String name, G gauge) {
        return add(name, gauge);
    }

    @Override
    public <M extends Meter> M meter(String name, M meter) {
        return add(name, meter);
    }

    @Override
    public <H extends Histogram> H histogram(String name, H histogram) {
        return add(name, histogram);
    }

    private <M extends Metric> M add(String name, M metric) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(
                    "A metric needs a non-empty name, got '" + name + "' in " + describe());
        }
        if (metric == null) {
            throw new IllegalArgumentException(
                    "Metric '" + name + "' in " + describe() + " is null");
        }
        if (closed) {
            return metric;
        }
        Metric previous = metrics.putIfAbsent(name, metric);
        if (previous != null) {
            LOG.warn(
                    "Metric '{}' is already registered in {}; the new one is not reported.",
                    name,
                    describe());
        } else if (metric instanceof View view && registry != null) {
            registry.register(view);
        }
        return metric;
    }

    @Override
    public MetricGroup addGroup(String name) {
        return subGroup(name, null);
    }

    @Override
    public MetricGroup addGroup(String key, String value) {
        return ((AbstractMetricGroup) subGroup(key, null)).subGroup(value, key);
    }

    private MetricGroup subGroup(String name, String variableKey) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(
                    "A metric group needs a non-empty name, got '" + name + "' in " + describe());
        }
        return groups.computeIfAbsent(
                name,
                n -> {
                    String[] scope = Arrays.copyOf(scopeComponents, scopeComponents.length + 1);
                    scope[scopeComponents.length] = n;
                    Map<String, String> vars = new HashMap<>(variables);
                    if (variableKey != null) {
                        vars.put("<" + variableKey + ">", n);
                    }
                    String component = filterComponent(n);
                    AbstractMetricGroup group =
                            new GenericMetricGroup(
                                    registry,
                                    scope,
                                    vars,
                                    queryScope.isEmpty()
                                            ? component
                                            : queryScope + "." + component);
                    if (closed) {
                        group.close();
                    }
                    return group;
                });
    }

    @Override
    public String[] getScopeComponents() {
        return scopeComponents.clone();
    }

    @Override
    public Map<String, String> getAllVariables() {
        return variables;
    }

    @Override
    public String getMetricIdentifier(String metricName) {
        return String.join(".", scopeComponents) + "." + metricName;
    }

    private String describe() {
        return "metric group '" + String.join(".", scopeComponents) + "'";
    }

    /**
     * Adds the current value of every metric of this group and its sub-groups to {@code out}, by id
     * (query scope and name); a histogram adds one id per statistic, as Flink's REST API does.
     */
    public void dump(Map<String, String> out) {
        for (Map.Entry<String, Metric> e : metrics.entrySet()) {
            String id = queryScope.isEmpty() ? e.getKey() : queryScope + "." + e.getKey();
            try {
                dumpMetric(id, e.getValue(), out);
            } catch (RuntimeException failure) {
                LOG.debug("Reading metric {} failed", id, failure);
            }
        }
        for (AbstractMetricGroup group : groups.values()) {
            group.dump(out);
        }
    }

    private static void dumpMetric(String id, Metric metric, Map<String, String> out) {
        if (metric instanceof Counter counter) {
            out.put(id, Long.toString(counter.getCount()));
        } else if (metric instanceof Gauge<?> gauge) {
            out.put(id, String.valueOf(gauge.getValue()));
        } else if (metric instanceof Meter meter) {
            out.put(id, Double.toString(meter.getRate()));
        } else if (metric instanceof Histogram histogram) {
            // Flink's REST ids of a histogram's statistics.
            HistogramStatistics s = histogram.getStatistics();
            out.put(id + "_min", Long.toString(s.getMin()));
            out.put(id + "_max", Long.toString(s.getMax()));
            out.put(id + "_mean", Double.toString(s.getMean()));
            out.put(id + "_median", Double.toString(s.getQuantile(0.5)));
            out.put(id + "_stddev", Double.toString(s.getStdDev()));
            out.put(id + "_p75", Double.toString(s.getQuantile(0.75)));
            out.put(id + "_p90", Double.toString(s.getQuantile(0.90)));
            out.put(id + "_p95", Double.toString(s.getQuantile(0.95)));
            out.put(id + "_p98", Double.toString(s.getQuantile(0.98)));
            out.put(id + "_p99", Double.toString(s.getQuantile(0.99)));
            out.put(id + "_p999", Double.toString(s.getQuantile(0.999)));
        }
    }

    /** Stops registering: later metrics are not reported, and meters are no longer updated. */
    public void close() {
        closed = true;
        if (registry != null) {
            for (Metric m : metrics.values()) {
                if (m instanceof View view) {
                    registry.unregister(view);
                }
            }
        }
        for (AbstractMetricGroup group : groups.values()) {
            group.close();
        }
    }
}

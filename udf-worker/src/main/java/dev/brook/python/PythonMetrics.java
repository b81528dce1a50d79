package dev.brook.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brook.metrics.Gauge;
import dev.brook.metrics.MeterView;
import dev.brook.metrics.MetricGroup;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The metrics of an operator's Python functions, in the operator's metric group: the worker reports
 * their changes once per bundle in a {@link Frames#METRICS} frame (JSON {@code {"metrics":
 * [{"group", "name", "type", ...}]}}, see {@code brook_worker/metrics.py}), and each becomes a Java
 * metric the first time it is reported. A counter or meter gets the bundle's delta, a gauge the
 * value its callable returned at the end of the bundle, and a distribution (count, sum, min, max of
 * the values) is a gauge reading like PyFlink's {@code DistributionResult}. Task thread only,
 * except that gauges are read by the metrics queries.
 */
final class PythonMetrics {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MetricGroup root;
    private final Map<String, Object> metrics = new HashMap<>();

    PythonMetrics(MetricGroup root) {
        this.root = root;
    }

    void apply(byte[] payload) throws IOException {
        for (JsonNode entry : JSON.readTree(payload).path("metrics")) {
            String type = entry.path("type").asText();
            String name = entry.path("name").asText();
            JsonNode group = entry.path("group");
            switch (type) {
                case "counter" ->
                        metric(type, group, name, g -> g.counter(name))
                                .inc(entry.path("delta").asLong());
                case "meter" ->
                        metric(
                                        type,
                                        group,
                                        name,
                                        g ->
                                                g.meter(
                                                        name,
                                                        new MeterView(
                                                                entry.path("time_span").asInt(60))))
                                .markEvent(entry.path("delta").asLong());
                case "gauge" ->
                        metric(type, group, name, g -> g.gauge(name, new PythonGauge())).value =
                                entry.path("value").numberValue();
                case "distribution" ->
                        metric(type, group, name, g -> g.gauge(name, new DistributionGauge()))
                                .add(
                                        entry.path("count").asLong(),
                                        entry.path("sum").asDouble(),
                                        entry.path("min").asDouble(),
                                        entry.path("max").asDouble());
                default ->
                        throw new IllegalStateException(
                                "The Python worker reported metric '"
                                        + name
                                        + "' of an unknown type '"
                                        + type
                                        + "'");
            }
        }
    }

    /** The metric {@code name} of {@code type} in the group at {@code path}, registered once. */
    @SuppressWarnings("unchecked")
    private <M> M metric(String type, JsonNode path, String name, Function<MetricGroup, M> create) {
        return (M)
                metrics.computeIfAbsent(
                        type + ' ' + path + ' ' + name, k -> create.apply(group(path)));
    }

    /** The group at {@code path}: names, and [key, value] pairs for key/value groups. */
    private MetricGroup group(JsonNode path) {
        MetricGroup group = root;
        for (JsonNode component : path) {
            group =
                    component.isArray()
                            ? group.addGroup(component.get(0).asText(), component.get(1).asText())
                            : group.addGroup(component.asText());
        }
        return group;
    }

    /** The value a Python gauge's callable returned at the end of the last bundle. */
    private static final class PythonGauge implements Gauge<Number> {
        volatile Number value;

        @Override
        public Number getValue() {
            return value;
        }
    }

    /** Count, sum, min and max of every value a Python distribution was updated with. */
    private static final class DistributionGauge implements Gauge<String> {
        private long count;
        private double sum;
        private double min = Double.POSITIVE_INFINITY;
        private double max = Double.NEGATIVE_INFINITY;

        synchronized void add(long n, double s, double lo, double hi) {
            if (n == 0) {
                return;
            }
            count += n;
            sum += s;
            min = Math.min(min, lo);
            max = Math.max(max, hi);
        }

        @Override
        public synchronized String getValue() {
            if (count == 0) {
                return "DistributionResult{sum=0, count=0, min=0, max=0}";
            }
            return "DistributionResult{sum="
                    + number(sum)
                    + ", count="
                    + count
                    + ", min="
                    + number(min)
                    + ", max="
                    + number(max)
                    + "}";
        }

        private static String number(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15
                    ? Long.toString((long) v)
                    : Double.toString(v);
        }
    }
}

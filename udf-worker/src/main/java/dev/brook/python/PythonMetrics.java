package dev.brook.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.brook.metrics.Counter;
import dev.brook.metrics.Gauge;
import dev.brook.metrics.Meter;
import dev.brook.metrics.MeterView;
import dev.brook.metrics.MetricGroup;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

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
        JsonNode entries = JSON.readTree(payload).path("metrics");
        for (JsonNode entry : entries) {
            String type = entry.path("type").asText();
            String name = entry.path("name").asText();
            JsonNode group = entry.path("group");
            String key = type + ' ' + group + ' ' + name;
            switch (type) {
                case "counter" -> {
                    Counter counter =
                            (Counter) metrics.computeIfAbsent(key, k -> group(group).counter(name));
                    counter.inc(entry.path("delta").asLong());
                }
                case "meter" -> {
                    Meter meter =
                            (Meter)
                                    metrics.computeIfAbsent(
                                            key,
                                            k ->
                                                    group(group)
                                                            .meter(
                                                                    name,
                                                                    new MeterView(
                                                                            entry.path("time_span")
                                                                                    .asInt(60))));
                    meter.markEvent(entry.path("delta").asLong());
                }
                case "gauge" -> {
                    PythonGauge gauge =
                            (PythonGauge)
                                    metrics.computeIfAbsent(
                                            key, k -> group(group).gauge(name, new PythonGauge()));
                    gauge.value = entry.path("value").numberValue();
                }
                case "distribution" -> {
                    DistributionGauge distribution =
                            (DistributionGauge)
                                    metrics.computeIfAbsent(
                                            key,
                                            k -> group(group).gauge(name, new DistributionGauge()));
                    distribution.add(
                            entry.path("count").asLong(),
                            entry.path("sum").asDouble(),
                            entry.path("min").asDouble(),
                            entry.path("max").asDouble());
                }
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

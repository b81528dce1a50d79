package dev.brook.runtime.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brook.api.common.JobID;
import dev.brook.runtime.dispatcher.Dispatcher;
import dev.brook.runtime.jobgraph.JobVertexID;
import dev.brook.runtime.jobmaster.JobMetricsSnapshot;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Metrics, in Flink's paths and JSON: the job's ({@code /jobs/:jobid/metrics}), a vertex's by
 * subtask ({@code /jobs/:jobid/vertices/:vertexid/metrics}, ids {@code <subtask>.<id>}), one
 * subtask's ({@code .../subtasks/:subtaskindex/metrics}) and a vertex's aggregated over its
 * subtasks ({@code .../subtasks/metrics?agg=min,max,avg,sum}). Without {@code get} a request lists
 * the available ids as {@code [{"id": ...}]}; {@code get=a,b} returns those that exist, with their
 * values. Metrics are read from the TaskManagers at each request.
 */
final class MetricsHandlers {

    private static final Set<String> AGGREGATIONS = Set.of("min", "max", "avg", "sum");

    private final Dispatcher dispatcher;

    MetricsHandlers(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    void register(RoutesConfig routes) {
        routes.get("/jobs/{jobid}/metrics", this::jobMetrics);
        routes.get("/jobs/{jobid}/vertices/{vertexid}/metrics", this::vertexMetrics);
        routes.get("/jobs/{jobid}/vertices/{vertexid}/subtasks/metrics", this::aggregated);
        routes.get(
                "/jobs/{jobid}/vertices/{vertexid}/subtasks/{subtaskindex}/metrics",
                this::subtaskMetrics);
    }

    private void jobMetrics(Context ctx) throws Exception {
        withMetrics(ctx, m -> RestJson.ok(ctx, list(m.job(), requested(ctx))));
    }

    private void vertexMetrics(Context ctx) throws Exception {
        withVertex(
                ctx,
                subtasks -> {
                    Map<String, String> ids = new TreeMap<>();
                    for (int i = 0; i < subtasks.size(); i++) {
                        for (Map.Entry<String, String> e : subtasks.get(i).entrySet()) {
                            ids.put(i + "." + e.getKey(), e.getValue());
                        }
                    }
                    RestJson.ok(ctx, list(ids, requested(ctx)));
                });
    }

    private void subtaskMetrics(Context ctx) throws Exception {
        int index = subtaskIndex(ctx.pathParam("subtaskindex"));
        withVertex(
                ctx,
                subtasks -> {
                    if (index >= subtasks.size()) {
                        RestJson.error(
                                ctx,
                                404,
                                "Subtask "
                                        + index
                                        + " does not exist: the vertex has "
                                        + subtasks.size()
                                        + " subtasks.");
                        return;
                    }
                    RestJson.ok(ctx, list(subtasks.get(index), requested(ctx)));
                });
    }

    private void aggregated(Context ctx) throws Exception {
        Set<String> aggregations = aggregations(ctx);
        Set<Integer> selected = subtaskSelection(ctx);
        withVertex(
                ctx,
                subtasks -> {
                    List<Map<String, String>> chosen = new ArrayList<>();
                    for (int i = 0; i < subtasks.size(); i++) {
                        if (selected == null || selected.contains(i)) {
                            chosen.add(subtasks.get(i));
                        }
                    }
                    Set<String> requested = requested(ctx);
                    ArrayNode body = RestJson.MAPPER.createArrayNode();
                    if (requested == null) {
                        Set<String> ids = new TreeSet<>();
                        chosen.forEach(m -> ids.addAll(m.keySet()));
                        ids.forEach(id -> body.addObject().put("id", id));
                    } else {
                        for (String id : requested) {
                            aggregate(id, chosen, aggregations, body);
                        }
                    }
                    RestJson.ok(ctx, body);
                });
    }

    private static void aggregate(
            String id,
            List<Map<String, String>> subtasks,
            Set<String> aggregations,
            ArrayNode out) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        int count = 0;
        for (Map<String, String> metrics : subtasks) {
            String value = metrics.get(id);
            if (value == null) {
                continue;
            }
            double v;
            try {
                v = Double.parseDouble(value);
            } catch (NumberFormatException notNumeric) {
                continue;
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
            count++;
        }
        if (count == 0) {
            return;
        }
        ObjectNode entry = out.addObject().put("id", id);
        if (aggregations.contains("min")) {
            entry.put("min", min);
        }
        if (aggregations.contains("max")) {
            entry.put("max", max);
        }
        if (aggregations.contains("avg")) {
            entry.put("avg", sum / count);
        }
        if (aggregations.contains("sum")) {
            entry.put("sum", sum);
        }
    }

    private void withMetrics(Context ctx, Consumer<JobMetricsSnapshot> respond) throws Exception {
        JobID jobId = RestJson.jobId(ctx);
        CompletableFuture<JobMetricsSnapshot> metrics = dispatcher.requestJobMetrics(jobId);
        ctx.future(() -> metrics.thenAccept(respond));
    }

    private void withVertex(Context ctx, Consumer<List<Map<String, String>>> respond)
            throws Exception {
        String vertex = ctx.pathParam("vertexid");
        withMetrics(
                ctx,
                m -> {
                    List<Map<String, String>> subtasks = m.subtasks().get(new JobVertexID(vertex));
                    if (subtasks == null) {
                        RestJson.error(
                                ctx,
                                404,
                                "Job " + RestJson.jobId(ctx) + " has no vertex '" + vertex + "'.");
                    } else {
                        respond.accept(subtasks);
                    }
                });
    }

    /** {@code [{"id"}]} for every id, or {@code [{"id", "value"}]} for the requested ones. */
    private static ArrayNode list(Map<String, String> metrics, Set<String> requested) {
        ArrayNode body = RestJson.MAPPER.createArrayNode();
        if (requested == null) {
            new TreeSet<>(metrics.keySet()).forEach(id -> body.addObject().put("id", id));
        } else {
            for (String id : requested) {
                String value = metrics.get(id);
                if (value != null) {
                    body.addObject().put("id", id).put("value", value);
                }
            }
        }
        return body;
    }

    /** The ids of {@code get} (comma-separated, possibly repeated), or null without it. */
    private static Set<String> requested(Context ctx) {
        List<String> values = ctx.queryParams("get");
        if (values.isEmpty()) {
            return null;
        }
        return commaSeparated(values);
    }

    private static Set<String> commaSeparated(List<String> values) {
        Set<String> items = new LinkedHashSet<>();
        for (String value : values) {
            for (String item : value.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.trim());
                }
            }
        }
        return items;
    }

    private static Set<String> aggregations(Context ctx) {
        List<String> values = ctx.queryParams("agg");
        if (values.isEmpty()) {
            return AGGREGATIONS;
        }
        Set<String> aggregations = commaSeparated(values);
        for (String a : aggregations) {
            if (!AGGREGATIONS.contains(a)) {
                throw RestHandlerException.badRequest(
                        "Unknown aggregation '" + a + "' in agg; use min, max, avg or sum.");
            }
        }
        return aggregations;
    }

    /** The {@code subtasks} selection ("0,2" or ranges "0-3"), or null for all subtasks. */
    private static Set<Integer> subtaskSelection(Context ctx) {
        List<String> values = ctx.queryParams("subtasks");
        if (values.isEmpty()) {
            return null;
        }
        Set<Integer> selected = new TreeSet<>();
        for (String item : commaSeparated(values)) {
            int dash = item.indexOf('-');
            if (dash > 0) {
                int from = subtaskIndex(item.substring(0, dash));
                int to = subtaskIndex(item.substring(dash + 1));
                for (int i = from; i <= to; i++) {
                    selected.add(i);
                }
            } else {
                selected.add(subtaskIndex(item));
            }
        }
        return selected;
    }

    private static int subtaskIndex(String text) {
        try {
            int index = Integer.parseInt(text.trim());
            if (index >= 0) {
                return index;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw RestHandlerException.badRequest(
                "'" + text + "' is not a subtask index (a number from 0).");
    }
}

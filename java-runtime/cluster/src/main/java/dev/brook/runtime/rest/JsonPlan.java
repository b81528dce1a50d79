package dev.brook.runtime.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brook.api.common.JobID;
import dev.brook.api.common.RuntimeExecutionMode;
import dev.brook.runtime.jobgraph.JobEdge;
import dev.brook.runtime.jobgraph.JobGraph;
import dev.brook.runtime.jobgraph.JobVertex;
import dev.brook.runtime.jobgraph.JobVertexID;
import dev.brook.runtime.jobmaster.JobDetailsSnapshot;
import java.util.List;
import java.util.function.Function;

/**
 * Flink's JSON execution plan: one node per job vertex, with its parallelism and its inputs and how
 * they are partitioned. Served by {@code /jobs/:id/plan} and printed by {@code flink info}.
 */
public final class JsonPlan {

    private JsonPlan() {}

    /** What the plan shows of a vertex. */
    private record Node(
            JobVertexID id, int parallelism, String description, List<JobEdge> inputs) {}

    /** The plan of a job graph, before it runs. */
    public static ObjectNode of(JobGraph jobGraph) {
        return plan(
                jobGraph.jobId(),
                jobGraph.name(),
                jobGraph.executionMode(),
                jobGraph.vertices(),
                (JobVertex v) -> new Node(v.id(), v.parallelism(), v.name(), v.inputs()));
    }

    /** The plan of a submitted job. */
    public static ObjectNode of(JobDetailsSnapshot job) {
        return plan(
                job.jobId(),
                job.name(),
                job.executionMode(),
                job.vertices(),
                (JobDetailsSnapshot.Vertex v) ->
                        new Node(v.id(), v.parallelism(), v.name(), v.inputs()));
    }

    private static <V> ObjectNode plan(
            JobID jobId,
            String name,
            RuntimeExecutionMode mode,
            List<V> vertices,
            Function<V, Node> toNode) {
        ObjectNode plan = JsonNodeFactory.instance.objectNode();
        plan.put("jid", jobId.toString());
        plan.put("name", name);
        plan.put("type", mode.name());
        ArrayNode nodes = plan.putArray("nodes");
        for (V vertex : vertices) {
            Node v = toNode.apply(vertex);
            ObjectNode node = nodes.addObject();
            node.put("id", v.id().toString());
            node.put("parallelism", v.parallelism());
            node.put("operator", "");
            node.put("operator_strategy", "");
            node.put("description", v.description());
            if (!v.inputs().isEmpty()) {
                ArrayNode inputs = node.putArray("inputs");
                int num = 0;
                for (JobEdge e : v.inputs()) {
                    ObjectNode input = inputs.addObject();
                    input.put("num", num++);
                    input.put("id", e.source().toString());
                    input.put("ship_strategy", e.shipStrategy());
                    input.put("exchange", "pipelined_bounded");
                }
            }
            node.putObject("optimizer_properties");
        }
        return plan;
    }
}

package dev.brook.runtime.jobgraph;

import dev.brook.api.common.JobID;
import dev.brook.api.common.RuntimeExecutionMode;
import dev.brook.configuration.Configuration;
import java.io.Serializable;
import java.util.List;

/**
 * The physical plan the client submits: operator chains (vertices) in topological order, the edges
 * between them, and the job's configuration. Self-contained and serializable, so it can be sent to
 * a JobManager in another process.
 */
public record JobGraph(
        JobID jobId,
        String name,
        List<JobVertex> vertices,
        Configuration jobConfiguration,
        RuntimeExecutionMode executionMode)
        implements Serializable {

    public JobVertex vertex(JobVertexID id) {
        for (JobVertex v : vertices) {
            if (v.id().equals(id)) {
                return v;
            }
        }
        throw new IllegalArgumentException("No vertex " + id + " in job " + name);
    }

    /** Slots needed when every vertex shares slots within its slot sharing group. */
    public int requiredSlots() {
        java.util.Map<String, Integer> perGroup = new java.util.HashMap<>();
        for (JobVertex v : vertices) {
            perGroup.merge(v.slotSharingGroup(), v.parallelism(), Math::max);
        }
        return perGroup.values().stream().mapToInt(Integer::intValue).sum();
    }
}

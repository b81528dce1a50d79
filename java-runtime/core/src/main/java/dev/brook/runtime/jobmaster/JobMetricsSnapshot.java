package dev.brook.runtime.jobmaster;

import dev.brook.runtime.jobgraph.JobVertexID;
import java.util.List;
import java.util.Map;

/**
 * A job's metrics at one moment, for the REST API: the job's own ({@code uptime}, {@code
 * numRestarts}) and, per job vertex, each subtask's by metric id (an empty map for a subtask that
 * has not run yet).
 */
public record JobMetricsSnapshot(
        Map<String, String> job, Map<JobVertexID, List<Map<String, String>>> subtasks) {}

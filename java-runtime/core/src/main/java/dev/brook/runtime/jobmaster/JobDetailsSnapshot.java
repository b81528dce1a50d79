package dev.brook.runtime.jobmaster;

import dev.brook.api.common.JobID;
import dev.brook.api.common.JobStatus;
import dev.brook.api.common.RuntimeExecutionMode;
import dev.brook.runtime.execution.ExecutionState;
import dev.brook.runtime.jobgraph.JobEdge;
import dev.brook.runtime.jobgraph.JobVertexID;
import dev.brook.runtime.taskmanager.TaskManagerLocation;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A job as its JobMaster sees it at one moment, for the REST API: status and its history, each
 * vertex's subtask states and times, and the failures so far. Built on the JobMaster's main thread,
 * so it is consistent; immutable, so any thread may read it.
 *
 * @param endTime when the job reached a terminal state (epoch ms), or -1
 * @param now when the snapshot was taken (epoch ms)
 * @param statusTimestamps when the job last entered each status it has been in (epoch ms)
 * @param vertices in topological order
 * @param failureCause why the job failed, or null unless it FAILED
 * @param exceptionHistory failures of subtasks, oldest first (at most {@link
 *     #MAX_EXCEPTION_HISTORY})
 * @param exceptionHistoryTruncated whether older failures were dropped
 */
public record JobDetailsSnapshot(
        JobID jobId,
        String name,
        JobStatus status,
        RuntimeExecutionMode executionMode,
        long startTime,
        long endTime,
        long now,
        Map<JobStatus, Long> statusTimestamps,
        List<Vertex> vertices,
        Throwable failureCause,
        List<ExceptionEntry> exceptionHistory,
        boolean exceptionHistoryTruncated) {

    /** How many subtask failures a JobMaster keeps. */
    public static final int MAX_EXCEPTION_HISTORY = 16;

    public JobDetailsSnapshot {
        statusTimestamps = Map.copyOf(statusTimestamps);
        vertices = List.copyOf(vertices);
        exceptionHistory = List.copyOf(exceptionHistory);
    }

    /** Milliseconds from the start to the end, or to now while the job has not ended. */
    public long duration() {
        return (endTime < 0 ? now : endTime) - startTime;
    }

    /** Subtasks per state over all vertices. */
    public Map<ExecutionState, Integer> taskCounts() {
        EnumMap<ExecutionState, Integer> counts = new EnumMap<>(ExecutionState.class);
        for (ExecutionState s : ExecutionState.values()) {
            counts.put(s, 0);
        }
        for (Vertex v : vertices) {
            v.taskCounts().forEach((s, n) -> counts.merge(s, n, Integer::sum));
        }
        return counts;
    }

    /**
     * One job vertex (an operator chain) and its subtasks' current attempts.
     *
     * @param inputs its input edges, in gate order
     * @param state the state that sums up its subtasks' states, as Flink aggregates them
     * @param startTime when its first subtask began deploying (epoch ms), or -1
     * @param endTime when its last subtask ended (epoch ms), or -1 while some has not
     * @param taskCounts subtasks per state (every state present)
     */
    public record Vertex(
            JobVertexID id,
            String name,
            int parallelism,
            int maxParallelism,
            String slotSharingGroup,
            List<JobEdge> inputs,
            ExecutionState state,
            long startTime,
            long endTime,
            Map<ExecutionState, Integer> taskCounts) {

        public Vertex {
            inputs = List.copyOf(inputs);
            taskCounts = Map.copyOf(taskCounts);
        }
    }

    /**
     * A subtask's failure.
     *
     * @param taskName the subtask, as "name (i/n)"
     * @param location where it ran, or null if it never got a slot
     */
    public record ExceptionEntry(
            Throwable exception, long timestamp, String taskName, TaskManagerLocation location) {}
}

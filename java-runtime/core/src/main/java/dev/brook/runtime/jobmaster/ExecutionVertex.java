package dev.brook.runtime.jobmaster;

import dev.brook.runtime.execution.ExecutionState;
import dev.brook.runtime.executiongraph.ExecutionAttemptID;
import dev.brook.runtime.jobgraph.JobVertex;
import dev.brook.runtime.resourcemanager.SlotAssignment;
import java.util.Arrays;
import java.util.Map;

/** One parallel subtask of a job vertex and its current attempt. JobMaster thread only. */
final class ExecutionVertex {

    final JobVertex jobVertex;
    final int subtaskIndex;
    int attemptNumber;
    ExecutionState state = ExecutionState.CREATED;
    SlotAssignment slot;

    /** The metrics the current attempt ended with, null while it has not ended. */
    Map<String, String> finalMetrics;

    /**
     * When the current attempt entered each state (epoch ms, by ordinal; 0 = not yet), for the
     * vertex times the REST API reports.
     */
    final long[] stateTimestamps = new long[ExecutionState.values().length];

    ExecutionVertex(JobVertex jobVertex, int subtaskIndex) {
        this.jobVertex = jobVertex;
        this.subtaskIndex = subtaskIndex;
        stateTimestamps[ExecutionState.CREATED.ordinal()] = System.currentTimeMillis();
    }

    ExecutionAttemptID attemptId() {
        return new ExecutionAttemptID(jobVertex.id(), subtaskIndex, attemptNumber);
    }

    /** A restart: the next attempt of this subtask, not yet deployed. */
    void startNewAttempt() {
        attemptNumber++;
        state = ExecutionState.CREATED;
        finalMetrics = null;
        Arrays.fill(stateTimestamps, 0);
        stateTimestamps[ExecutionState.CREATED.ordinal()] = System.currentTimeMillis();
    }

    /** Moves to {@code next} if allowed; returns false (and changes nothing) otherwise. */
    boolean transitionTo(ExecutionState next) {
        if (!state.canTransitionTo(next)) {
            return false;
        }
        state = next;
        stateTimestamps[next.ordinal()] = System.currentTimeMillis();
        return true;
    }
}

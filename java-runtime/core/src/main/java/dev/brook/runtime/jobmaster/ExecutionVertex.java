package dev.brook.runtime.jobmaster;

import dev.brook.runtime.execution.ExecutionState;
import dev.brook.runtime.executiongraph.ExecutionAttemptID;
import dev.brook.runtime.jobgraph.JobVertex;
import dev.brook.runtime.resourcemanager.SlotAssignment;

/** One parallel subtask of a job vertex and its current attempt. JobMaster thread only. */
final class ExecutionVertex {

    final JobVertex jobVertex;
    final int subtaskIndex;
    int attemptNumber;
    ExecutionState state = ExecutionState.CREATED;
    SlotAssignment slot;

    ExecutionVertex(JobVertex jobVertex, int subtaskIndex) {
        this.jobVertex = jobVertex;
        this.subtaskIndex = subtaskIndex;
    }

    ExecutionAttemptID attemptId() {
        return new ExecutionAttemptID(jobVertex.id(), subtaskIndex, attemptNumber);
    }

    /** A restart: the next attempt of this subtask, not yet deployed. */
    void startNewAttempt() {
        attemptNumber++;
        state = ExecutionState.CREATED;
    }

    /** Moves to {@code next} if allowed; returns false (and changes nothing) otherwise. */
    boolean transitionTo(ExecutionState next) {
        if (!state.canTransitionTo(next)) {
            return false;
        }
        state = next;
        return true;
    }
}

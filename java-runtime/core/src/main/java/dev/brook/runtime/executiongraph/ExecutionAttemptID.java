package dev.brook.runtime.executiongraph;

import dev.brook.runtime.jobgraph.JobVertexID;
import java.io.Serializable;

/** One attempt to run one parallel subtask of one job vertex. */
public record ExecutionAttemptID(JobVertexID vertexId, int subtaskIndex, int attemptNumber)
        implements Serializable {
    @Override
    public String toString() {
        return vertexId + "_" + subtaskIndex + "_" + attemptNumber;
    }
}

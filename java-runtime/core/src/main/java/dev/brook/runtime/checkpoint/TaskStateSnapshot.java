package dev.brook.runtime.checkpoint;

import java.io.Serializable;
import java.util.Map;

/** What a subtask acknowledges for a checkpoint: the state of each operator of its chain, by id. */
public record TaskStateSnapshot(Map<String, OperatorSubtaskState> operators)
        implements Serializable {

    public TaskStateSnapshot {
        operators = Map.copyOf(operators);
    }
}

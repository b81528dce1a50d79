package dev.brook.runtime.checkpoint;

import java.io.Serializable;
import java.util.Map;

/**
 * What a subtask of a restored job starts from: per operator of its chain, the states of the old
 * subtasks it needs (its own at the same parallelism; otherwise those whose key groups overlap its
 * own, and all for operator state that is split or unioned).
 *
 * @param finished the subtask had finished in the checkpoint: it ends at once without running
 */
public record TaskRestore(
        long checkpointId, Map<String, OperatorRestore> operators, boolean finished)
        implements Serializable {

    public TaskRestore {
        operators = Map.copyOf(operators);
    }

    /**
     * The restored state of one operator.
     *
     * @param oldParallelism the operator's parallelism in the checkpoint
     * @param subtasks the old subtasks' states this subtask reads, by old subtask index
     */
    public record OperatorRestore(int oldParallelism, Map<Integer, OperatorSubtaskState> subtasks)
            implements Serializable {}
}

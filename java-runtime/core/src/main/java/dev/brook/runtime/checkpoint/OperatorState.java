package dev.brook.runtime.checkpoint;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The state of one operator in a completed checkpoint: every subtask's state and the coordinator's.
 *
 * @param coordinatorState the operator coordinator's checkpoint (a source's split enumerator), or
 *     null
 * @param subtasks by subtask index
 */
public record OperatorState(
        String operatorId,
        int parallelism,
        int maxParallelism,
        byte[] coordinatorState,
        Map<Integer, OperatorSubtaskState> subtasks)
        implements Serializable {

    public OperatorState {
        subtasks = Collections.unmodifiableMap(new TreeMap<>(subtasks));
    }

    public boolean isFullyFinished() {
        return subtasks.size() == parallelism
                && subtasks.values().stream().allMatch(OperatorSubtaskState::finished);
    }

    public long getStateSize() {
        long size = coordinatorState == null ? 0 : coordinatorState.length;
        for (OperatorSubtaskState s : subtasks.values()) {
            size += s.getStateSize();
        }
        return size;
    }
}

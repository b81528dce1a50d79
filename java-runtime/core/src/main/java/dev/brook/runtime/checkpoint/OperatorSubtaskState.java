package dev.brook.runtime.checkpoint;

import dev.brook.runtime.state.KeyGroupRange;
import java.io.Serializable;

/**
 * The state of one operator in one subtask, as a checkpoint holds it.
 *
 * @param handle the operator's snapshot (keyed state, timers, operator state), or null when it has
 *     none
 * @param keyGroupRange the key groups of its keyed state, or null when it is not keyed
 * @param hasUnionState whether its operator state has union list state, which every subtask of a
 *     restored job reads in full
 * @param finished the subtask had finished when the checkpoint was taken; a restored job does not
 *     run it again
 */
public record OperatorSubtaskState(
        StreamStateHandle handle,
        KeyGroupRange keyGroupRange,
        boolean hasUnionState,
        boolean finished)
        implements Serializable {

    public static final OperatorSubtaskState FINISHED =
            new OperatorSubtaskState(null, null, false, true);

    public long getStateSize() {
        return handle == null ? 0 : handle.getStateSize();
    }
}

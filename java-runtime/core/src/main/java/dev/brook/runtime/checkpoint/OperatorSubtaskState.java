package dev.brook.runtime.checkpoint;

import dev.brook.runtime.state.KeyGroupRange;
import java.io.Serializable;
import java.util.List;

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
 * @param sharedState the files outside the checkpoint's directory that the snapshot references (the
 *     SST files of an incremental RocksDB checkpoint, possibly uploaded by an earlier checkpoint);
 *     listed here so that the JobMaster counts their references without reading the snapshot
 */
public record OperatorSubtaskState(
        StreamStateHandle handle,
        KeyGroupRange keyGroupRange,
        boolean hasUnionState,
        boolean finished,
        List<FileStateHandle> sharedState)
        implements Serializable {

    public static final OperatorSubtaskState FINISHED =
            new OperatorSubtaskState(null, null, false, true, List.of());

    public OperatorSubtaskState {
        sharedState = List.copyOf(sharedState);
    }

    /** The size of the whole state, shared files included. */
    public long getStateSize() {
        long size = handle == null ? 0 : handle.getStateSize();
        for (FileStateHandle shared : sharedState) {
            size += shared.getStateSize();
        }
        return size;
    }
}

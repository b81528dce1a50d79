package dev.brook.runtime.state;

import dev.brook.api.common.state.OperatorStateStore;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The operator state of one operator in one subtask: named list, union list and broadcast states
 * (see {@link OperatorStateStore}). Besides the store that functions use, it lets a checkpoint read
 * every state by name ({@link #snapshot}) and a restore write them back ({@link #restore}) before
 * the functions ask for them.
 *
 * <p>Threading model: task thread only.
 */
public interface OperatorStateBackend extends OperatorStateStore {

    /**
     * Copies of the contents of every registered state, by name. The copies are shallow: a
     * checkpoint must serialize them before the task changes the elements themselves.
     */
    Map<String, OperatorStateContents> snapshot();

    /**
     * Hands in the contents of a snapshot taken in checkpoint {@code checkpointId}; each state gets
     * them when it is first asked for. Only before any state is registered.
     */
    void restore(long checkpointId, Map<String, OperatorStateContents> contents);

    /** The checkpoint the contents were restored from, or empty for a fresh start. */
    OptionalLong getRestoredCheckpointId();

    void dispose();
}

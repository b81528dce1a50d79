package dev.brook.streaming.api.checkpoint;

import dev.brook.runtime.state.FunctionInitializationContext;
import dev.brook.runtime.state.FunctionSnapshotContext;

/**
 * A function that manages state itself, typically operator state ({@code ListState} or union list
 * state) that is not tied to a key.
 *
 * <p>Lifecycle: {@link #initializeState} is called once per parallel instance, after the runtime
 * context is set and before {@code open}; that is where the function creates its state objects
 * (and, after a restore, reads the restored contents). {@link #snapshotState} is called when a
 * checkpoint is taken, on the task thread between records, so the function can move what it holds
 * in plain fields into its state (Brook takes no checkpoints yet, so it is not called).
 */
public interface CheckpointedFunction {

    void snapshotState(FunctionSnapshotContext context) throws Exception;

    void initializeState(FunctionInitializationContext context) throws Exception;
}

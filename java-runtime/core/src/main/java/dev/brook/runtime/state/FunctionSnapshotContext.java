package dev.brook.runtime.state;

import dev.brook.annotation.PublicEvolving;

/** The context of {@code CheckpointedFunction#snapshotState}. */
@PublicEvolving
public interface FunctionSnapshotContext extends ManagedSnapshotContext {}

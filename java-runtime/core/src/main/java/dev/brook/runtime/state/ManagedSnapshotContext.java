package dev.brook.runtime.state;

import dev.brook.annotation.PublicEvolving;

/** Which checkpoint a snapshot of managed state belongs to. */
@PublicEvolving
public interface ManagedSnapshotContext {

    long getCheckpointId();

    /** When the checkpoint was triggered (milliseconds since the epoch, JobMaster clock). */
    long getCheckpointTimestamp();
}

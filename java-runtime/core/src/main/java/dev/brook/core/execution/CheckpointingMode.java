package dev.brook.core.execution;

import dev.brook.annotation.PublicEvolving;

/** The consistency a checkpoint gives the state of a job after recovery. */
@PublicEvolving
public enum CheckpointingMode {
    /**
     * Every record affects the restored state exactly once: an operator with several inputs stops
     * reading an input once its barrier arrived until the barriers of all inputs are there
     * (alignment).
     */
    EXACTLY_ONCE,

    /**
     * Every record affects the restored state at least once: no alignment, so records that follow a
     * barrier on a fast input may already be in the snapshot and are replayed after a restore.
     * Lower latency while checkpointing.
     */
    AT_LEAST_ONCE
}

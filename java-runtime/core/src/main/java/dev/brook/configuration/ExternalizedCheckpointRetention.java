package dev.brook.configuration;

/** Whether a job's completed checkpoints are kept when the job ends without finishing. */
public enum ExternalizedCheckpointRetention {
    /** Checkpoints are deleted when the job is cancelled, and kept when it fails. */
    DELETE_ON_CANCELLATION,
    /** Checkpoints are kept when the job is cancelled or fails, to resume from them later. */
    RETAIN_ON_CANCELLATION,
    /** Checkpoints are deleted whenever the job ends. */
    NO_EXTERNALIZED_CHECKPOINTS
}

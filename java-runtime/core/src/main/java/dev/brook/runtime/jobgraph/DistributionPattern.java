package dev.brook.runtime.jobgraph;

/** How producer subtasks connect to consumer subtasks on a job edge. */
public enum DistributionPattern {
    /** Every producer subtask to every consumer subtask. */
    ALL_TO_ALL,
    /** Each producer subtask to a contiguous subset of consumers (or vice versa). */
    POINTWISE
}

package dev.brook.api.common;

/** How a job executes: continuously (STREAMING), in stages (BATCH), or chosen from its sources. */
public enum RuntimeExecutionMode {
    STREAMING,
    BATCH,
    AUTOMATIC
}

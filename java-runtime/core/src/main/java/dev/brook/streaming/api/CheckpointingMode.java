package dev.brook.streaming.api;

/**
 * The checkpointing mode under its older name, kept so Flink 1.x programs port unchanged.
 *
 * @deprecated use {@link dev.brook.core.execution.CheckpointingMode}
 */
@Deprecated
public enum CheckpointingMode {
    EXACTLY_ONCE,
    AT_LEAST_ONCE;

    /** The same mode under the current name. */
    public dev.brook.core.execution.CheckpointingMode toConsistencyMode() {
        return this == EXACTLY_ONCE
                ? dev.brook.core.execution.CheckpointingMode.EXACTLY_ONCE
                : dev.brook.core.execution.CheckpointingMode.AT_LEAST_ONCE;
    }

    /** The mode of {@code mode} under this older name. */
    public static CheckpointingMode of(dev.brook.core.execution.CheckpointingMode mode) {
        return mode == dev.brook.core.execution.CheckpointingMode.EXACTLY_ONCE
                ? EXACTLY_ONCE
                : AT_LEAST_ONCE;
    }
}

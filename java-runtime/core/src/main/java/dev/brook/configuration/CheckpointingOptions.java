package dev.brook.configuration;

import dev.brook.core.execution.CheckpointingMode;
import java.time.Duration;

/**
 * Options for checkpointing: when checkpoints are taken, how consistent they are, and where they
 * are stored. Keys and defaults follow Flink 2 (older keys still work), so a Flink {@code
 * config.yaml} section on checkpointing works unchanged.
 */
public final class CheckpointingOptions {
    private CheckpointingOptions() {}

    /** Time between the starts of two periodic checkpoints; unset disables checkpointing. */
    public static final ConfigOption<Duration> CHECKPOINTING_INTERVAL =
            ConfigOptions.key("execution.checkpointing.interval")
                    .durationType()
                    .noDefaultValue()
                    .withDescription(
                            "Interval of periodic checkpoints; checkpointing is off when unset.");

    public static final ConfigOption<CheckpointingMode> CHECKPOINTING_CONSISTENCY_MODE =
            ConfigOptions.key("execution.checkpointing.mode")
                    .enumType(CheckpointingMode.class)
                    .defaultValue(CheckpointingMode.EXACTLY_ONCE)
                    .withDescription("EXACTLY_ONCE (aligned barriers) or AT_LEAST_ONCE.");

    /** A checkpoint not completed within this time is aborted. */
    public static final ConfigOption<Duration> CHECKPOINTING_TIMEOUT =
            ConfigOptions.key("execution.checkpointing.timeout")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(10))
                    .withDescription(
                            "A checkpoint that has not completed after this time is aborted.");

    /** The least time between the end of one checkpoint and the start of the next. */
    public static final ConfigOption<Duration> MIN_PAUSE_BETWEEN_CHECKPOINTS =
            ConfigOptions.key("execution.checkpointing.min-pause")
                    .durationType()
                    .defaultValue(Duration.ZERO)
                    .withDescription(
                            "Minimal pause between the completion of a checkpoint and the start"
                                    + " of the next.");

    public static final ConfigOption<Integer> MAX_CONCURRENT_CHECKPOINTS =
            ConfigOptions.key("execution.checkpointing.max-concurrent-checkpoints")
                    .intType()
                    .defaultValue(1)
                    .withDescription("How many checkpoints may be in progress at once.");

    /** Failed checkpoints (declined or expired) in a row that the job tolerates. */
    public static final ConfigOption<Integer> TOLERABLE_FAILURE_NUMBER =
            ConfigOptions.key("execution.checkpointing.tolerable-failed-checkpoints")
                    .intType()
                    .defaultValue(0)
                    .withDescription(
                            "Consecutive checkpoint failures tolerated before the job fails.");

    /** How many completed checkpoints are kept; older ones are deleted. */
    public static final ConfigOption<Integer> MAX_RETAINED_CHECKPOINTS =
            ConfigOptions.key("execution.checkpointing.num-retained")
                    .intType()
                    .defaultValue(1)
                    .withDeprecatedKeys("state.checkpoints.num-retained")
                    .withDescription("The number of completed checkpoints to keep.");

    /**
     * The directory checkpoints are written to, as {@code <dir>/<job id>/chk-<n>/}; when unset the
     * JobManager keeps them in memory (lost with the JobManager).
     */
    public static final ConfigOption<String> CHECKPOINTS_DIRECTORY =
            ConfigOptions.key("execution.checkpointing.dir")
                    .stringType()
                    .noDefaultValue()
                    .withDeprecatedKeys("state.checkpoints.dir")
                    .withDescription(
                            "Directory for the data and metadata of checkpoints; unset keeps"
                                    + " them in the JobManager's memory.");

    /** The default directory of savepoints, when a savepoint command names none. */
    public static final ConfigOption<String> SAVEPOINT_DIRECTORY =
            ConfigOptions.key("execution.checkpointing.savepoint-dir")
                    .stringType()
                    .noDefaultValue()
                    .withDeprecatedKeys("state.savepoints.dir")
                    .withDescription("Default directory for savepoints.");

    public static final ConfigOption<ExternalizedCheckpointRetention>
            EXTERNALIZED_CHECKPOINT_RETENTION =
                    ConfigOptions.key("execution.checkpointing.externalized-checkpoint-retention")
                            .enumType(ExternalizedCheckpointRetention.class)
                            .defaultValue(
                                    ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS)
                            .withDescription(
                                    "Whether completed checkpoints are kept when the job is"
                                            + " cancelled or fails: DELETE_ON_CANCELLATION,"
                                            + " RETAIN_ON_CANCELLATION or"
                                            + " NO_EXTERNALIZED_CHECKPOINTS.");

    /**
     * Whether checkpoints of the RocksDB backend store only the files that changed since the
     * previous checkpoint; savepoints are always complete.
     */
    public static final ConfigOption<Boolean> INCREMENTAL_CHECKPOINTS =
            ConfigOptions.key("execution.checkpointing.incremental")
                    .booleanType()
                    .defaultValue(false)
                    .withDeprecatedKeys("state.backend.incremental")
                    .withDescription(
                            "Whether the RocksDB state backend takes incremental checkpoints:"
                                    + " new SST files are uploaded once into the job's shared/"
                                    + " directory and referenced by later checkpoints. Needs"
                                    + " execution.checkpointing.dir; savepoints stay complete.");
}

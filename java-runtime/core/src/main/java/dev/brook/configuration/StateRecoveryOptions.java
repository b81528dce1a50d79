package dev.brook.configuration;

/** Where a job's state comes from when it starts: a savepoint or a retained checkpoint. */
public final class StateRecoveryOptions {
    private StateRecoveryOptions() {}

    /** The savepoint or checkpoint to restore from ({@code flink run -s <path>}). */
    public static final ConfigOption<String> SAVEPOINT_PATH =
            ConfigOptions.key("execution.state-recovery.path")
                    .stringType()
                    .noDefaultValue()
                    .withDeprecatedKeys("execution.savepoint.path")
                    .withDescription(
                            "Path of a savepoint or retained checkpoint to restore the job from.");

    /**
     * Whether state that belongs to no operator of the program may be skipped ({@code
     * --allowNonRestoredState}); otherwise such state fails the job.
     */
    public static final ConfigOption<Boolean> SAVEPOINT_IGNORE_UNCLAIMED_STATE =
            ConfigOptions.key("execution.state-recovery.ignore-unclaimed-state")
                    .booleanType()
                    .defaultValue(false)
                    .withDeprecatedKeys("execution.savepoint.ignore-unclaimed-state")
                    .withDescription(
                            "Allow to skip state of the savepoint that cannot be mapped to an"
                                    + " operator of the job.");
}

package dev.brook.configuration;

import java.time.Duration;

/**
 * Options that decide whether and when a failed job restarts. Keys, defaults and meaning follow
 * Flink 2, so a Flink {@code config.yaml} section on restart strategies works unchanged.
 */
public final class RestartStrategyOptions {
    private RestartStrategyOptions() {}

    /**
     * The restart strategy, case-insensitive: {@code none} (also {@code off}, {@code disable}),
     * {@code fixed-delay} ({@code fixeddelay}), {@code failure-rate} ({@code failurerate}) or
     * {@code exponential-delay} ({@code exponentialdelay}). Without a value: {@code none} when
     * checkpointing is disabled, {@code exponential-delay} when it is enabled.
     */
    public static final ConfigOption<String> RESTART_STRATEGY =
            ConfigOptions.key("restart-strategy.type")
                    .stringType()
                    .noDefaultValue()
                    .withDeprecatedKeys("restart-strategy")
                    .withDescription(
                            "none, off, disable | fixed-delay, fixeddelay | failure-rate,"
                                    + " failurerate | exponential-delay, exponentialdelay."
                                    + " Without a value: none without checkpointing,"
                                    + " exponential-delay with it.");

    /** fixed-delay: restarts allowed before the job fails. */
    public static final ConfigOption<Integer> RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS =
            ConfigOptions.key("restart-strategy.fixed-delay.attempts")
                    .intType()
                    .defaultValue(1)
                    .withDescription(
                            "The number of times the job is restarted before it is declared"
                                    + " failed, if restart-strategy.type is fixed-delay.");

    /** fixed-delay: wait before each restart, e.g. for external connections to time out. */
    public static final ConfigOption<Duration> RESTART_STRATEGY_FIXED_DELAY_DELAY =
            ConfigOptions.key("restart-strategy.fixed-delay.delay")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(1))
                    .withDescription(
                            "Delay between two consecutive restart attempts, if"
                                    + " restart-strategy.type is fixed-delay.");

    /** failure-rate: failures tolerated within one interval; one more fails the job. */
    public static final ConfigOption<Integer>
            RESTART_STRATEGY_FAILURE_RATE_MAX_FAILURES_PER_INTERVAL =
                    ConfigOptions.key("restart-strategy.failure-rate.max-failures-per-interval")
                            .intType()
                            .defaultValue(1)
                            .withDescription(
                                    "Maximum number of restarts in the given time interval"
                                            + " before the job fails, if restart-strategy.type"
                                            + " is failure-rate.");

    /** failure-rate: length of the sliding window in which failures are counted. */
    public static final ConfigOption<Duration> RESTART_STRATEGY_FAILURE_RATE_FAILURE_RATE_INTERVAL =
            ConfigOptions.key("restart-strategy.failure-rate.failure-rate-interval")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(1))
                    .withDescription(
                            "Time interval for measuring the failure rate, if"
                                    + " restart-strategy.type is failure-rate.");

    /** failure-rate: wait before each restart. */
    public static final ConfigOption<Duration> RESTART_STRATEGY_FAILURE_RATE_DELAY =
            ConfigOptions.key("restart-strategy.failure-rate.delay")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(1))
                    .withDescription(
                            "Delay between two consecutive restart attempts, if"
                                    + " restart-strategy.type is failure-rate.");

    /** exponential-delay: wait before the first restart (and after a reset). */
    public static final ConfigOption<Duration> RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF =
            ConfigOptions.key("restart-strategy.exponential-delay.initial-backoff")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(1))
                    .withDescription(
                            "Starting duration between restarts, if restart-strategy.type is"
                                    + " exponential-delay.");

    /** exponential-delay: the backoff never grows beyond this. */
    public static final ConfigOption<Duration> RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF =
            ConfigOptions.key("restart-strategy.exponential-delay.max-backoff")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(1))
                    .withDescription(
                            "The highest possible duration between restarts, if"
                                    + " restart-strategy.type is exponential-delay.");

    /** exponential-delay: factor applied to the backoff after every failure. */
    public static final ConfigOption<Double> RESTART_STRATEGY_EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER =
            ConfigOptions.key("restart-strategy.exponential-delay.backoff-multiplier")
                    .doubleType()
                    .defaultValue(1.5)
                    .withDescription(
                            "Backoff value is multiplied by this value after every failure,"
                                    + " until max-backoff is reached.");

    /**
     * exponential-delay: a job that runs this long after a restart without failing starts again
     * from the initial backoff and a fresh attempt count.
     */
    public static final ConfigOption<Duration>
            RESTART_STRATEGY_EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD =
                    ConfigOptions.key("restart-strategy.exponential-delay.reset-backoff-threshold")
                            .durationType()
                            .defaultValue(Duration.ofHours(1))
                            .withDescription(
                                    "Duration of a failure-free run after which the backoff"
                                            + " and the attempt count are reset.");

    /**
     * exponential-delay: each backoff varies randomly by up to this fraction of itself, so that
     * many jobs failing together do not restart together.
     */
    public static final ConfigOption<Double> RESTART_STRATEGY_EXPONENTIAL_DELAY_JITTER_FACTOR =
            ConfigOptions.key("restart-strategy.exponential-delay.jitter-factor")
                    .doubleType()
                    .defaultValue(0.1)
                    .withDescription(
                            "Fraction of the backoff by which it is randomly shortened or"
                                    + " lengthened; between 0 and 1.");

    /** exponential-delay: restarts allowed before the job fails, unless the backoff resets. */
    public static final ConfigOption<Integer> RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS =
            ConfigOptions.key("restart-strategy.exponential-delay.attempts-before-reset-backoff")
                    .intType()
                    .defaultValue(Integer.MAX_VALUE)
                    .withDescription(
                            "The number of restarts before the job fails, unless the backoff"
                                    + " is reset by reset-backoff-threshold.");
}

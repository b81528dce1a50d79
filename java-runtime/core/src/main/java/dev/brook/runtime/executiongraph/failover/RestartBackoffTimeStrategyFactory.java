package dev.brook.runtime.executiongraph.failover;

import dev.brook.configuration.ConfigOption;
import dev.brook.configuration.Configuration;
import dev.brook.configuration.IllegalConfigurationException;
import dev.brook.configuration.RestartStrategyOptions;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * Builds the {@link RestartBackoffTimeStrategy} a job's configuration asks for ({@link
 * RestartStrategyOptions}). All values are checked here, so a misconfigured job fails at submission
 * with the key at fault rather than at its first failure.
 */
public final class RestartBackoffTimeStrategyFactory {

    private static final String ALLOWED_TYPES =
            "none (or off, disable), fixed-delay (fixeddelay), failure-rate (failurerate),"
                    + " exponential-delay (exponentialdelay)";

    private RestartBackoffTimeStrategyFactory() {}

    /**
     * Like {@link #create(Configuration, boolean, LongSupplier, DoubleSupplier)} with a
     * thread-local random source for the exponential-delay jitter.
     */
    public static RestartBackoffTimeStrategy create(
            Configuration conf, boolean checkpointingEnabled, LongSupplier clock) {
        return create(
                conf, checkpointingEnabled, clock, () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * @param checkpointingEnabled decides the strategy when {@code restart-strategy.type} is unset:
     *     exponential-delay with checkpointing (a job that can resume should keep trying), none
     *     without (restarting from scratch may duplicate output)
     * @param clock current time in milliseconds
     * @param random uniform values in [0, 1) for the exponential-delay jitter
     * @throws IllegalConfigurationException naming the key, the value and what is allowed
     */
    public static RestartBackoffTimeStrategy create(
            Configuration conf,
            boolean checkpointingEnabled,
            LongSupplier clock,
            DoubleSupplier random) {
        String type =
                conf.getOptional(RestartStrategyOptions.RESTART_STRATEGY)
                        .orElse(checkpointingEnabled ? "exponential-delay" : "none");
        return switch (type.trim().toLowerCase(Locale.ROOT)) {
            case "none", "off", "disable" -> NoRestartBackoffTimeStrategy.INSTANCE;
            case "fixed-delay", "fixeddelay" -> fixedDelay(conf);
            case "failure-rate", "failurerate" -> failureRate(conf, clock);
            case "exponential-delay", "exponentialdelay" -> exponentialDelay(conf, clock, random);
            default ->
                    throw new IllegalConfigurationException(
                            "Unknown restart strategy '"
                                    + type
                                    + "' for option '"
                                    + RestartStrategyOptions.RESTART_STRATEGY.key()
                                    + "': expected one of "
                                    + ALLOWED_TYPES
                                    + ".");
        };
    }

    private static RestartBackoffTimeStrategy fixedDelay(Configuration conf) {
        int attempts =
                atLeast(conf, RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 0);
        long delay = millis(conf, RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, 0);
        return new FixedDelayRestartBackoffTimeStrategy(attempts, delay);
    }

    private static RestartBackoffTimeStrategy failureRate(Configuration conf, LongSupplier clock) {
        int maxFailures =
                atLeast(
                        conf,
                        RestartStrategyOptions
                                .RESTART_STRATEGY_FAILURE_RATE_MAX_FAILURES_PER_INTERVAL,
                        1);
        long interval =
                millis(
                        conf,
                        RestartStrategyOptions.RESTART_STRATEGY_FAILURE_RATE_FAILURE_RATE_INTERVAL,
                        1);
        long delay = millis(conf, RestartStrategyOptions.RESTART_STRATEGY_FAILURE_RATE_DELAY, 0);
        return new FailureRateRestartBackoffTimeStrategy(maxFailures, interval, delay, clock);
    }

    private static RestartBackoffTimeStrategy exponentialDelay(
            Configuration conf, LongSupplier clock, DoubleSupplier random) {
        long initial =
                millis(
                        conf,
                        RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF,
                        1);
        ConfigOption<Duration> maxOption =
                RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF;
        long max = conf.get(maxOption).toMillis();
        if (max < initial) {
            throw invalid(
                    maxOption,
                    max + " ms",
                    "a duration of at least the initial backoff ("
                            + RestartStrategyOptions
                                    .RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF
                                    .key()
                            + " = "
                            + initial
                            + " ms)");
        }
        ConfigOption<Double> multiplierOption =
                RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER;
        double multiplier = conf.get(multiplierOption);
        if (!(multiplier >= 1)) {
            throw invalid(multiplierOption, multiplier, "a number >= 1");
        }
        long resetThreshold =
                millis(
                        conf,
                        RestartStrategyOptions
                                .RESTART_STRATEGY_EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD,
                        1);
        ConfigOption<Double> jitterOption =
                RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_JITTER_FACTOR;
        double jitter = conf.get(jitterOption);
        if (!(jitter >= 0 && jitter <= 1)) {
            throw invalid(jitterOption, jitter, "a number between 0 and 1");
        }
        int attempts =
                atLeast(
                        conf,
                        RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS,
                        1);
        return new ExponentialDelayRestartBackoffTimeStrategy(
                initial, max, multiplier, resetThreshold, jitter, attempts, clock, random);
    }

    private static int atLeast(Configuration conf, ConfigOption<Integer> option, int min) {
        int value = conf.get(option);
        if (value < min) {
            throw invalid(option, value, "an integer >= " + min);
        }
        return value;
    }

    /** The duration in milliseconds, at least {@code minMillis}. */
    private static long millis(Configuration conf, ConfigOption<Duration> option, long minMillis) {
        long value = conf.get(option).toMillis();
        if (value < minMillis) {
            throw invalid(option, value + " ms", "a duration of at least " + minMillis + " ms");
        }
        return value;
    }

    private static IllegalConfigurationException invalid(
            ConfigOption<?> option, Object value, String expected) {
        return new IllegalConfigurationException(
                "Invalid value '"
                        + value
                        + "' for option '"
                        + option.key()
                        + "': expected "
                        + expected
                        + ".");
    }
}

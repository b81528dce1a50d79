package dev.brook.runtime.executiongraph.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brook.configuration.Configuration;
import dev.brook.configuration.IllegalConfigurationException;
import dev.brook.configuration.RestartStrategyOptions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading {@link RestartStrategyOptions}: keys, aliases, defaults and errors for bad values. */
class RestartBackoffTimeStrategyFactoryTest {

    private long now = 0;

    private RestartBackoffTimeStrategy create(Map<String, String> conf, boolean checkpointing) {
        return RestartBackoffTimeStrategyFactory.create(
                Configuration.fromMap(conf), checkpointing, () -> now, () -> 0.5);
    }

    @Test
    void withoutATypeNoneWithoutCheckpointingAndExponentialDelayWithIt() {
        assertThat(create(Map.of(), false)).isSameAs(NoRestartBackoffTimeStrategy.INSTANCE);
        assertThat(create(Map.of(), true))
                .hasToString(
                        "ExponentialDelayRestartBackoffTimeStrategy(initialBackoffMS=1000,"
                                + " maxBackoffMS=60000, backoffMultiplier=1.5,"
                                + " resetBackoffThresholdMS=3600000, jitterFactor=0.1,"
                                + " attemptsBeforeResetBackoff=2147483647,"
                                + " currentRestartAttempt=0)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "off", "disable", "NONE", " Off "})
    void noneAndItsAliases(String type) {
        assertThat(create(Map.of("restart-strategy.type", type), true))
                .isSameAs(NoRestartBackoffTimeStrategy.INSTANCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fixed-delay", "fixeddelay", "Fixed-Delay", "FIXEDDELAY"})
    void fixedDelayAndItsAliasesWithDefaults(String type) {
        assertThat(create(Map.of("restart-strategy.type", type), false))
                .hasToString(
                        "FixedDelayRestartBackoffTimeStrategy(maxNumberRestartAttempts=1,"
                                + " backoffTimeMS=1000)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"failure-rate", "failurerate", "FAILURE-RATE", "FailureRate"})
    void failureRateAndItsAliasesWithDefaults(String type) {
        assertThat(create(Map.of("restart-strategy.type", type), false))
                .hasToString(
                        "FailureRateRestartBackoffTimeStrategy(maxFailuresPerInterval=1,"
                                + " failuresIntervalMS=60000, backoffTimeMS=1000)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"exponential-delay", "exponentialdelay", "Exponential-Delay"})
    void exponentialDelayAndItsAliases(String type) {
        assertThat(create(Map.of("restart-strategy.type", type), false))
                .isInstanceOf(ExponentialDelayRestartBackoffTimeStrategy.class);
    }

    @Test
    void theDeprecatedKeyWithoutTypeSuffixIsRead() {
        assertThat(create(Map.of("restart-strategy", "fixed-delay"), false))
                .isInstanceOf(FixedDelayRestartBackoffTimeStrategy.class);
    }

    @Test
    void fixedDelayKeys() {
        RestartBackoffTimeStrategy strategy =
                create(
                        Map.of(
                                "restart-strategy.type", "fixed-delay",
                                "restart-strategy.fixed-delay.attempts", "3",
                                "restart-strategy.fixed-delay.delay", "10 s"),
                        false);

        assertThat(strategy)
                .hasToString(
                        "FixedDelayRestartBackoffTimeStrategy(maxNumberRestartAttempts=3,"
                                + " backoffTimeMS=10000)");
    }

    @Test
    void failureRateKeys() {
        RestartBackoffTimeStrategy strategy =
                create(
                        Map.of(
                                "restart-strategy.type", "failure-rate",
                                "restart-strategy.failure-rate.max-failures-per-interval", "3",
                                "restart-strategy.failure-rate.failure-rate-interval", "5 min",
                                "restart-strategy.failure-rate.delay", "10 s"),
                        false);

        assertThat(strategy)
                .hasToString(
                        "FailureRateRestartBackoffTimeStrategy(maxFailuresPerInterval=3,"
                                + " failuresIntervalMS=300000, backoffTimeMS=10000)");
    }

    @Test
    void exponentialDelayKeys() {
        RestartBackoffTimeStrategy strategy =
                create(
                        Map.of(
                                "restart-strategy.type", "exponential-delay",
                                "restart-strategy.exponential-delay.initial-backoff", "10 s",
                                "restart-strategy.exponential-delay.max-backoff", "2 min",
                                "restart-strategy.exponential-delay.backoff-multiplier", "2.0",
                                "restart-strategy.exponential-delay.reset-backoff-threshold",
                                        "10 min",
                                "restart-strategy.exponential-delay.jitter-factor", "0.2",
                                "restart-strategy.exponential-delay.attempts-before-reset-backoff",
                                        "7"),
                        false);

        assertThat(strategy)
                .hasToString(
                        "ExponentialDelayRestartBackoffTimeStrategy(initialBackoffMS=10000,"
                                + " maxBackoffMS=120000, backoffMultiplier=2.0,"
                                + " resetBackoffThresholdMS=600000, jitterFactor=0.2,"
                                + " attemptsBeforeResetBackoff=7, currentRestartAttempt=0)");
    }

    @Test
    void typedSettersRoundTrip() {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 5);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(250));

        assertThat(RestartBackoffTimeStrategyFactory.create(conf, false, () -> now))
                .hasToString(
                        "FixedDelayRestartBackoffTimeStrategy(maxNumberRestartAttempts=5,"
                                + " backoffTimeMS=250)");
    }

    @Test
    void optionDefaultsMatchFlink() {
        assertThat(RestartStrategyOptions.RESTART_STRATEGY.hasDefaultValue()).isFalse();
        assertThat(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS.defaultValue())
                .isEqualTo(1);
        assertThat(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY.defaultValue())
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(
                        RestartStrategyOptions
                                .RESTART_STRATEGY_FAILURE_RATE_MAX_FAILURES_PER_INTERVAL
                                .defaultValue())
                .isEqualTo(1);
        assertThat(
                        RestartStrategyOptions.RESTART_STRATEGY_FAILURE_RATE_FAILURE_RATE_INTERVAL
                                .defaultValue())
                .isEqualTo(Duration.ofMinutes(1));
        assertThat(RestartStrategyOptions.RESTART_STRATEGY_FAILURE_RATE_DELAY.defaultValue())
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(
                        RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF
                                .defaultValue())
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(
                        RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF
                                .defaultValue())
                .isEqualTo(Duration.ofMinutes(1));
        assertThat(
                        RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_BACKOFF_MULTIPLIER
                                .defaultValue())
                .isEqualTo(1.5);
        assertThat(
                        RestartStrategyOptions
                                .RESTART_STRATEGY_EXPONENTIAL_DELAY_RESET_BACKOFF_THRESHOLD
                                .defaultValue())
                .isEqualTo(Duration.ofHours(1));
        assertThat(
                        RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_JITTER_FACTOR
                                .defaultValue())
                .isEqualTo(0.1);
        assertThat(
                        RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS
                                .defaultValue())
                .isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void unknownTypeNamesTheKeyTheValueAndTheAllowedValues() {
        assertThatThrownBy(() -> create(Map.of("restart-strategy.type", "fixed"), false))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("'fixed'")
                .hasMessageContaining("'restart-strategy.type'")
                .hasMessageContaining("none")
                .hasMessageContaining("fixed-delay")
                .hasMessageContaining("failure-rate")
                .hasMessageContaining("exponential-delay");
    }

    private void assertRejected(String type, String key, String value, String expected) {
        assertThatThrownBy(() -> create(Map.of("restart-strategy.type", type, key, value), false))
                .isInstanceOf(IllegalConfigurationException.class)
                .hasMessageContaining("'" + key + "'")
                .hasMessageContaining(value)
                .hasMessageContaining(expected);
    }

    @Test
    void invalidValuesNameTheKeyTheValueAndTheAllowedRange() {
        assertRejected(
                "fixed-delay", "restart-strategy.fixed-delay.attempts", "-1", "an integer >= 0");
        assertRejected("fixed-delay", "restart-strategy.fixed-delay.delay", "soon", "a duration");
        assertRejected(
                "failure-rate",
                "restart-strategy.failure-rate.max-failures-per-interval",
                "0",
                "an integer >= 1");
        assertRejected(
                "failure-rate",
                "restart-strategy.failure-rate.failure-rate-interval",
                "0 ms",
                "at least 1 ms");
        assertRejected(
                "exponential-delay",
                "restart-strategy.exponential-delay.initial-backoff",
                "0 ms",
                "at least 1 ms");
        assertRejected(
                "exponential-delay",
                "restart-strategy.exponential-delay.max-backoff",
                "500 ms",
                "restart-strategy.exponential-delay.initial-backoff = 1000 ms");
        assertRejected(
                "exponential-delay",
                "restart-strategy.exponential-delay.backoff-multiplier",
                "0.5",
                ">= 1");
        assertRejected(
                "exponential-delay",
                "restart-strategy.exponential-delay.backoff-multiplier",
                "NaN",
                ">= 1");
        assertRejected(
                "exponential-delay",
                "restart-strategy.exponential-delay.reset-backoff-threshold",
                "0 ms",
                "at least 1 ms");
        assertRejected(
                "exponential-delay",
                "restart-strategy.exponential-delay.jitter-factor",
                "1.5",
                "between 0 and 1");
        assertRejected(
                "exponential-delay",
                "restart-strategy.exponential-delay.jitter-factor",
                "-0.1",
                "between 0 and 1");
        assertRejected(
                "exponential-delay",
                "restart-strategy.exponential-delay.attempts-before-reset-backoff",
                "0",
                "an integer >= 1");
    }

    @Test
    void optionsOfAnotherStrategyAreNotValidated() {
        assertThat(
                        create(
                                Map.of(
                                        "restart-strategy.type", "fixed-delay",
                                        "restart-strategy.exponential-delay.jitter-factor", "7"),
                                false))
                .isInstanceOf(FixedDelayRestartBackoffTimeStrategy.class);
    }
}

package dev.brook.runtime.executiongraph.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The restart strategies under a clock and a random source the test controls. Each test fails the
 * job as the JobMaster does: notifyFailure, then canRestart, then getBackoffTime.
 */
class RestartBackoffTimeStrategyTest {

    private static final Exception FAILURE = new Exception("test failure");

    private long now = 10_000;
    private double nextRandom = 0.5; // the middle of [0, 1): no jitter

    @Test
    void noRestartNeverRestarts() {
        RestartBackoffTimeStrategy strategy = NoRestartBackoffTimeStrategy.INSTANCE;

        assertThat(strategy.notifyFailure(FAILURE)).isTrue();
        assertThat(strategy.canRestart()).isFalse();
        assertThat(strategy).hasToString("NoRestartBackoffTimeStrategy");
    }

    @Test
    void fixedDelayAllowsExactlyTheConfiguredRestartsWithTheConfiguredDelay() {
        RestartBackoffTimeStrategy strategy = new FixedDelayRestartBackoffTimeStrategy(3, 1000);

        for (int i = 0; i < 3; i++) {
            strategy.notifyFailure(FAILURE);
            assertThat(strategy.canRestart()).as("failure %d", i + 1).isTrue();
            assertThat(strategy.getBackoffTime()).isEqualTo(1000);
        }
        strategy.notifyFailure(FAILURE);
        assertThat(strategy.canRestart()).as("failure 4").isFalse();
        assertThat(strategy)
                .hasToString(
                        "FixedDelayRestartBackoffTimeStrategy(maxNumberRestartAttempts=3,"
                                + " backoffTimeMS=1000)");
    }

    @Test
    void fixedDelayWithZeroAttemptsFailsOnTheFirstFailure() {
        RestartBackoffTimeStrategy strategy = new FixedDelayRestartBackoffTimeStrategy(0, 1000);

        strategy.notifyFailure(FAILURE);

        assertThat(strategy.canRestart()).isFalse();
    }

    @Test
    void failureRateFailsTheJobWhenMoreThanTheMaximumFailuresFallIntoOneInterval() {
        RestartBackoffTimeStrategy strategy =
                new FailureRateRestartBackoffTimeStrategy(2, 1000, 50, () -> now);

        strategy.notifyFailure(FAILURE);
        assertThat(strategy.canRestart()).isTrue();
        assertThat(strategy.getBackoffTime()).isEqualTo(50);
        now += 400;
        strategy.notifyFailure(FAILURE);
        assertThat(strategy.canRestart()).isTrue();
        now += 600; // exactly one interval after the first failure: still inside it
        strategy.notifyFailure(FAILURE);

        assertThat(strategy.canRestart()).isFalse();
        assertThat(strategy)
                .hasToString(
                        "FailureRateRestartBackoffTimeStrategy(maxFailuresPerInterval=2,"
                                + " failuresIntervalMS=1000, backoffTimeMS=50)");
    }

    @Test
    void failureRateForgetsFailuresOlderThanTheInterval() {
        RestartBackoffTimeStrategy strategy =
                new FailureRateRestartBackoffTimeStrategy(2, 1000, 50, () -> now);

        strategy.notifyFailure(FAILURE);
        now += 400;
        strategy.notifyFailure(FAILURE);
        now += 601; // the first failure has aged out
        strategy.notifyFailure(FAILURE);
        assertThat(strategy.canRestart()).isTrue();
        now += 300; // failures 2, 3 and 4 within 1000 ms
        strategy.notifyFailure(FAILURE);
        assertThat(strategy.canRestart()).isFalse();
    }

    @Test
    void failureRateRestartsForeverWhenFailuresAreRare() {
        RestartBackoffTimeStrategy strategy =
                new FailureRateRestartBackoffTimeStrategy(1, 1000, 0, () -> now);

        for (int i = 0; i < 100; i++) {
            strategy.notifyFailure(FAILURE);
            assertThat(strategy.canRestart()).as("failure %d", i + 1).isTrue();
            now += 1001;
        }
    }

    private ExponentialDelayRestartBackoffTimeStrategy exponential(
            long initial, long max, double multiplier, long reset, double jitter, int attempts) {
        return new ExponentialDelayRestartBackoffTimeStrategy(
                initial, max, multiplier, reset, jitter, attempts, () -> now, () -> nextRandom);
    }

    /** Fails the job, checks a restart is allowed, and moves the clock to the restart. */
    private long failAndRestart(RestartBackoffTimeStrategy strategy) {
        assertThat(strategy.notifyFailure(FAILURE)).isTrue();
        assertThat(strategy.canRestart()).isTrue();
        long backoff = strategy.getBackoffTime();
        now += backoff;
        return backoff;
    }

    @Test
    void exponentialDelayGrowsByTheMultiplierUpToTheMaximum() {
        RestartBackoffTimeStrategy strategy =
                exponential(1000, 10_000, 2.0, 3_600_000, 0, Integer.MAX_VALUE);

        List<Long> backoffs = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            backoffs.add(failAndRestart(strategy));
            now += 10; // fails again shortly after the restart
        }

        assertThat(backoffs).containsExactly(1000L, 2000L, 4000L, 8000L, 10_000L, 10_000L, 10_000L);
    }

    @Test
    void exponentialDelayKeepsCountingWhileTheBackoffIsAtItsMaximum() {
        RestartBackoffTimeStrategy strategy = exponential(1, 1000, 1.5, 3_600_000, 0.1, 2000);

        for (int i = 0; i < 2000; i++) {
            nextRandom = 0.999;
            assertThat(failAndRestart(strategy)).isBetween(1L, 1000L);
            now += 1;
        }
        strategy.notifyFailure(FAILURE);
        assertThat(strategy.canRestart()).isFalse();
    }

    /** The backoff of the fourth failure, whose base is 8000 ms, with the given random value. */
    private long fourthBackoffWithJitter(double random) {
        RestartBackoffTimeStrategy strategy = exponential(1000, 60_000, 2.0, 3_600_000, 0.25, 10);
        nextRandom = 0.5;
        for (int i = 0; i < 3; i++) {
            failAndRestart(strategy);
            now += 1;
        }
        nextRandom = random;
        strategy.notifyFailure(FAILURE);
        return strategy.getBackoffTime();
    }

    @Test
    void exponentialDelayJitterStaysWithinTheFactor() {
        // jitter 0.25 of 8000 ms: uniform in [6000, 10000]
        assertThat(fourthBackoffWithJitter(0.0)).isEqualTo(6000);
        assertThat(fourthBackoffWithJitter(0.5)).isEqualTo(8000);
        assertThat(fourthBackoffWithJitter(0.999_999_999)).isEqualTo(10_000);
        for (double r = 0; r < 1; r += 0.01) {
            assertThat(fourthBackoffWithJitter(r)).isBetween(6000L, 10_000L);
        }
    }

    @Test
    void exponentialDelayJitterNeverLeavesInitialAndMaximum() {
        RestartBackoffTimeStrategy strategy = exponential(1000, 3000, 2.0, 3_600_000, 1.0, 100);

        nextRandom = 0.0; // -100 % of 1000: clamped up to the initial backoff
        assertThat(failAndRestart(strategy)).isEqualTo(1000);
        nextRandom = 0.999_999; // +100 % of 2000: clamped down to the maximum
        now += 1;
        assertThat(failAndRestart(strategy)).isEqualTo(3000);
        nextRandom = 0.25; // -50 % of the capped 3000: jitter still spreads restarts
        now += 1;
        assertThat(failAndRestart(strategy)).isEqualTo(1500);
    }

    @Test
    void exponentialDelayResetsAfterAQuietPeriodSinceTheLastRestart() {
        RestartBackoffTimeStrategy strategy = exponential(1000, 60_000, 2.0, 5000, 0, 3);

        assertThat(failAndRestart(strategy)).isEqualTo(1000);
        now += 4999; // just short of the threshold
        assertThat(failAndRestart(strategy)).isEqualTo(2000);
        now += 5000; // quiet for the whole threshold
        assertThat(failAndRestart(strategy)).isEqualTo(1000);
        // the attempt count was reset too: three more restarts before the job fails
        now += 1;
        assertThat(failAndRestart(strategy)).isEqualTo(2000);
        now += 1;
        assertThat(failAndRestart(strategy)).isEqualTo(4000);
        now += 1;
        strategy.notifyFailure(FAILURE);
        assertThat(strategy.canRestart()).isFalse();
    }

    @Test
    void exponentialDelayFailsAfterTheAttemptsBeforeResetBackoff() {
        RestartBackoffTimeStrategy strategy = exponential(100, 60_000, 1.5, 3_600_000, 0, 2);

        failAndRestart(strategy);
        now += 1;
        failAndRestart(strategy);
        now += 1;
        strategy.notifyFailure(FAILURE);

        assertThat(strategy.canRestart()).isFalse();
        assertThat(strategy.toString())
                .startsWith(
                        "ExponentialDelayRestartBackoffTimeStrategy(initialBackoffMS=100,"
                                + " maxBackoffMS=60000, backoffMultiplier=1.5,"
                                + " resetBackoffThresholdMS=3600000, jitterFactor=0.0,"
                                + " attemptsBeforeResetBackoff=2");
    }

    @Test
    void exponentialDelayMergesFailuresWhileARestartIsPending() {
        RestartBackoffTimeStrategy strategy = exponential(1000, 60_000, 2.0, 3_600_000, 0, 1);

        assertThat(strategy.notifyFailure(FAILURE)).isTrue();
        now += 300; // a second task fails for the same cause before the restart
        assertThat(strategy.notifyFailure(FAILURE)).isFalse();

        assertThat(strategy.canRestart()).isTrue();
        assertThat(strategy.getBackoffTime())
                .as("time left until the pending restart")
                .isEqualTo(700);
    }

    @Test
    void exponentialDelayRejectsBackoffTimeBeforeAnyFailure() {
        RestartBackoffTimeStrategy strategy = exponential(1000, 60_000, 2.0, 3_600_000, 0, 1);

        assertThatThrownBy(strategy::getBackoffTime)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("before notifyFailure");
    }

    @Test
    void constructorsRejectInvalidParameters() {
        assertThatThrownBy(() -> new FixedDelayRestartBackoffTimeStrategy(-1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxNumberRestartAttempts");
        assertThatThrownBy(() -> new FailureRateRestartBackoffTimeStrategy(0, 1000, 0, () -> now))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxFailuresPerInterval");
        assertThatThrownBy(() -> exponential(1000, 60_000, 0.5, 3_600_000, 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("backoffMultiplier");
        assertThatThrownBy(() -> exponential(1000, 60_000, 2, 3_600_000, 1.5, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jitterFactor");
        assertThatThrownBy(() -> exponential(1000, 999, 2, 3_600_000, 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxBackoffMS");
    }
}

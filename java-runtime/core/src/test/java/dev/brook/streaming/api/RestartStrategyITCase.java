package dev.brook.streaming.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.brook.api.common.JobStatus;
import dev.brook.api.common.functions.RichMapFunction;
import dev.brook.api.java.tuple.Tuple2;
import dev.brook.configuration.Configuration;
import dev.brook.core.execution.JobClient;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import dev.brook.test.util.CollectingSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Restart strategies on the MiniCluster: a failed job is cancelled and started again as new
 * attempts while the strategy allows, and otherwise fails with the user's exception as the root
 * cause.
 */
class RestartStrategyITCase {

    /** The user's own failure. */
    static final class Boom extends RuntimeException {
        Boom(String message) {
            super(message);
        }
    }

    /** Fails on the 50th record in attempts below {@code failingAttempts}; tags records. */
    static final class FailingInEarlyAttempts extends RichMapFunction<Long, Tuple2<Integer, Long>> {
        private final int failingAttempts;

        FailingInEarlyAttempts(int failingAttempts) {
            this.failingAttempts = failingAttempts;
        }

        @Override
        public Tuple2<Integer, Long> map(Long value) {
            int attempt = getRuntimeContext().getTaskInfo().getAttemptNumber();
            if (attempt < failingAttempts && value == 50) {
                throw new Boom("failure in attempt " + attempt);
            }
            return Tuple2.of(attempt, value);
        }
    }

    /** Whole-job restarts (the subtasks of these jobs are separate regions otherwise). */
    private static StreamExecutionEnvironment env(Map<String, String> settings) {
        Configuration conf = new Configuration();
        conf.setString("jobmanager.execution.failover-strategy", "full");
        settings.forEach(conf::setString);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(conf);
        env.setParallelism(2);
        return env;
    }

    private static List<Throwable> causes(Throwable t) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable c = t; c != null && !chain.contains(c); c = c.getCause()) {
            chain.add(c);
        }
        return chain;
    }

    @Test
    void fixedDelayRestartsUntilAnAttemptSucceeds() throws Exception {
        StreamExecutionEnvironment env =
                env(
                        Map.of(
                                "restart-strategy.type", "fixed-delay",
                                "restart-strategy.fixed-delay.attempts", "3",
                                "restart-strategy.fixed-delay.delay", "10 ms"));
        CollectingSink<Tuple2<Integer, Long>> sink = new CollectingSink<>();
        env.fromSequence(0, 199).map(new FailingInEarlyAttempts(2)).addSink(sink);
        env.execute();

        // The third attempt (number 2) of the subtask that reads 50 ran to the end; every record
        // reached the sink in the last attempt of the subtask that read it.
        Map<Long, Integer> lastAttempt = new TreeMap<>();
        for (Tuple2<Integer, Long> t : sink.getResults()) {
            lastAttempt.merge(t.f1, t.f0, Math::max);
        }
        assertThat(lastAttempt).hasSize(200);
        assertThat(lastAttempt.values()).allMatch(a -> a == 2);
    }

    @Test
    void withoutAStrategyTheFirstFailureEndsTheJob() {
        StreamExecutionEnvironment env = env(Map.of());
        env.fromSequence(0, 199).map(new FailingInEarlyAttempts(1)).addSink(new CollectingSink<>());
        Throwable failure = catchThrowable(env::execute);
        assertThat(causes(failure))
                .anySatisfy(
                        c ->
                                assertThat(c)
                                        .isInstanceOf(Boom.class)
                                        .hasMessage("failure in attempt 0"))
                .noneSatisfy(c -> assertThat(c.getMessage()).contains("recovery is suppressed"));
    }

    @Test
    void whenTheAttemptsAreUsedUpTheJobFailsWithTheLastCause() {
        StreamExecutionEnvironment env =
                env(
                        Map.of(
                                "restart-strategy.type", "fixeddelay",
                                "restart-strategy.fixed-delay.attempts", "2",
                                "restart-strategy.fixed-delay.delay", "0 ms"));
        env.fromSequence(0, 199)
                .map(new FailingInEarlyAttempts(10))
                .addSink(new CollectingSink<>());
        Throwable failure = catchThrowable(env::execute);
        assertThat(causes(failure))
                .anySatisfy(
                        c ->
                                assertThat(c.getMessage())
                                        .contains("failed after 2 restarts")
                                        .contains("recovery is suppressed by FixedDelay"))
                .anySatisfy(
                        c ->
                                assertThat(c)
                                        .isInstanceOf(Boom.class)
                                        .hasMessage("failure in attempt 2"));
    }

    @Test
    void aJobCanBeCancelledWhileItWaitsToRestart() throws Exception {
        StreamExecutionEnvironment env =
                env(
                        Map.of(
                                "restart-strategy.type", "fixed-delay",
                                "restart-strategy.fixed-delay.attempts", "5",
                                "restart-strategy.fixed-delay.delay", "1 h"));
        env.fromSequence(0, 199)
                .map(new FailingInEarlyAttempts(10))
                .addSink(new CollectingSink<>());
        JobClient client = env.executeAsync("waits to restart");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (client.getJobStatus().get() != JobStatus.RESTARTING) {
            assertThat(System.nanoTime()).as("job reaches RESTARTING").isLessThan(deadline);
            Thread.sleep(10);
        }
        client.cancel().get();
        while (client.getJobStatus().get() != JobStatus.CANCELED) {
            assertThat(System.nanoTime()).as("job is cancelled").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void anUnknownStrategyIsReportedAtSubmission() {
        StreamExecutionEnvironment env = env(Map.of("restart-strategy.type", "sometimes"));
        env.fromSequence(0, 9).addSink(new CollectingSink<>());
        Throwable failure = catchThrowable(env::execute);
        assertThat(causes(failure))
                .anySatisfy(
                        c ->
                                assertThat(c.getMessage())
                                        .contains("restart-strategy.type")
                                        .contains("sometimes")
                                        .contains("fixed-delay"));
    }
}

package dev.brook.streaming.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.brook.api.common.eventtime.WatermarkStrategy;
import dev.brook.api.common.functions.RichMapFunction;
import dev.brook.api.common.typeinfo.Types;
import dev.brook.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.brook.configuration.Configuration;
import dev.brook.connector.datagen.source.DataGeneratorSource;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Region failover: in a job of independent pipelines (forward edges only), a failed subtask
 * restarts alone from the latest checkpoint while the others keep running, and the job's
 * exactly-once output is still complete; with the full strategy everything restarts.
 */
class RegionFailoverITCase {

    private static final long COUNT = 3000;

    /** Per run: the highest attempt number each subtask reached. */
    private static final Map<String, Map<Integer, Integer>> ATTEMPTS = new ConcurrentHashMap<>();

    private static final Map<String, AtomicBoolean> FAILED = new ConcurrentHashMap<>();

    /** Records its subtask's attempt; fails once, in attempt 0, after some checkpoints. */
    static final class FailOnceAt extends RichMapFunction<Long, String> {
        private final String run;
        private final long failAt;

        FailOnceAt(String run, long failAt) {
            this.run = run;
            this.failAt = failAt;
        }

        @Override
        public String map(Long value) {
            int subtask = getRuntimeContext().getIndexOfThisSubtask();
            int attempt = getRuntimeContext().getTaskInfo().getAttemptNumber();
            ATTEMPTS.get(run).merge(subtask, attempt, Math::max);
            if (value == failAt && FAILED.get(run).compareAndSet(false, true)) {
                throw new IllegalStateException("injected failure at " + value);
            }
            return String.valueOf(value);
        }
    }

    private static String runJob(String strategy) throws Exception {
        String run = UUID.randomUUID().toString();
        ATTEMPTS.put(run, new ConcurrentHashMap<>());
        FAILED.put(run, new AtomicBoolean());
        String output = UUID.randomUUID().toString();
        Configuration conf = new Configuration();
        conf.setString("execution.checkpointing.interval", "40 ms");
        conf.setString("restart-strategy.type", "fixed-delay");
        conf.setString("restart-strategy.fixed-delay.attempts", "2");
        conf.setString("restart-strategy.fixed-delay.delay", "10 ms");
        conf.setString("jobmanager.execution.failover-strategy", strategy);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(conf);
        env.setParallelism(2);
        // Source, map and sink are chained: each subtask is a region of its own.
        env.fromSource(
                        new DataGeneratorSource<>(
                                i -> i, COUNT, RateLimiterStrategy.perSecond(6000), Types.LONG),
                        WatermarkStrategy.noWatermarks(),
                        "numbers")
                .map(new FailOnceAt(run, COUNT / 2 + 10))
                .addSink(new ExactlyOnceSinkITCase.ListTransactionSink(output));
        env.execute();

        assertThat(ExactlyOnceSinkITCase.ListTransactionSink.OUTPUT.get(output).stream().sorted())
                .containsExactlyElementsOf(
                        LongStream.range(0, COUNT).mapToObj(String::valueOf).sorted().toList());
        assertThat(FAILED.get(run)).isTrue();
        return run;
    }

    @Test
    void onlyTheFailedSubtasksRegionRestarts() throws Exception {
        String run = runJob("region");
        // One subtask failed and ran again as attempt 1; the other never restarted.
        assertThat(ATTEMPTS.get(run).values()).containsExactlyInAnyOrder(0, 1);
    }

    @Test
    void theFullStrategyRestartsEverySubtask() throws Exception {
        String run = runJob("full");
        assertThat(ATTEMPTS.get(run).values()).containsOnly(1);
    }

    @Test
    void anUnknownStrategyIsReportedWithTheKey() {
        Configuration conf = new Configuration();
        conf.setString("jobmanager.execution.failover-strategy", "partial");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(conf);
        env.fromSequence(1, 3).print();

        assertThat(catchThrowable(env::execute))
                .hasStackTraceContaining("Unknown failover strategy 'partial'")
                .hasStackTraceContaining("jobmanager.execution.failover-strategy");
    }
}

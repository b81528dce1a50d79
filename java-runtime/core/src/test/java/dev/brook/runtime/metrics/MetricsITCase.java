package dev.brook.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brook.api.common.JobStatus;
import dev.brook.api.common.functions.OpenContext;
import dev.brook.api.common.functions.RichMapFunction;
import dev.brook.api.common.typeinfo.Types;
import dev.brook.configuration.Configuration;
import dev.brook.metrics.Counter;
import dev.brook.metrics.Gauge;
import dev.brook.runtime.jobgraph.JobGraph;
import dev.brook.runtime.jobgraph.JobVertex;
import dev.brook.runtime.jobmaster.JobMetricsSnapshot;
import dev.brook.runtime.jobmaster.JobResult;
import dev.brook.runtime.minicluster.MiniCluster;
import dev.brook.runtime.minicluster.MiniClusterConfiguration;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import dev.brook.streaming.api.functions.sink.legacy.SinkFunction;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Task, operator and user metrics of jobs on a MiniCluster, as the REST API reads them: live from
 * the TaskManagers while a subtask runs, and the values it ended with afterwards.
 */
class MetricsITCase {

    private MiniCluster cluster;

    @BeforeEach
    void start() {
        cluster =
                new MiniCluster(
                        new MiniClusterConfiguration(
                                new Configuration(), 1, 4, Duration.ofSeconds(5)));
        cluster.start();
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    /** Counts the records it maps in a user counter, in a key/value group, with a gauge. */
    static final class CountingDoubler extends RichMapFunction<Long, Long> {
        private transient Counter mapped;
        private transient long last;

        @Override
        public void open(OpenContext openContext) {
            mapped = getRuntimeContext().getMetricGroup().addGroup("mine").counter("mapped");
            getRuntimeContext()
                    .getMetricGroup()
                    .addGroup("subtask", "s" + getRuntimeContext().getIndexOfThisSubtask())
                    .gauge("last", (Gauge<Long>) () -> last);
        }

        @Override
        public Long map(Long value) {
            mapped.inc();
            last = value;
            return value * 2;
        }
    }

    private static JobGraph pipeline(long count) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.fromSequence(1, count)
                .map(new CountingDoubler(), Types.LONG)
                .name("Doubler")
                .filter(v -> v % 4 == 0)
                .name("Quarters")
                .rebalance()
                .addSink(new SinkFunction<>() {})
                .name("Sink");
        return env.getJobGraph("metrics");
    }

    private static JobVertex vertex(JobGraph job, String name) {
        return job.vertices().stream().filter(v -> v.name().contains(name)).findFirst().get();
    }

    private static long sum(List<Map<String, String>> subtasks, String id) {
        long sum = 0;
        for (Map<String, String> metrics : subtasks) {
            sum += Long.parseLong(metrics.get(id));
        }
        return sum;
    }

    @Test
    void finishedJobKeepsTheMetricsItsSubtasksEndedWith() throws Exception {
        JobGraph job = pipeline(10_000);
        cluster.submitJob(job, getClass().getClassLoader()).get();
        JobResult result = cluster.requestJobResult(job.jobId()).get(60, TimeUnit.SECONDS);
        assertThat(result.status()).isEqualTo(JobStatus.FINISHED);

        JobMetricsSnapshot metrics =
                cluster.getDispatcher().requestJobMetrics(job.jobId()).get(10, TimeUnit.SECONDS);
        List<Map<String, String>> chain = metrics.subtasks().get(vertex(job, "Doubler").id());
        List<Map<String, String>> sink = metrics.subtasks().get(vertex(job, "Sink").id());
        assertThat(chain).hasSize(2);

        assertThat(sum(chain, "Doubler.mine.mapped")).isEqualTo(10_000);
        assertThat(sum(chain, "Doubler.numRecordsIn")).isEqualTo(10_000);
        assertThat(sum(chain, "Doubler.numRecordsOut")).isEqualTo(10_000);
        assertThat(sum(chain, "Quarters.numRecordsIn")).isEqualTo(10_000);
        assertThat(sum(chain, "Quarters.numRecordsOut")).isEqualTo(5_000);
        // The task reads nothing from the network (its head is the source) and writes the
        // filter's output.
        assertThat(sum(chain, "numRecordsIn")).isZero();
        assertThat(sum(chain, "numRecordsOut")).isEqualTo(5_000);
        assertThat(sum(sink, "numRecordsIn")).isEqualTo(5_000);
        assertThat(sum(sink, "Sink.numRecordsIn")).isEqualTo(5_000);
        assertThat(sum(sink, "numRecordsOut")).isZero();
        // A key/value group is the key's group with the value's inside.
        assertThat(chain.get(0)).containsKey("Doubler.subtask.s0.last");
        assertThat(chain.get(1)).containsKey("Doubler.subtask.s1.last");
        assertThat(chain.get(0))
                .containsKeys("numRecordsInPerSecond", "Doubler.numRecordsOutPerSecond");

        assertThat(metrics.job()).containsEntry("numRestarts", "0").containsEntry("uptime", "-1");
    }

    @Test
    void runningJobReportsLiveMetricsFromItsTaskManagers() throws Exception {
        JobGraph job = pipeline(Long.MAX_VALUE - 1);
        cluster.submitJob(job, getClass().getClassLoader()).get();
        JobVertex chainVertex = vertex(job, "Doubler");
        long first = awaitMapped(job, chainVertex, 1);
        long later = awaitMapped(job, chainVertex, first + 1);
        assertThat(later).isGreaterThan(first);
        // Rates are updated every 5 seconds.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        double rate = 0;
        while (rate == 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            Map<String, String> subtask0 =
                    cluster.getDispatcher()
                            .requestJobMetrics(job.jobId())
                            .get(10, TimeUnit.SECONDS)
                            .subtasks()
                            .get(chainVertex.id())
                            .get(0);
            rate = Double.parseDouble(subtask0.get("Doubler.numRecordsOutPerSecond"));
        }
        assertThat(rate).isPositive();
        JobMetricsSnapshot running =
                cluster.getDispatcher().requestJobMetrics(job.jobId()).get(10, TimeUnit.SECONDS);
        assertThat(Long.parseLong(running.job().get("uptime"))).isPositive();
        cluster.cancelJob(job.jobId());
        cluster.requestJobResult(job.jobId()).get(60, TimeUnit.SECONDS);
    }

    private long awaitMapped(JobGraph job, JobVertex vertex, long atLeast) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            JobMetricsSnapshot metrics =
                    cluster.getDispatcher()
                            .requestJobMetrics(job.jobId())
                            .get(10, TimeUnit.SECONDS);
            List<Map<String, String>> subtasks = metrics.subtasks().get(vertex.id());
            if (subtasks.stream().allMatch(m -> m.containsKey("Doubler.mine.mapped"))) {
                long mapped = sum(subtasks, "Doubler.mine.mapped");
                if (mapped >= atLeast) {
                    return mapped;
                }
            }
            assertThat(System.nanoTime()).as("metrics within 30 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}

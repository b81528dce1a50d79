package dev.brook.runtime.minicluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brook.api.common.JobStatus;
import dev.brook.api.common.functions.MapFunction;
import dev.brook.api.common.typeinfo.Types;
import dev.brook.configuration.Configuration;
import dev.brook.runtime.jobgraph.JobGraph;
import dev.brook.runtime.jobmaster.JobResult;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import dev.brook.streaming.api.functions.sink.legacy.SinkFunction;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Jobs on one long-lived MiniCluster: whether a job finishes, fails or is cancelled, afterwards
 * every slot is free, every result partition is released and every network buffer reservation is
 * returned, so the next job starts from a clean cluster.
 */
class MiniClusterITCase {

    private MiniCluster cluster;

    @BeforeEach
    void start() {
        cluster =
                new MiniCluster(
                        new MiniClusterConfiguration(
                                new Configuration(), 2, 2, Duration.ofSeconds(5)));
        cluster.start();
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    private void assertClean() {
        assertThat(cluster.getResourceManager().freeSlots()).isEqualTo(4);
        assertThat(cluster.getResultPartitionManager().numberOfRegisteredPartitions()).isZero();
        assertThat(cluster.getNetworkBufferPool().getReservedSegments()).isZero();
    }

    private static JobGraph pipeline(int parallelism, MapFunction<Long, Long> mapper, long count) {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        env.fromSequence(1, count)
                .map(mapper, Types.LONG)
                .keyBy(v -> v % 10, Types.LONG)
                .reduce(Long::sum)
                .rebalance()
                .addSink(new SinkFunction<>() {});
        return env.getJobGraph("test");
    }

    private JobResult run(JobGraph job) throws Exception {
        cluster.submitJob(job, getClass().getClassLoader()).get();
        return cluster.requestJobResult(job.jobId()).get(60, TimeUnit.SECONDS);
    }

    @Test
    void finishedJobsReleaseEverything() throws Exception {
        for (int i = 0; i < 3; i++) {
            JobResult r = run(pipeline(4, v -> v, 50_000));
            assertThat(r.status()).isEqualTo(JobStatus.FINISHED);
            assertClean();
        }
    }

    @Test
    void failedJobReportsRootCauseAndReleasesEverything() throws Exception {
        JobResult r =
                run(
                        pipeline(
                                4,
                                v -> {
                                    if (v == 777) {
                                        throw new ArithmeticException("no 777s please");
                                    }
                                    return v;
                                },
                                50_000));
        assertThat(r.status()).isEqualTo(JobStatus.FAILED);
        assertThat(r.failureCause())
                .isInstanceOf(ArithmeticException.class)
                .hasMessage("no 777s please");
        assertClean();
    }

    @Test
    void cancelledJobReleasesEverything() throws Exception {
        JobGraph job = pipeline(4, v -> v, Long.MAX_VALUE - 1);
        cluster.submitJob(job, getClass().getClassLoader()).get();
        while (cluster.getJobStatus(job.jobId()) != JobStatus.RUNNING) {
            Thread.onSpinWait();
        }
        cluster.cancelJob(job.jobId());
        JobResult r = cluster.requestJobResult(job.jobId()).get(60, TimeUnit.SECONDS);
        assertThat(r.status()).isEqualTo(JobStatus.CANCELED);
        assertClean();
    }

    @Test
    void jobNeedingMoreSlotsThanExistFailsWithClearMessage() throws Exception {
        JobResult r = run(pipeline(5, v -> v, 10));
        assertThat(r.status()).isEqualTo(JobStatus.FAILED);
        assertThat(r.failureCause())
                .hasMessageContaining("Could not get 5 task slots")
                .hasMessageContaining("4 free of 4 slots");
        assertClean();
    }
}

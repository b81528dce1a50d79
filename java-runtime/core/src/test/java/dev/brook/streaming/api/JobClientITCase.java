package dev.brook.streaming.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brook.api.common.JobExecutionException;
import dev.brook.api.common.JobExecutionResult;
import dev.brook.api.common.JobStatus;
import dev.brook.api.common.eventtime.WatermarkStrategy;
import dev.brook.api.common.typeinfo.Types;
import dev.brook.connector.datagen.source.DataGeneratorSource;
import dev.brook.core.execution.JobClient;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import dev.brook.streaming.api.functions.sink.legacy.SinkFunction;
import dev.brook.test.util.CollectingSink;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Running jobs asynchronously: status, cancellation, and what execute() leaves behind. */
class JobClientITCase {

    /** Counts down a latch (shared through a static registry) once per record. */
    static final class LatchSink implements SinkFunction<Long> {
        private static final Map<String, CountDownLatch> LATCHES = new ConcurrentHashMap<>();
        private final String id = UUID.randomUUID().toString();

        LatchSink(int records) {
            LATCHES.put(id, new CountDownLatch(records));
        }

        CountDownLatch latch() {
            return LATCHES.get(id);
        }

        @Override
        public void invoke(Long value, Context context) {
            LATCHES.get(id).countDown();
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void cancellingARunningUnboundedJobEndsIt(int parallelism) throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        LatchSink sink = new LatchSink(10_000);
        env.fromSource(
                        new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, Types.LONG),
                        WatermarkStrategy.noWatermarks(),
                        "endless")
                .rebalance()
                .addSink(sink);
        JobClient client = env.executeAsync("to be cancelled");

        // Records flow: the job is really running.
        sink.latch().await();
        assertThat(client.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
        client.cancel().get();

        assertThatThrownBy(() -> client.getJobExecutionResult().get())
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(JobExecutionException.class)
                .hasMessageContaining("cancel");
        assertThat(client.getJobStatus().get()).isEqualTo(JobStatus.CANCELED);
    }

    @Test
    void aFinishedJobReportsFinished() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        CollectingSink<Long> sink = new CollectingSink<>();
        env.fromSequence(0, 999).addSink(sink);
        JobClient client = env.executeAsync("async");

        JobExecutionResult result = client.getJobExecutionResult().get();

        assertThat(result.getJobID()).isEqualTo(client.getJobID());
        assertThat(client.getJobStatus().get()).isEqualTo(JobStatus.FINISHED);
        assertThat(sink.getResults()).hasSize(1_000);
    }

    @Test
    void executeConsumesTheProgramSoASecondExecuteHasNothingToRun() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        CollectingSink<Long> sink = new CollectingSink<>();
        env.fromSequence(0, 9).addSink(sink);
        env.execute("first");

        assertThatThrownBy(env::execute)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No operators defined");
        // The first job ran exactly once.
        assertThat(sink.getResults()).hasSize(10);
    }
}

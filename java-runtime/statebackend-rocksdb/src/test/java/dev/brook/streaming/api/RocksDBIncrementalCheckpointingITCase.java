package dev.brook.streaming.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.brook.api.common.JobExecutionResult;
import dev.brook.api.common.eventtime.WatermarkStrategy;
import dev.brook.api.common.typeinfo.Types;
import dev.brook.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.brook.configuration.Configuration;
import dev.brook.connector.datagen.source.DataGeneratorSource;
import dev.brook.core.execution.JobClient;
import dev.brook.runtime.checkpoint.CheckpointMetadata;
import dev.brook.runtime.checkpoint.CompletedCheckpoint;
import dev.brook.runtime.checkpoint.FileStateHandle;
import dev.brook.runtime.checkpoint.OperatorSubtaskState;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import dev.brook.test.util.CollectingSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkpointing suite with incremental RocksDB checkpoints. Every test gets a checkpoint
 * directory, so that checkpoints really are incremental (in the JobManager's memory they would be
 * full): recovery after failures restores from the uploaded RocksDB files at the same parallelism,
 * the retained-checkpoint test at another one, and savepoints stay complete. Also: checkpoints
 * reference SST files in the job's {@code shared/} directory, and a finished job leaves nothing.
 */
class RocksDBIncrementalCheckpointingITCase extends CheckpointingITCase {

    @TempDir Path checkpoints;

    @Override
    protected Map<String, String> backendSettings() {
        return Map.of(
                "state.backend.type", "rocksdb",
                "state.backend.incremental", "true",
                "execution.checkpointing.dir", checkpoints.toString());
    }

    private StreamExecutionEnvironment environment(Map<String, String> settings) {
        Configuration conf = new Configuration();
        backendSettings().forEach(conf::setString);
        conf.setString("execution.checkpointing.interval", "40 ms");
        settings.forEach(conf::setString);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(conf);
        env.setParallelism(2);
        return env;
    }

    private static void keyedSums(StreamExecutionEnvironment env, long count, String run) {
        env.fromSource(
                        new DataGeneratorSource<>(
                                i -> i, count, RateLimiterStrategy.perSecond(4000), Types.LONG),
                        WatermarkStrategy.noWatermarks(),
                        "numbers")
                .map(new FailAfterCheckpoints<>(run, Integer.MAX_VALUE))
                .keyBy(v -> v % 8)
                .map(new RunningSum())
                .uid("sums")
                .addSink(new CollectingSink<>());
    }

    @Test
    void checkpointsReferenceSstFilesInTheSharedDirectoryOfTheJob() throws Exception {
        String run = newRun();
        StreamExecutionEnvironment env =
                environment(
                        Map.of(
                                "execution.checkpointing.externalized-checkpoint-retention",
                                "RETAIN_ON_CANCELLATION"));
        keyedSums(env, 1_000_000, run);
        JobClient client = env.executeAsync();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (COMPLETED.get(run).get() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        client.cancel().get(30, TimeUnit.SECONDS);
        catchThrowable(() -> client.getJobExecutionResult().get(30, TimeUnit.SECONDS));

        Path jobDir = checkpoints.resolve(client.getJobID().toString());
        Path latest;
        try (Stream<Path> entries = Files.list(jobDir)) {
            latest =
                    entries.filter(p -> p.getFileName().toString().startsWith("chk-"))
                            .max(
                                    Comparator.comparingLong(
                                            p ->
                                                    Long.parseLong(
                                                            p.getFileName()
                                                                    .toString()
                                                                    .substring(4))))
                            .orElseThrow();
        }
        CompletedCheckpoint checkpoint = CheckpointMetadata.load(latest.toString());
        for (OperatorSubtaskState subtask :
                checkpoint.operators().get("uid:sums").subtasks().values()) {
            assertThat(subtask.sharedState()).isNotEmpty();
            for (FileStateHandle file : subtask.sharedState()) {
                assertThat(file.filePath()).startsWith(jobDir.resolve("shared")).exists();
                assertThat(file.path()).endsWith(".sst");
            }
        }
    }

    @Test
    void aFinishedJobLeavesNoCheckpointFiles() throws Exception {
        String run = newRun();
        StreamExecutionEnvironment env = environment(Map.of());
        keyedSums(env, 2000, run);
        JobExecutionResult result = env.execute();
        assertThat(COMPLETED.get(run).get()).isGreaterThanOrEqualTo(2);

        // Checkpoints, and the shared files they referenced, are deleted with the job.
        assertThat(checkpoints.resolve(result.getJobID().toString())).doesNotExist();
    }
}

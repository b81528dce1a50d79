package dev.brook.streaming.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brook.api.common.functions.RichMapFunction;
import dev.brook.api.common.state.ValueState;
import dev.brook.api.common.state.ValueStateDescriptor;
import dev.brook.api.common.typeinfo.Types;
import dev.brook.api.java.tuple.Tuple3;
import dev.brook.configuration.Configuration;
import dev.brook.core.execution.JobClient;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import dev.brook.test.util.CollectingSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkpointing suite with keyed state in RocksDB: recovery, retained checkpoints, savepoints
 * and rescaling behave as on the heap.
 */
class RocksDBCheckpointingITCase extends CheckpointingITCase {

    @Override
    protected Map<String, String> backendSettings() {
        return Map.of("state.backend.type", "rocksdb");
    }

    /** Records whether a RocksDB database exists under the given directory while it runs. */
    static final class SeesRocksDb extends RichMapFunction<Long, Boolean> {
        private final String directory;
        private transient ValueState<Long> state;

        SeesRocksDb(String directory) {
            this.directory = directory;
        }

        @Override
        public void open(dev.brook.api.common.functions.OpenContext context) {
            state = getRuntimeContext().getState(new ValueStateDescriptor<>("v", Types.LONG));
        }

        @Override
        public Boolean map(Long value) throws Exception {
            state.update(value);
            try (Stream<Path> files = Files.walk(Path.of(directory))) {
                return files.anyMatch(p -> p.getFileName().toString().equals("CURRENT"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void stateBackendTypeRocksdbKeepsKeyedStateInRocksDbUnderTheTmpDirectory(@TempDir Path tmp)
            throws Exception {
        Configuration conf = new Configuration();
        conf.setString("state.backend.type", "rocksdb");
        conf.setString("io.tmp.dirs", tmp.toString());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(conf);
        env.setParallelism(1);
        CollectingSink<Boolean> sink = new CollectingSink<>();
        env.fromSequence(1, 10)
                .keyBy(v -> v % 2)
                .map(new SeesRocksDb(tmp.toString()))
                .addSink(sink);
        env.execute();

        assertThat(sink.getResults()).hasSize(10).containsOnly(true);
        // The database is deleted with the task.
        try (Stream<Path> files = Files.walk(tmp)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    /** A savepoint of the keyed sums taken with {@code from}, resumed with {@code to}. */
    private static void savepointResumesOnTheOtherBackend(
            Map<String, String> from, Map<String, String> to, Path dir) throws Exception {
        long count = 4000;
        String run = newRun();
        StreamExecutionEnvironment first = env(from, 2, Map.of());
        keyedSumProgram(first, count, run, new CollectingSink<>());
        JobClient client = first.executeAsync();
        awaitCompletedCheckpoints(run, 2);
        String savepoint = client.triggerSavepoint(dir.toString()).get(30, TimeUnit.SECONDS);
        client.cancel().get();
        waitForTerminal(client);

        StreamExecutionEnvironment second =
                env(to, 3, Map.of("execution.state-recovery.path", savepoint));
        CollectingSink<Tuple3<Long, Long, Long>> sink = new CollectingSink<>();
        keyedSumProgram(second, count, newRun(), sink);
        second.execute();
        assertThat(finalSums(sink.getResults())).isEqualTo(expectedSums(count));
    }

    @Test
    void aHeapSavepointResumesOnRocksDb(@TempDir Path dir) throws Exception {
        savepointResumesOnTheOtherBackend(
                Map.of("state.backend.type", "hashmap"), backendSettings(), dir);
    }

    @Test
    void aRocksDbSavepointResumesOnTheHeap(@TempDir Path dir) throws Exception {
        savepointResumesOnTheOtherBackend(
                backendSettings(), Map.of("state.backend.type", "hashmap"), dir);
    }
}

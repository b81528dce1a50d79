package dev.brook.python;

import static dev.brook.python.PythonTestSupport.pickle;
import static org.assertj.core.api.Assertions.assertThat;

import dev.brook.api.common.functions.MapFunction;
import dev.brook.api.common.serialization.SimpleStringEncoder;
import dev.brook.api.common.state.CheckpointListener;
import dev.brook.api.common.typeinfo.BasicTypeInfo;
import dev.brook.configuration.MemorySize;
import dev.brook.connector.file.sink.FileSink;
import dev.brook.core.fs.Path;
import dev.brook.streaming.api.datastream.DataStream;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import dev.brook.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import dev.brook.streaming.api.functions.sink.filesystem.rollingpolicies.DefaultRollingPolicy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Python worker killed with SIGKILL in the middle of a job fails its tasks with a message that
 * names it, the restart strategy restarts the job from its last checkpoint with new workers, and
 * the exactly-once file output is exactly that of a run without the kill: every running sum of the
 * Python keyed reduce once, none lost, none twice.
 */
class PythonWorkerKillITCase {

    private static final long COUNT = 3000;
    private static final int KEYS = 7;
    private static final AtomicLong SEEN = new AtomicLong();
    private static final AtomicInteger KILLED = new AtomicInteger();
    private static final List<String> KILLED_COMMANDS = new ArrayList<>();

    /** Paces the input; after a checkpoint past a third of it, kills the Python workers once. */
    static final class KillWorkersAfterCheckpoint
            implements MapFunction<Long, Long>, CheckpointListener {
        private boolean armed;

        @Override
        public Long map(Long value) throws Exception {
            if (value % 4 == 0) {
                Thread.sleep(1);
            }
            SEEN.set(value);
            if (armed && KILLED.get() == 0) {
                ProcessHandle.current()
                        .descendants()
                        .filter(p -> p.info().commandLine().orElse("").contains("brook_worker"))
                        .forEach(
                                p -> {
                                    synchronized (KILLED_COMMANDS) {
                                        KILLED_COMMANDS.add(p.info().commandLine().orElse(""));
                                    }
                                    p.destroyForcibly();
                                    KILLED.incrementAndGet();
                                });
            }
            return value;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            if (SEEN.get() > COUNT / 3) {
                armed = true;
            }
        }
    }

    @Test
    void aKilledWorkerRestartsTheJobAndTheOutputIsExactlyOnce(@TempDir java.nio.file.Path dir)
            throws Exception {
        StreamExecutionEnvironment env = PythonTestSupport.restartingEnvironment(32);
        List<byte[]> f =
                pickle("lambda x: x % " + KEYS, "lambda a, b: a + b", "lambda s: '%d' % s");
        DataStream<Long> input =
                env.fromSequence(1, COUNT)
                        .setParallelism(1)
                        .map(new KillWorkersAfterCheckpoint())
                        .setParallelism(1);
        DataStream<String> sums =
                PythonTestSupport.keyedPython(
                        input,
                        BasicTypeInfo.LONG_TYPE_INFO,
                        f.get(0),
                        List.of(
                                new PythonFunctionSpec("reduce", f.get(1)),
                                new PythonFunctionSpec("map", f.get(2))),
                        BasicTypeInfo.STRING_TYPE_INFO);
        sums.sinkTo(
                FileSink.forRowFormat(new Path(dir.toString()), new SimpleStringEncoder<String>())
                        .withBucketAssigner(new BasePathBucketAssigner<>())
                        .withRollingPolicy(
                                DefaultRollingPolicy.builder()
                                        .withMaxPartSize(MemorySize.parse("2kb"))
                                        .build())
                        .build());
        env.execute("python reduce with a killed worker");

        assertThat(KILLED.get()).as("workers killed mid-job").isGreaterThan(0);
        assertThat(KILLED_COMMANDS).allMatch(c -> c.contains("-m brook_worker"));

        List<String> lines = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.list(dir)) {
            for (java.nio.file.Path file :
                    files.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
                lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
            }
        }
        // Each record's running sum for its key, once.
        Map<Long, Long> sumByKey = new HashMap<>();
        List<String> expected = new ArrayList<>();
        for (long x = 1; x <= COUNT; x++) {
            expected.add(Long.toString(sumByKey.merge(x % KEYS, x, Long::sum)));
        }
        assertThat(lines).hasSize((int) COUNT);
        assertThat(lines.stream().sorted().toList()).isEqualTo(expected.stream().sorted().toList());
    }
}

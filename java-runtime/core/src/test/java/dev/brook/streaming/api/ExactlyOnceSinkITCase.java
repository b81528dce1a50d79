package dev.brook.streaming.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brook.api.common.eventtime.WatermarkStrategy;
import dev.brook.api.common.serialization.SimpleStringEncoder;
import dev.brook.api.common.typeinfo.Types;
import dev.brook.api.common.typeutils.base.StringSerializer;
import dev.brook.api.common.typeutils.base.VoidSerializer;
import dev.brook.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.brook.configuration.Configuration;
import dev.brook.configuration.MemorySize;
import dev.brook.connector.datagen.source.DataGeneratorSource;
import dev.brook.connector.file.sink.FileSink;
import dev.brook.core.fs.Path;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import dev.brook.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import dev.brook.streaming.api.functions.sink.filesystem.rollingpolicies.DefaultRollingPolicy;
import dev.brook.streaming.api.functions.sink.legacy.TwoPhaseCommitSinkFunction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end exactly-once output: a job fails after checkpoints completed and restarts from the
 * latest; what its two-phase-commit sinks made visible is every record exactly once. Output of the
 * failed attempt after the checkpoint is never visible: it was not committed, and the part file
 * being written is cut back to the checkpoint's length.
 */
class ExactlyOnceSinkITCase {

    private static final long COUNT = 3000;

    private static StreamExecutionEnvironment env(Map<String, String> settings) {
        Configuration conf = new Configuration();
        conf.setString("execution.checkpointing.interval", "40 ms");
        conf.setString("restart-strategy.type", "fixed-delay");
        conf.setString("restart-strategy.fixed-delay.attempts", "3");
        conf.setString("restart-strategy.fixed-delay.delay", "10 ms");
        settings.forEach(conf::setString);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(conf);
        env.setParallelism(2);
        return env;
    }

    private static List<String> expected() {
        return LongStream.range(0, COUNT).mapToObj(Long::toString).sorted().toList();
    }

    private static dev.brook.streaming.api.datastream.DataStream<String> numbers(
            StreamExecutionEnvironment env, String run) {
        return env.fromSource(
                        new DataGeneratorSource<>(
                                i -> i, COUNT, RateLimiterStrategy.perSecond(6000), Types.LONG),
                        WatermarkStrategy.noWatermarks(),
                        "numbers")
                .map(new CheckpointingITCase.FailAfterCheckpoints<>(run, 2))
                .map(String::valueOf);
    }

    @Test
    void theFileSinkWritesEveryRecordExactlyOnceAcrossAFailure(@TempDir java.nio.file.Path dir)
            throws Exception {
        String run = CheckpointingITCase.newRun();
        StreamExecutionEnvironment env = env(Map.of());
        numbers(env, run)
                .sinkTo(
                        FileSink.forRowFormat(
                                        new Path(dir.toString()), new SimpleStringEncoder<String>())
                                .withBucketAssigner(new BasePathBucketAssigner<>())
                                // Parts roll often, so some are pending at the failure.
                                .withRollingPolicy(
                                        DefaultRollingPolicy.builder()
                                                .withMaxPartSize(MemorySize.parse("1kb"))
                                                .build())
                                .build());
        env.execute();

        List<String> lines = new ArrayList<>();
        List<java.nio.file.Path> visible;
        try (Stream<java.nio.file.Path> files = Files.list(dir)) {
            visible = files.filter(p -> !p.getFileName().toString().startsWith(".")).toList();
        }
        for (java.nio.file.Path file : visible) {
            lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
        }
        assertThat(visible.size()).isGreaterThan(2);
        assertThat(lines.stream().sorted().toList()).isEqualTo(expected());
        assertThat(CheckpointingITCase.AFTER_RESTART.get(run).get())
                .isGreaterThan(0)
                .isLessThan(COUNT);
    }

    /** Transactions are lists in memory; committing one moves it to the sink's committed output. */
    static final class ListTransactionSink
            extends TwoPhaseCommitSinkFunction<String, String, Void> {
        static final Map<String, List<String>> OPEN = new ConcurrentHashMap<>();
        static final Map<String, List<String>> COMMITTED = new ConcurrentHashMap<>();
        static final Map<String, List<String>> OUTPUT = new ConcurrentHashMap<>();

        private final String output;

        ListTransactionSink(String output) {
            super(StringSerializer.INSTANCE, VoidSerializer.INSTANCE);
            this.output = output;
            OUTPUT.put(output, java.util.Collections.synchronizedList(new ArrayList<>()));
        }

        @Override
        protected void invoke(String transaction, String value, Context context) {
            OPEN.get(transaction).add(value);
        }

        @Override
        protected String beginTransaction() {
            String txn = UUID.randomUUID().toString();
            OPEN.put(txn, new ArrayList<>());
            return txn;
        }

        @Override
        protected void preCommit(String transaction) {}

        @Override
        protected void commit(String transaction) {
            List<String> records = OPEN.remove(transaction);
            if (records != null && COMMITTED.putIfAbsent(transaction, records) == null) {
                OUTPUT.get(output).addAll(records);
            }
        }

        @Override
        protected void abort(String transaction) {
            OPEN.remove(transaction);
        }
    }

    @Test
    void aTwoPhaseCommitSinkFunctionCommitsEveryRecordExactlyOnceAcrossAFailure() throws Exception {
        String run = CheckpointingITCase.newRun();
        String output = UUID.randomUUID().toString();
        StreamExecutionEnvironment env = env(Map.of());
        numbers(env, run).addSink(new ListTransactionSink(output));
        env.execute();

        assertThat(ListTransactionSink.OUTPUT.get(output).stream().sorted().toList())
                .isEqualTo(expected());
        assertThat(CheckpointingITCase.AFTER_RESTART.get(run).get()).isGreaterThan(0);
    }

    @Test
    void withoutCheckpointsTheTwoPhaseCommitSinkFunctionCommitsAtTheEndOfInput() throws Exception {
        String output = UUID.randomUUID().toString();
        Configuration conf = new Configuration();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(conf);
        env.setParallelism(2);
        env.fromSequence(0, COUNT - 1)
                .map(String::valueOf)
                .addSink(new ListTransactionSink(output));
        env.execute();

        assertThat(ListTransactionSink.OUTPUT.get(output).stream().sorted().toList())
                .isEqualTo(expected());
    }
}

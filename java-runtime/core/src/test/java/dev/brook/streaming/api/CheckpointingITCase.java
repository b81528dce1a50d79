package dev.brook.streaming.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.brook.api.common.JobStatus;
import dev.brook.api.common.eventtime.WatermarkStrategy;
import dev.brook.api.common.functions.OpenContext;
import dev.brook.api.common.functions.RichMapFunction;
import dev.brook.api.common.state.CheckpointListener;
import dev.brook.api.common.state.ValueState;
import dev.brook.api.common.state.ValueStateDescriptor;
import dev.brook.api.common.typeinfo.Types;
import dev.brook.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.brook.api.java.tuple.Tuple2;
import dev.brook.api.java.tuple.Tuple3;
import dev.brook.configuration.Configuration;
import dev.brook.connector.datagen.source.DataGeneratorSource;
import dev.brook.core.execution.CheckpointingMode;
import dev.brook.core.execution.JobClient;
import dev.brook.runtime.checkpoint.CheckpointMetadata;
import dev.brook.runtime.checkpoint.CompletedCheckpoint;
import dev.brook.runtime.checkpoint.OperatorState;
import dev.brook.runtime.state.FunctionInitializationContext;
import dev.brook.runtime.state.FunctionSnapshotContext;
import dev.brook.streaming.api.checkpoint.CheckpointedFunction;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import dev.brook.streaming.api.functions.KeyedProcessFunction;
import dev.brook.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.brook.test.util.CollectingSink;
import dev.brook.util.Collector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints on the MiniCluster: a job that fails after some checkpoints completed restores its
 * keyed state, timers and source positions from the latest one, so its results are those of a run
 * without failure; retained checkpoints are files with metadata that a new job (also at another
 * parallelism) resumes from. Runs on the heap backend here and on RocksDB in its module.
 */
class CheckpointingITCase {

    private static final int KEYS = 8;

    /** Per test run: completed-checkpoint notifications and records seen after a restart. */
    static final Map<String, AtomicInteger> COMPLETED = new ConcurrentHashMap<>();

    static final Map<String, AtomicLong> AFTER_RESTART = new ConcurrentHashMap<>();

    static String newRun() {
        String run = java.util.UUID.randomUUID().toString();
        COMPLETED.put(run, new AtomicInteger());
        AFTER_RESTART.put(run, new AtomicLong());
        return run;
    }

    /** The state backend's settings; the RocksDB module runs this suite again with its own. */
    protected Map<String, String> backendSettings() {
        return Map.of("state.backend.type", "hashmap");
    }

    private StreamExecutionEnvironment env(int parallelism, Map<String, String> settings) {
        return env(backendSettings(), parallelism, settings);
    }

    static StreamExecutionEnvironment env(
            Map<String, String> backend, int parallelism, Map<String, String> settings) {
        Configuration conf = new Configuration();
        backend.forEach(conf::setString);
        conf.setString("execution.checkpointing.interval", "40 ms");
        conf.setString("restart-strategy.type", "fixed-delay");
        conf.setString("restart-strategy.fixed-delay.attempts", "3");
        conf.setString("restart-strategy.fixed-delay.delay", "10 ms");
        settings.forEach(conf::setString);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(conf);
        env.setParallelism(parallelism);
        return env;
    }

    private static DataGeneratorSource<Long> numbers(long count, double perSecond) {
        return new DataGeneratorSource<>(
                i -> i, count, RateLimiterStrategy.perSecond(perSecond), Types.LONG);
    }

    /**
     * Passes records on; in the first attempt of subtask 0 it fails once two checkpoints have
     * completed. Counts what later attempts see, and completed checkpoints.
     */
    static final class FailAfterCheckpoints<T> extends RichMapFunction<T, T>
            implements CheckpointListener {
        private final String run;
        private final int afterCheckpoints;
        private int seen;

        FailAfterCheckpoints(String run, int afterCheckpoints) {
            this.run = run;
            this.afterCheckpoints = afterCheckpoints;
        }

        @Override
        public T map(T value) {
            int attempt = getRuntimeContext().getTaskInfo().getAttemptNumber();
            if (attempt > 0) {
                AFTER_RESTART.get(run).incrementAndGet();
            } else if (getRuntimeContext().getIndexOfThisSubtask() == 0
                    && COMPLETED.get(run).get() >= afterCheckpoints
                    && ++seen > 20) {
                throw new IllegalStateException("injected failure");
            }
            return value;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            COMPLETED.get(run).incrementAndGet();
        }
    }

    /** A running sum and count per key in keyed state: (key, count, sum). */
    static final class RunningSum extends RichMapFunction<Long, Tuple3<Long, Long, Long>> {
        private transient ValueState<Tuple2<Long, Long>> state;

        @Override
        public void open(OpenContext context) {
            state =
                    getRuntimeContext()
                            .getState(
                                    new ValueStateDescriptor<>(
                                            "sum", Types.TUPLE(Types.LONG, Types.LONG)));
        }

        @Override
        public Tuple3<Long, Long, Long> map(Long value) throws Exception {
            Tuple2<Long, Long> s = state.value();
            s = s == null ? Tuple2.of(1L, value) : Tuple2.of(s.f0 + 1, s.f1 + value);
            state.update(s);
            return Tuple3.of(value % KEYS, s.f0, s.f1);
        }
    }

    /** The final (count, sum) per key: the emission with the highest count. */
    static Map<Long, Tuple2<Long, Long>> finalSums(List<Tuple3<Long, Long, Long>> out) {
        Map<Long, Tuple2<Long, Long>> result = new HashMap<>();
        for (Tuple3<Long, Long, Long> t : out) {
            Tuple2<Long, Long> prev = result.get(t.f0);
            if (prev == null || prev.f0 < t.f1) {
                result.put(t.f0, Tuple2.of(t.f1, t.f2));
            }
        }
        return result;
    }

    static Map<Long, Tuple2<Long, Long>> expectedSums(long count) {
        Map<Long, Tuple2<Long, Long>> expected = new HashMap<>();
        for (long i = 0; i < count; i++) {
            Tuple2<Long, Long> prev = expected.getOrDefault(i % KEYS, Tuple2.of(0L, 0L));
            expected.put(i % KEYS, Tuple2.of(prev.f0 + 1, prev.f1 + i));
        }
        return expected;
    }

    private void runKeyedSumWithFailure(Map<String, String> settings, boolean exactlyOnce)
            throws Exception {
        long count = 3000;
        String run = newRun();
        StreamExecutionEnvironment env = env(2, settings);
        CollectingSink<Tuple3<Long, Long, Long>> sink = new CollectingSink<>();
        env.fromSource(numbers(count, 6000), WatermarkStrategy.noWatermarks(), "numbers")
                .map(new FailAfterCheckpoints<>(run, 2))
                .keyBy(v -> v % KEYS)
                .map(new RunningSum())
                .addSink(sink);
        env.execute();

        Map<Long, Tuple2<Long, Long>> sums = finalSums(sink.getResults());
        Map<Long, Tuple2<Long, Long>> expected = expectedSums(count);
        if (exactlyOnce) {
            // Every key's last result counts every record exactly once: state and source
            // positions came back together from the same checkpoint.
            assertThat(sums).isEqualTo(expected);
        } else {
            // Without alignment, records that overtook a barrier are in the restored state and
            // are replayed too: duplicates are allowed, losses are not.
            assertThat(sums).containsOnlyKeys(expected.keySet());
            expected.forEach(
                    (key, exact) -> {
                        assertThat(sums.get(key).f0)
                                .as("count of key %s", key)
                                .isGreaterThanOrEqualTo(exact.f0);
                        assertThat(sums.get(key).f1)
                                .as("sum of key %s", key)
                                .isGreaterThanOrEqualTo(exact.f1);
                    });
        }
        // And the restarted job did not start over: it resumed after the checkpoint.
        assertThat(COMPLETED.get(run).get()).isGreaterThanOrEqualTo(2);
        assertThat(AFTER_RESTART.get(run).get()).isGreaterThan(0).isLessThan(count);
    }

    @Test
    void keyedStateAndSourcePositionsAreRestoredExactlyOnceAfterAFailure() throws Exception {
        runKeyedSumWithFailure(Map.of(), true);
    }

    @Test
    void atLeastOnceLosesNothing() throws Exception {
        runKeyedSumWithFailure(Map.of("execution.checkpointing.mode", "AT_LEAST_ONCE"), false);
    }

    @Test
    void windowsAndTimersAreRestored() throws Exception {
        long count = 3000;
        String run = newRun();
        StreamExecutionEnvironment env = env(2, Map.of());
        CollectingSink<Tuple3<Long, Long, Long>> windows = new CollectingSink<>();
        CollectingSink<Tuple3<Long, Long, Long>> timers = new CollectingSink<>();
        var input =
                env.fromSource(
                                numbers(count, 6000),
                                WatermarkStrategy.<Long>forMonotonousTimestamps()
                                        .withTimestampAssigner((v, ts) -> v),
                                "numbers")
                        .map(new FailAfterCheckpoints<>(run, 2));
        // Tumbling windows of 100 ms (aligned firing): (key, window start, sum).
        input.map(v -> Tuple3.of(v % KEYS, v - v % 100, v))
                .returns(Types.TUPLE(Types.LONG, Types.LONG, Types.LONG))
                .keyBy(t -> t.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
                .reduce((a, b) -> Tuple3.of(a.f0, a.f1, a.f2 + b.f2))
                .addSink(windows);
        // The same with event-time timers of a process function: state per key, timer per slot.
        input.keyBy(v -> v % KEYS).process(new SumPerSlot()).addSink(timers);
        env.execute();

        Map<List<Long>, Long> expected = new HashMap<>();
        for (long i = 0; i < count; i++) {
            expected.merge(List.of(i % KEYS, i - i % 100), i, Long::sum);
        }
        assertThat(byWindow(windows.getResults())).isEqualTo(expected);
        assertThat(byWindow(timers.getResults())).isEqualTo(expected);
        assertThat(AFTER_RESTART.get(run).get()).isGreaterThan(0).isLessThan(count);
    }

    /** Window results by (key, start); a result emitted twice (replay) must be the same. */
    private static Map<List<Long>, Long> byWindow(List<Tuple3<Long, Long, Long>> results) {
        Map<List<Long>, Long> byWindow = new HashMap<>();
        for (Tuple3<Long, Long, Long> t : results) {
            Long previous = byWindow.put(List.of(t.f0, t.f1), t.f2);
            assertThat(previous == null || previous.equals(t.f2))
                    .as("window %s emitted %s and %s", List.of(t.f0, t.f1), previous, t.f2)
                    .isTrue();
        }
        return byWindow;
    }

    /** Sums values per key and 100 ms slot in map state; an event-time timer emits each slot. */
    static final class SumPerSlot
            extends KeyedProcessFunction<Long, Long, Tuple3<Long, Long, Long>> {
        private transient dev.brook.api.common.state.MapState<Long, Long> sums;

        @Override
        public void open(OpenContext context) {
            sums =
                    getRuntimeContext()
                            .getMapState(
                                    new dev.brook.api.common.state.MapStateDescriptor<>(
                                            "sums", Types.LONG, Types.LONG));
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<Tuple3<Long, Long, Long>> out)
                throws Exception {
            long slot = value - value % 100;
            Long sum = sums.get(slot);
            sums.put(slot, sum == null ? value : sum + value);
            ctx.timerService().registerEventTimeTimer(slot + 99);
        }

        @Override
        public void onTimer(
                long timestamp, OnTimerContext ctx, Collector<Tuple3<Long, Long, Long>> out)
                throws Exception {
            long slot = timestamp - 99;
            out.collect(Tuple3.of(ctx.getCurrentKey(), slot, sums.get(slot)));
            sums.remove(slot);
        }
    }

    @Test
    void retainedCheckpointsAreFilesThatANewJobResumesFromAtAnotherParallelism(@TempDir Path dir)
            throws Exception {
        long count = 4000;
        Map<String, String> settings =
                Map.of(
                        "execution.checkpointing.dir", dir.toString(),
                        "execution.checkpointing.num-retained", "2",
                        "execution.checkpointing.externalized-checkpoint-retention",
                                "RETAIN_ON_CANCELLATION");
        String run = newRun();
        StreamExecutionEnvironment first = env(2, settings);
        CollectingSink<Tuple3<Long, Long, Long>> before = new CollectingSink<>();
        keyedSumProgram(first, count, run, before);
        JobClient client = first.executeAsync();
        awaitCompletedCheckpoints(run, 4);
        client.cancel().get();
        waitForTerminal(client);
        assertThat(client.getJobStatus().get(10, TimeUnit.SECONDS)).isEqualTo(JobStatus.CANCELED);

        Path jobDir = dir.resolve(client.getJobID().toString());
        List<Path> entries;
        try (Stream<Path> list = Files.list(jobDir)) {
            entries = list.sorted().toList();
        }
        // The retained checkpoints, and the directory of state they share (incremental ones).
        assertThat(entries)
                .allMatch(
                        p ->
                                p.getFileName().toString().startsWith("chk-")
                                        || p.getFileName().toString().equals("shared"));
        List<Path> retained =
                entries.stream()
                        .filter(p -> p.getFileName().toString().startsWith("chk-"))
                        .toList();
        assertThat(retained).hasSize(2);
        Path latest =
                retained.stream()
                        .max(
                                java.util.Comparator.comparingLong(
                                        p ->
                                                Long.parseLong(
                                                        p.getFileName().toString().substring(4))))
                        .orElseThrow();
        assertThat(latest.resolve("_metadata")).exists();
        CompletedCheckpoint metadata = CheckpointMetadata.load(latest.toString());
        OperatorState sums = metadata.operators().get("uid:sums");
        assertThat(sums.parallelism()).isEqualTo(2);
        assertThat(sums.getStateSize()).isPositive();
        assertThat(metadata.operators().get("uid:numbers").coordinatorState()).isNotNull();

        // A new job at parallelism 3 resumes: the sums go on from the checkpoint's state, the
        // source from its positions, and together they count every record once.
        Map<String, String> resume = new HashMap<>(settings);
        resume.put("execution.state-recovery.path", latest.toString());
        StreamExecutionEnvironment second = env(3, resume);
        CollectingSink<Tuple3<Long, Long, Long>> after = new CollectingSink<>();
        keyedSumProgram(second, count, newRun(), after);
        second.execute();
        assertThat(finalSums(after.getResults())).isEqualTo(expectedSums(count));
        // The resumed job started from the checkpoint, not from the beginning.
        assertThat(after.getResults().size()).isLessThan((int) count);
    }

    @Test
    void checkpointsGoOnAfterABoundedSourceFinishedAndItStaysFinishedAfterARestore()
            throws Exception {
        // One second of input: time for three checkpoints even on a loaded machine.
        long count = 6000;
        String run = newRun();
        StreamExecutionEnvironment env = env(2, Map.of());
        CollectingSink<Tuple3<Long, Long, Long>> sink = new CollectingSink<>();
        // A short bounded source ends at once; the long one keeps the job running.
        var shortOne = env.fromSequence(1_000_000, 1_000_099);
        env.fromSource(numbers(count, 6000), WatermarkStrategy.noWatermarks(), "numbers")
                .union(shortOne)
                .map(new FailAfterCheckpoints<>(run, 3))
                .keyBy(v -> v % KEYS)
                .map(new RunningSum())
                .addSink(sink);
        env.execute();

        Map<Long, Tuple2<Long, Long>> expected = expectedSums(count);
        for (long v = 1_000_000; v <= 1_000_099; v++) {
            Tuple2<Long, Long> prev = expected.get(v % KEYS);
            expected.put(v % KEYS, Tuple2.of(prev.f0 + 1, prev.f1 + v));
        }
        // The finished source's records count once: it is not run again after the restore.
        assertThat(finalSums(sink.getResults())).isEqualTo(expected);
        assertThat(AFTER_RESTART.get(run).get()).isGreaterThan(0).isLessThan(count);
    }

    @Test
    void aSavepointIsTakenOnRequestAndResumedFrom(@TempDir Path dir) throws Exception {
        long count = 4000;
        String run = newRun();
        StreamExecutionEnvironment first = env(2, Map.of());
        keyedSumProgram(first, count, run, new CollectingSink<>());
        JobClient client = first.executeAsync();
        awaitCompletedCheckpoints(run, 1);
        String savepoint = client.triggerSavepoint(dir.toString()).get(30, TimeUnit.SECONDS);
        client.cancel().get();
        waitForTerminal(client);

        assertThat(Path.of(savepoint)).startsWith(dir);
        assertThat(Path.of(savepoint).getFileName().toString()).startsWith("savepoint-");
        assertThat(Path.of(savepoint, "_metadata")).exists();
        assertThat(CheckpointMetadata.load(savepoint).savepoint()).isTrue();

        StreamExecutionEnvironment second =
                env(1, Map.of("execution.state-recovery.path", savepoint));
        CollectingSink<Tuple3<Long, Long, Long>> after = new CollectingSink<>();
        keyedSumProgram(second, count, newRun(), after);
        second.execute();
        assertThat(finalSums(after.getResults())).isEqualTo(expectedSums(count));
        // A savepoint survives the job: it is the user's to delete.
        assertThat(Path.of(savepoint, "_metadata")).exists();
    }

    @Test
    void stateOfAnOperatorMissingFromTheProgramFailsTheRestoreUnlessAllowed(@TempDir Path dir)
            throws Exception {
        String run = newRun();
        StreamExecutionEnvironment first = env(1, Map.of());
        keyedSumProgram(first, 1_000_000, run, new CollectingSink<>());
        JobClient client = first.executeAsync();
        awaitCompletedCheckpoints(run, 1);
        String savepoint = client.triggerSavepoint(dir.toString()).get(30, TimeUnit.SECONDS);
        client.cancel().get();
        waitForTerminal(client);

        // The same pipeline without the keyed sums ("sums" held state).
        StreamExecutionEnvironment second =
                env(
                        1,
                        Map.of(
                                "execution.state-recovery.path",
                                savepoint,
                                "restart-strategy.type",
                                "none"));
        second.fromSource(numbers(10, 1000), WatermarkStrategy.noWatermarks(), "numbers")
                .uid("numbers")
                .addSink(new CollectingSink<>());
        assertThat(catchThrowable(second::execute))
                .hasMessageContaining("uid:sums")
                .hasMessageContaining("--allowNonRestoredState");

        StreamExecutionEnvironment third =
                env(
                        1,
                        Map.of(
                                "execution.state-recovery.path",
                                savepoint,
                                "execution.state-recovery.ignore-unclaimed-state",
                                "true"));
        CollectingSink<Long> rest = new CollectingSink<>();
        third.fromSource(numbers(1_000_000, 1_000_000), WatermarkStrategy.noWatermarks(), "numbers")
                .uid("numbers")
                .filter(v -> v < 5)
                .addSink(rest);
        third.execute();
        // The source resumed from its position in the savepoint, past the first records.
        assertThat(rest.getResults()).isEmpty();
    }

    @Test
    void aJobStoppedWithASavepointAtParallelismTwoResumesAtOneAndAtFourWithIdenticalResults(
            @TempDir Path dir) throws Exception {
        long count = 4000;
        String run = newRun();
        StreamExecutionEnvironment first = env(2, Map.of());
        keyedSumProgram(first, count, run, new CollectingSink<>());
        JobClient client = first.executeAsync();
        awaitCompletedCheckpoints(run, 2);
        String savepoint =
                client.stopWithSavepoint(false, dir.toString()).get(30, TimeUnit.SECONDS);
        // Stopped, not cancelled: the job ends as finished, its savepoint kept.
        client.getJobExecutionResult().get(30, TimeUnit.SECONDS);
        assertThat(client.getJobStatus().get()).isEqualTo(JobStatus.FINISHED);

        for (int parallelism : new int[] {1, 4}) {
            StreamExecutionEnvironment resumed =
                    env(parallelism, Map.of("execution.state-recovery.path", savepoint));
            CollectingSink<Tuple3<Long, Long, Long>> sink = new CollectingSink<>();
            keyedSumProgram(resumed, count, newRun(), sink);
            resumed.execute();
            assertThat(finalSums(sink.getResults()))
                    .as("resumed at parallelism %d", parallelism)
                    .isEqualTo(expectedSums(count));
        }
    }

    /** Counts the records it passes, per run. */
    static final class Counting extends RichMapFunction<Long, Long> {
        static final Map<String, AtomicLong> SEEN = new ConcurrentHashMap<>();
        private final String run;

        Counting(String run) {
            this.run = run;
            SEEN.put(run, new AtomicLong());
        }

        @Override
        public Long map(Long value) {
            SEEN.get(run).incrementAndGet();
            return value;
        }
    }

    @Test
    void stoppingWithDrainFiresEveryWindowBeforeTheSavepoint(@TempDir Path dir) throws Exception {
        String run = newRun();
        StreamExecutionEnvironment env = env(2, Map.of());
        CollectingSink<Long> counts = new CollectingSink<>();
        env.fromSource(
                        numbers(1_000_000, 2000),
                        WatermarkStrategy.<Long>forMonotonousTimestamps()
                                .withTimestampAssigner((v, ts) -> v),
                        "numbers")
                .map(new FailAfterCheckpoints<>(run, Integer.MAX_VALUE))
                .map(new Counting(run))
                .map(v -> 1L)
                .returns(Types.LONG)
                .windowAll(TumblingEventTimeWindows.of(Duration.ofMillis(1000)))
                .reduce(Long::sum)
                .addSink(counts);
        JobClient client = env.executeAsync();
        awaitCompletedCheckpoints(run, 2);
        String savepoint = client.stopWithSavepoint(true, dir.toString()).get(30, TimeUnit.SECONDS);
        client.getJobExecutionResult().get(30, TimeUnit.SECONDS);

        assertThat(Path.of(savepoint, "_metadata")).exists();
        // Event time ended before the savepoint: every record read was counted in a window.
        assertThat(counts.getResults().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(Counting.SEEN.get(run).get())
                .isPositive();
    }

    @Test
    void aMissingOrCorruptSavepointPathFailsTheJobWithAClearMessage(@TempDir Path dir)
            throws Exception {
        Path missing = dir.resolve("no-such-savepoint");
        StreamExecutionEnvironment env =
                env(1, Map.of("execution.state-recovery.path", missing.toString()));
        keyedSumProgram(env, 10, newRun(), new CollectingSink<>());
        assertThat(catchThrowable(env::execute))
                .hasStackTraceContaining(missing.toString())
                .hasStackTraceContaining("no checkpoint or savepoint metadata");

        // A checkpoint directory whose metadata was never written (a crash mid-checkpoint).
        Path incomplete = Files.createDirectories(dir.resolve("chk-7"));
        Files.writeString(incomplete.resolve("3f2a"), "state bytes");
        env = env(1, Map.of("execution.state-recovery.path", incomplete.toString()));
        keyedSumProgram(env, 10, newRun(), new CollectingSink<>());
        assertThat(catchThrowable(env::execute))
                .hasStackTraceContaining("no checkpoint or savepoint metadata");

        Path corrupt = Files.createDirectories(dir.resolve("corrupt"));
        Files.writeString(corrupt.resolve("_metadata"), "not a checkpoint");
        env = env(1, Map.of("execution.state-recovery.path", corrupt.toString()));
        keyedSumProgram(env, 10, newRun(), new CollectingSink<>());
        assertThat(catchThrowable(env::execute))
                .hasStackTraceContaining("is not the metadata of a Brook checkpoint or savepoint");
    }

    static void keyedSumProgram(
            StreamExecutionEnvironment env,
            long count,
            String run,
            CollectingSink<Tuple3<Long, Long, Long>> sink) {
        env.fromSource(numbers(count, 4000), WatermarkStrategy.noWatermarks(), "numbers")
                .uid("numbers")
                .map(new FailAfterCheckpoints<>(run, Integer.MAX_VALUE))
                .uid("counter")
                .keyBy(v -> v % KEYS)
                .map(new RunningSum())
                .uid("sums")
                .addSink(sink);
    }

    static void awaitCompletedCheckpoints(String run, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (COMPLETED.get(run).get() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "only " + COMPLETED.get(run).get() + " checkpoints completed in 30 s");
            }
            Thread.sleep(10);
        }
    }

    static void waitForTerminal(JobClient client) throws Exception {
        catchThrowable(() -> client.getJobExecutionResult().get(30, TimeUnit.SECONDS));
    }

    /** Operator state of a function whose snapshot fails: the checkpoint is declined. */
    static final class FailingSnapshot extends RichMapFunction<Long, Long>
            implements CheckpointedFunction {
        @Override
        public Long map(Long value) {
            return value;
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) {
            throw new IllegalStateException("snapshot refused");
        }

        @Override
        public void initializeState(FunctionInitializationContext context) {}
    }

    @Test
    void aFailingSnapshotFailsTheJobWhenNoFailureIsTolerated() {
        StreamExecutionEnvironment env = env(1, Map.of("restart-strategy.type", "none"));
        env.fromSource(numbers(1_000_000, 2000), WatermarkStrategy.noWatermarks(), "numbers")
                .map(new FailingSnapshot())
                .addSink(new CollectingSink<>());

        Throwable failure = catchThrowable(env::execute);

        assertThat(failure)
                .hasMessageContaining("snapshot refused")
                .hasStackTraceContaining("Exceeded checkpoint tolerable failure threshold")
                .hasRootCauseMessage("snapshot refused");
    }

    @Test
    void enableCheckpointingWritesTheConfiguration() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment();
        env.enableCheckpointing(250, CheckpointingMode.AT_LEAST_ONCE);
        env.getCheckpointConfig().setMinPauseBetweenCheckpoints(100);

        assertThat(env.getConfiguration().toMap())
                .containsEntry("execution.checkpointing.interval", "250 ms")
                .containsEntry("execution.checkpointing.mode", "AT_LEAST_ONCE")
                .containsEntry("execution.checkpointing.min-pause", "100 ms");
        assertThat(env.getCheckpointConfig().isCheckpointingEnabled()).isTrue();
    }
}

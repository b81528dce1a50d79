package dev.brook.streaming.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.brook.api.common.eventtime.WatermarkStrategy;
import dev.brook.api.common.functions.OpenContext;
import dev.brook.api.common.functions.RichMapFunction;
import dev.brook.api.common.serialization.SimpleStringEncoder;
import dev.brook.api.common.state.ValueState;
import dev.brook.api.common.state.ValueStateDescriptor;
import dev.brook.api.common.typeinfo.Types;
import dev.brook.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.brook.api.java.tuple.Tuple3;
import dev.brook.configuration.Configuration;
import dev.brook.configuration.MemorySize;
import dev.brook.connector.datagen.source.DataGeneratorSource;
import dev.brook.connector.file.sink.FileSink;
import dev.brook.core.execution.JobClient;
import dev.brook.core.fs.Path;
import dev.brook.streaming.api.datastream.DataStream;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import dev.brook.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import dev.brook.streaming.api.functions.sink.filesystem.rollingpolicies.DefaultRollingPolicy;
import dev.brook.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Randomized failure injection. A job with keyed state, timers, windows and exactly-once file sinks
 * runs while tasks throw at random records (restarts from the latest checkpoint) and while the
 * whole job is stopped with a savepoint and resumed as a new job, once or twice. Its committed
 * output must equal the output of a run without failures: nothing lost, nothing duplicated. With
 * at-least-once checkpoints nothing may be lost. Each run's seed is in its name; the RocksDB module
 * runs the same suite on RocksDB.
 */
class FailureInjectionITCase {

    private static final long COUNT = 2400;
    private static final int KEYS = 5;

    /** Per run: which attempt has failed already (a run fails each planned record once). */
    private static final Map<String, Map<Long, AtomicInteger>> FAILED = new ConcurrentHashMap<>();

    protected Map<String, String> backendSettings() {
        return Map.of("state.backend.type", "hashmap");
    }

    /** Throws once at each of the planned records, in whichever subtask reads it. */
    static final class ThrowAtRecords extends RichMapFunction<Long, Long> {
        private final String run;
        private final List<Long> failAt;

        ThrowAtRecords(String run, List<Long> failAt) {
            this.run = run;
            this.failAt = failAt;
        }

        @Override
        public Long map(Long value) {
            if (failAt.contains(value) && FAILED.get(run).get(value).getAndIncrement() == 0) {
                throw new IllegalStateException("injected failure at record " + value);
            }
            return value;
        }
    }

    /** Counts records per key in keyed state: emits (key, count). */
    static final class Count extends RichMapFunction<Long, String> {
        private transient ValueState<Long> count;

        @Override
        public void open(OpenContext context) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
        }

        @Override
        public String map(Long value) throws Exception {
            long c = count.value() == null ? 1 : count.value() + 1;
            count.update(c);
            return "count " + value % KEYS + " " + c;
        }
    }

    private void program(
            StreamExecutionEnvironment env, String run, List<Long> failAt, java.nio.file.Path out) {
        DataStream<Long> numbers =
                env.fromSource(
                                new DataGeneratorSource<>(
                                        i -> i,
                                        COUNT,
                                        RateLimiterStrategy.perSecond(4000),
                                        Types.LONG),
                                WatermarkStrategy.<Long>forMonotonousTimestamps()
                                        .withTimestampAssigner((v, ts) -> v),
                                "numbers")
                        .uid("numbers")
                        .map(new ThrowAtRecords(run, failAt))
                        .uid("thrower");
        DataStream<String> counts = numbers.keyBy(v -> v % KEYS).map(new Count()).uid("counts");
        DataStream<String> windows =
                numbers.map(v -> Tuple3.of(v % KEYS, v - v % 100, v))
                        .returns(Types.TUPLE(Types.LONG, Types.LONG, Types.LONG))
                        .uid("to-tuples")
                        .keyBy(t -> t.f0)
                        .window(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
                        .reduce((a, b) -> Tuple3.of(a.f0, a.f1, a.f2 + b.f2))
                        .uid("windows")
                        .map(t -> "window " + t.f0 + " " + t.f1 + " " + t.f2)
                        .uid("format-windows");
        DataStream<String> timers =
                numbers.keyBy(v -> v % KEYS)
                        .process(new CheckpointingITCase.SumPerSlot())
                        .uid("timers")
                        .map(t -> "timer " + t.f0 + " " + t.f1 + " " + t.f2)
                        .uid("format-timers");
        counts.union(windows, timers)
                .sinkTo(
                        FileSink.forRowFormat(
                                        new Path(out.toString()), new SimpleStringEncoder<String>())
                                .withBucketAssigner(new BasePathBucketAssigner<>())
                                .withRollingPolicy(
                                        DefaultRollingPolicy.builder()
                                                .withMaxPartSize(MemorySize.parse("4kb"))
                                                .build())
                                .build())
                .uid("files");
    }

    private static List<String> expected() {
        List<String> lines = new ArrayList<>();
        Map<Long, Long> counts = new HashMap<>();
        Map<List<Long>, Long> windows =
                new TreeMap<>(java.util.Comparator.comparing(Object::toString));
        for (long i = 0; i < COUNT; i++) {
            long c = counts.merge(i % KEYS, 1L, Long::sum);
            lines.add("count " + i % KEYS + " " + c);
            windows.merge(List.of(i % KEYS, i - i % 100), i, Long::sum);
        }
        windows.forEach(
                (w, sum) -> {
                    lines.add("window " + w.get(0) + " " + w.get(1) + " " + sum);
                    lines.add("timer " + w.get(0) + " " + w.get(1) + " " + sum);
                });
        return lines.stream().sorted().toList();
    }

    private static List<String> committedLines(java.nio.file.Path dir) throws Exception {
        List<String> lines = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.list(dir)) {
            for (java.nio.file.Path f :
                    files.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
                lines.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
            }
        }
        return lines.stream().sorted().toList();
    }

    private StreamExecutionEnvironment env(String mode, String restorePath) {
        Configuration conf = new Configuration();
        conf.setString("execution.checkpointing.interval", "30 ms");
        conf.setString("execution.checkpointing.mode", mode);
        conf.setString("restart-strategy.type", "fixed-delay");
        conf.setString("restart-strategy.fixed-delay.attempts", "10");
        conf.setString("restart-strategy.fixed-delay.delay", "5 ms");
        if (restorePath != null) {
            conf.setString("execution.state-recovery.path", restorePath);
        }
        backendSettings().forEach(conf::setString);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(conf);
        env.setParallelism(2);
        return env;
    }

    /**
     * One randomized run: up to three task failures at random records, and zero to two cycles of
     * stopping with a savepoint (or taking one and killing the job) and resuming, after random
     * delays, the resumed job at a random parallelism of 1 to 3.
     */
    private List<String> randomizedRun(long seed, String mode, java.nio.file.Path tmp)
            throws Exception {
        Random random = new Random(seed);
        String run = "run-" + seed + "-" + System.nanoTime();
        List<Long> failAt = new ArrayList<>();
        Map<Long, AtomicInteger> failed = new ConcurrentHashMap<>();
        int failures = random.nextInt(4);
        for (int i = 0; i < failures; i++) {
            long at = random.nextLong(COUNT);
            failAt.add(at);
            failed.put(at, new AtomicInteger());
        }
        FAILED.put(run, failed);
        java.nio.file.Path out = Files.createDirectories(tmp.resolve("out"));
        java.nio.file.Path savepoints = Files.createDirectories(tmp.resolve("savepoints"));
        int stops = random.nextInt(3);
        String restorePath = null;
        for (int phase = 0; phase <= stops; phase++) {
            StreamExecutionEnvironment env = env(mode, restorePath);
            if (phase > 0) {
                env.setParallelism(1 + random.nextInt(3));
            }
            program(env, run, failAt, out);
            if (phase == stops) {
                env.execute();
                break;
            }
            JobClient client = env.executeAsync();
            Thread.sleep(50 + random.nextInt(250));
            // Either stopped with a savepoint, or a savepoint and then killed (cancelled).
            boolean stop = random.nextBoolean();
            restorePath = savepoint(client, savepoints, stop);
            if (restorePath == null) {
                break; // the job finished first
            }
            if (!stop) {
                client.cancel().get();
            }
            catchThrowable(() -> client.getJobExecutionResult().get(30, TimeUnit.SECONDS));
        }
        return committedLines(out);
    }

    /**
     * A savepoint of the running job (stopping it with {@code stop}), retried while the job is
     * (re)starting; null if the job ended before one could be taken.
     */
    private static String savepoint(JobClient client, java.nio.file.Path directory, boolean stop)
            throws Exception {
        for (int attempt = 0; attempt < 500; attempt++) {
            try {
                return (stop
                                ? client.stopWithSavepoint(false, directory.toString())
                                : client.triggerSavepoint(directory.toString()))
                        .get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                if (client.getJobExecutionResult().isDone()) {
                    client.getJobExecutionResult().get();
                    return null;
                }
                Thread.sleep(10);
            }
        }
        throw new AssertionError("no savepoint could be taken");
    }

    @ParameterizedTest(name = "exactly-once, seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void exactlyOnceOutputEqualsAFailureFreeRun(long seed, @TempDir java.nio.file.Path tmp)
            throws Exception {
        List<String> actual = randomizedRun(seed, "EXACTLY_ONCE", tmp);
        List<String> missing = new ArrayList<>(expected());
        List<String> extra = new ArrayList<>();
        for (String line : actual) {
            if (!missing.remove(line)) {
                extra.add(line);
            }
        }
        assertThat(missing).as("seed %d: lost lines (duplicated: %s)", seed, extra).isEmpty();
        assertThat(extra).as("seed %d: duplicated or wrong lines", seed).isEmpty();
    }

    @ParameterizedTest(name = "at-least-once, seed {0}")
    @ValueSource(longs = {101, 102, 103, 104, 105})
    void atLeastOnceLosesNothing(long seed, @TempDir java.nio.file.Path tmp) throws Exception {
        List<String> lines = randomizedRun(seed, "AT_LEAST_ONCE", tmp);
        // Every count was reached (records after a barrier may be counted twice, not skipped).
        List<String> missing =
                new ArrayList<>(expected().stream().filter(l -> l.startsWith("count ")).toList());
        missing.removeAll(lines);
        assertThat(missing).as("seed %d: lost lines", seed).isEmpty();
        // Every window fired, with at least its records (some may be in it twice).
        Map<String, Long> largest = new HashMap<>();
        for (String line : lines) {
            if (!line.startsWith("count ")) {
                int last = line.lastIndexOf(' ');
                largest.merge(
                        line.substring(0, last),
                        Long.parseLong(line.substring(last + 1)),
                        Math::max);
            }
        }
        for (String line : expected()) {
            if (!line.startsWith("count ")) {
                int last = line.lastIndexOf(' ');
                assertThat(largest.get(line.substring(0, last)))
                        .as("seed %d: %s", seed, line)
                        .isGreaterThanOrEqualTo(Long.parseLong(line.substring(last + 1)));
            }
        }
    }
}

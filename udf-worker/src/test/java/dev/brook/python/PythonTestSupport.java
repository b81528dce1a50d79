package dev.brook.python;

import dev.brook.api.common.functions.MapFunction;
import dev.brook.api.common.state.CheckpointListener;
import dev.brook.api.common.typeinfo.BasicTypeInfo;
import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.java.tuple.Tuple2;
import dev.brook.api.java.typeutils.TupleTypeInfo;
import dev.brook.configuration.Configuration;
import dev.brook.configuration.RestartStrategyOptions;
import dev.brook.streaming.api.datastream.DataStream;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Python interpreter of the tests and pickled functions made with it. The interpreter needs
 * grpcio, pyarrow and cloudpickle: the system property {@code brook.test.python}, else the
 * repository's {@code .venv}, else {@code /tmp/venvtest}.
 */
final class PythonTestSupport {

    private PythonTestSupport() {}

    static String python() {
        String configured = System.getProperty("brook.test.python");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        String root = System.getProperty("brook.root", "..");
        Path venv = Paths.get(root, ".venv", "bin", "python");
        if (Files.isExecutable(venv)) {
            return venv.toAbsolutePath().toString();
        }
        return "/tmp/venvtest/bin/python";
    }

    /**
     * Each Python expression evaluated and pickled with cloudpickle, in one interpreter run.
     * Lambdas pickle by value, so the worker needs nothing but the bytes.
     */
    static List<byte[]> pickle(String... expressions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(python());
        command.add("-c");
        command.add(
                "import base64, sys, cloudpickle\n"
                        + "for e in sys.argv[1:]:\n"
                        + "    print(base64.b64encode(cloudpickle.dumps(eval(e))).decode())\n");
        command.addAll(List.of(expressions));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("Pickling with " + python() + " failed:\n" + out);
        }
        List<byte[]> pickles = new ArrayList<>();
        for (String line : out.strip().split("\n")) {
            pickles.add(Base64.getDecoder().decode(line.strip()));
        }
        return pickles;
    }

    static PythonFunctionSpec spec(String kind, String expression)
            throws IOException, InterruptedException {
        return new PythonFunctionSpec(kind, pickle(expression).get(0));
    }

    /**
     * An environment at parallelism 2, checkpointing every 100 ms, that restarts at once up to
     * twice, running Python workers with the test interpreter in batches of {@code batchSize}.
     */
    static StreamExecutionEnvironment restartingEnvironment(int batchSize) {
        Configuration config = new Configuration();
        config.set(PythonOptions.PYTHON_EXECUTABLE, python());
        config.set(PythonOptions.MAX_ARROW_BATCH_SIZE, batchSize);
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ZERO);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(2);
        env.enableCheckpointing(100);
        return env;
    }

    /**
     * {@code input} keyed by the pickled Python key {@code selector} (run at parallelism 1, next to
     * its input), then through the keyed Python {@code chain}.
     */
    static <K, OUT> DataStream<OUT> keyedPython(
            DataStream<Long> input,
            TypeInformation<K> keyType,
            byte[] selector,
            List<PythonFunctionSpec> chain,
            TypeInformation<OUT> outType) {
        TupleTypeInfo<Tuple2<K, Long>> keyed =
                new TupleTypeInfo<>(keyType, BasicTypeInfo.LONG_TYPE_INFO);
        DataStream<Tuple2<K, Long>> withKeys =
                input.transform(
                                "Python key_by",
                                keyed,
                                PythonFunctionOperator.factory(
                                        List.of(new PythonFunctionSpec("key_selector", selector)),
                                        BasicTypeInfo.LONG_TYPE_INFO,
                                        keyed))
                        .setParallelism(1);
        return withKeys.keyBy(new PythonKeySelector<>(), new PythonKeyTypeInfo(keyType))
                .transform(
                        "Python " + chain.get(0).kind(),
                        outType,
                        PythonFunctionOperator.factory(chain, keyed, outType));
    }

    /**
     * Slows its input down (1 ms per record) so checkpoints fall mid-stream, and fails once, at the
     * first record after a checkpoint completed past record {@code armAfter}. Its state is static
     * (the function is serialized into the job): {@link #reset} before each job.
     */
    static final class FailOnceAfterCheckpoint
            implements MapFunction<Long, Long>, CheckpointListener {
        private static final AtomicLong SEEN = new AtomicLong();
        private static final AtomicBoolean ARMED = new AtomicBoolean();
        private static final AtomicBoolean FAILED = new AtomicBoolean();

        private final long armAfter;

        FailOnceAfterCheckpoint(long armAfter) {
            this.armAfter = armAfter;
        }

        static void reset() {
            SEEN.set(0);
            ARMED.set(false);
            FAILED.set(false);
        }

        /** True once the failure was injected. */
        static boolean failed() {
            return FAILED.get();
        }

        @Override
        public Long map(Long value) throws Exception {
            Thread.sleep(1);
            SEEN.set(value);
            if (ARMED.get() && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("injected failure at record " + value);
            }
            return value;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            if (SEEN.get() > armAfter) {
                ARMED.set(true);
            }
        }
    }
}

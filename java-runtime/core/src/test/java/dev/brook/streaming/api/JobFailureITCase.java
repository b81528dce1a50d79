package dev.brook.streaming.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.brook.api.common.JobExecutionException;
import dev.brook.api.common.eventtime.WatermarkStrategy;
import dev.brook.api.common.functions.MapFunction;
import dev.brook.api.common.functions.OpenContext;
import dev.brook.api.common.functions.RichMapFunction;
import dev.brook.api.common.state.ValueStateDescriptor;
import dev.brook.api.common.typeinfo.Types;
import dev.brook.connector.datagen.source.DataGeneratorSource;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import dev.brook.streaming.api.functions.KeyedProcessFunction;
import dev.brook.streaming.api.functions.sink.legacy.SinkFunction;
import dev.brook.test.util.CollectingSink;
import dev.brook.util.Collector;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A failing job ends (does not hang) and {@code execute()} reports the user's own exception; plan
 * errors are reported at {@code execute()} with messages that name the problem.
 */
class JobFailureITCase {

    @TempDir Path tmp;

    /** The user's own exception type, so the test can find it in the cause chain. */
    static final class UserFailure extends RuntimeException {
        UserFailure(String message) {
            super(message);
        }
    }

    private static List<Throwable> causeChain(Throwable t) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable c = t; c != null && !chain.contains(c); c = c.getCause()) {
            chain.add(c);
        }
        return chain;
    }

    private static <T extends Throwable> T findCause(Throwable t, Class<T> type) {
        for (Throwable c : causeChain(t)) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        throw new AssertionError("No " + type.getName() + " in the cause chain of " + t, t);
    }

    private static Throwable executeExpectingFailure(StreamExecutionEnvironment env) {
        Throwable thrown = catchThrowable(env::execute);
        assertThat(thrown).as("execute() must fail").isNotNull();
        return thrown;
    }

    // ------------------------------------------------------------------ user exceptions

    static final class FailOn implements MapFunction<Long, Long> {
        private final long poison;

        FailOn(long poison) {
            this.poison = poison;
        }

        @Override
        public Long map(Long value) {
            if (value == poison) {
                throw new UserFailure("poisoned by record " + value);
            }
            return value;
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void anExceptionInAMapFailsTheJobWithTheUsersException(int parallelism) {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        env.fromSequence(0, 9_999)
                .rebalance()
                .map(new FailOn(4_321))
                .addSink(new CollectingSink<>());

        Throwable thrown = executeExpectingFailure(env);

        assertThat(thrown).isInstanceOf(JobExecutionException.class);
        assertThat(findCause(thrown, UserFailure.class)).hasMessage("poisoned by record 4321");
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void aFailureInOneSubtaskEndsAnUnboundedJob(int parallelism) {
        // Without the failure this job would run forever: the other subtasks must be cancelled.
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        env.fromSource(
                        new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, Types.LONG),
                        WatermarkStrategy.noWatermarks(),
                        "endless")
                .rebalance()
                .map(new FailOn(50_000))
                .addSink(new CollectingSink<>());

        Throwable thrown = executeExpectingFailure(env);

        assertThat(findCause(thrown, UserFailure.class)).hasMessage("poisoned by record 50000");
    }

    static final class FailingOpen extends RichMapFunction<Long, Long> {
        @Override
        public void open(OpenContext openContext) {
            throw new UserFailure(
                    "cannot open in subtask " + getRuntimeContext().getIndexOfThisSubtask());
        }

        @Override
        public Long map(Long value) {
            return value;
        }
    }

    @Test
    void anExceptionInOpenFailsTheJob() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.fromSequence(0, 99).map(new FailingOpen()).addSink(new CollectingSink<>());

        Throwable thrown = executeExpectingFailure(env);

        assertThat(findCause(thrown, UserFailure.class).getMessage())
                .matches("cannot open in subtask [01]");
    }

    static final class FailingSink implements SinkFunction<Long> {
        @Override
        public void invoke(Long value, Context context) throws IOException {
            if (value == 77) {
                throw new IOException("disk full at " + value);
            }
        }
    }

    @Test
    void aCheckedExceptionInASinkFailsTheJob() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.fromSequence(0, 999).addSink(new FailingSink());

        Throwable thrown = executeExpectingFailure(env);

        assertThat(causeChain(thrown))
                .anySatisfy(
                        c -> {
                            assertThat(c).isExactlyInstanceOf(IOException.class);
                            assertThat(c).hasMessage("disk full at 77");
                        });
    }

    static final class FailingKeyedProcess extends KeyedProcessFunction<Long, Long, Long> {
        @Override
        public void processElement(Long value, Context ctx, Collector<Long> out) {
            if (ctx.getCurrentKey() == 3 && value > 500) {
                throw new UserFailure("key " + ctx.getCurrentKey() + " failed");
            }
            out.collect(value);
        }
    }

    @Test
    void anExceptionInAKeyedProcessFunctionFailsTheJob() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(4);
        env.fromSequence(0, 9_999)
                .keyBy(n -> n % 10)
                .process(new FailingKeyedProcess())
                .addSink(new CollectingSink<>());

        Throwable thrown = executeExpectingFailure(env);

        assertThat(findCause(thrown, UserFailure.class)).hasMessage("key 3 failed");
    }

    @Test
    void theEnvironmentRunsTheNextJobAfterAFailure() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.fromSequence(0, 99).map(new FailOn(5)).addSink(new CollectingSink<>());
        executeExpectingFailure(env);

        CollectingSink<Long> sink = new CollectingSink<>();
        env.fromSequence(0, 99).map(new FailOn(-1)).addSink(sink);
        env.execute("after failure");
        assertThat(sink.getResults()).hasSize(100);
    }

    // ------------------------------------------------------------------ plan errors

    /** Not serializable, like a database connection or a thread pool. */
    static final class ConnectionHandle {
        String lookup(long n) {
            return "v" + n;
        }
    }

    /** An anonymous function that captures a non-serializable local (and no enclosing instance). */
    private static MapFunction<Long, String> capturing(ConnectionHandle handle) {
        return new MapFunction<>() {
            @Override
            public String map(Long value) {
                return handle.lookup(value);
            }
        };
    }

    @Test
    void aNonSerializableFunctionFailsAtExecuteNamingTheClass() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.fromSequence(0, 9)
                .map(capturing(new ConnectionHandle()))
                .name("lookup")
                .addSink(new CollectingSink<>());

        Throwable thrown = executeExpectingFailure(env);

        assertThat(thrown.getMessage())
                .contains("not serializable")
                .contains(ConnectionHandle.class.getName())
                .contains("lookup");
    }

    @Test
    void aLambdaCapturingANonSerializableObjectFailsAtExecute() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        ConnectionHandle handle = new ConnectionHandle();
        env.fromSequence(0, 9).map(handle::lookup).addSink(new CollectingSink<>());

        Throwable thrown = executeExpectingFailure(env);

        assertThat(thrown.getMessage())
                .contains("not serializable")
                .contains(ConnectionHandle.class.getName());
    }

    @Test
    void readTextFileOnAMissingPathFailsNamingThePath() {
        String missing = tmp.resolve("no-such-dir").resolve("input.txt").toString();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.readTextFile(missing).addSink(new CollectingSink<>());

        Throwable thrown = executeExpectingFailure(env);

        assertThat(thrown.getMessage()).contains(missing);
    }

    static final class StateOnNonKeyedStream extends RichMapFunction<Long, Long> {
        @Override
        public void open(OpenContext openContext) {
            getRuntimeContext().getState(new ValueStateDescriptor<>("my-counter", Types.LONG));
        }

        @Override
        public Long map(Long value) {
            return value;
        }
    }

    @Test
    void keyedStateOnANonKeyedStreamFailsWithAClearMessage() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.fromSequence(0, 9).map(new StateOnNonKeyedStream()).addSink(new CollectingSink<>());

        Throwable thrown = executeExpectingFailure(env);

        assertThat(causeChain(thrown))
                .anySatisfy(
                        c ->
                                assertThat(c.getMessage())
                                        .contains("my-counter")
                                        .contains("keyed stream")
                                        .contains("keyBy()"));
    }
}

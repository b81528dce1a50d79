package dev.brook.python;

import static dev.brook.python.PythonTestSupport.pickle;
import static dev.brook.python.PythonTestSupport.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.brook.api.common.typeinfo.BasicTypeInfo;
import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.java.tuple.Tuple2;
import dev.brook.api.java.typeutils.RowTypeInfo;
import dev.brook.api.java.typeutils.TupleTypeInfo;
import dev.brook.configuration.Configuration;
import dev.brook.streaming.api.datastream.DataStream;
import dev.brook.streaming.api.datastream.SingleOutputStreamOperator;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import dev.brook.streaming.api.functions.ProcessFunction;
import dev.brook.test.util.CollectingSink;
import dev.brook.types.Row;
import dev.brook.util.Collector;
import dev.brook.util.OutputTag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Python functions in real worker processes, in jobs on the MiniCluster: stateless chains, keyed
 * reduce with its state in the Java backend, typed and pickled records, and failures (a Python
 * exception, a worker that dies) failing the job with a message that says what happened.
 */
class PythonFunctionOperatorITCase {

    private static StreamExecutionEnvironment env(int parallelism) {
        Configuration config = new Configuration();
        config.set(PythonOptions.PYTHON_EXECUTABLE, PythonTestSupport.python());
        // Small batches and bundles, so that a few hundred records cross several of each.
        config.set(PythonOptions.MAX_ARROW_BATCH_SIZE, 16);
        config.set(PythonOptions.MAX_BUNDLE_SIZE, 100);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(parallelism);
        return env;
    }

    private static <IN, OUT> DataStream<OUT> python(
            DataStream<IN> input, TypeInformation<OUT> outType, PythonFunctionSpec... chain) {
        return input.transform(
                "Python",
                outType,
                PythonFunctionOperator.factory(List.of(chain), input.getType(), outType));
    }

    private static <T> List<T> run(StreamExecutionEnvironment env, DataStream<T> stream)
            throws Exception {
        CollectingSink<T> sink = new CollectingSink<>();
        stream.addSink(sink);
        env.execute("python test");
        return sink.getResults();
    }

    @Test
    void mapsTypedLongs() throws Exception {
        StreamExecutionEnvironment env = env(1);
        DataStream<Long> out =
                python(
                        env.fromSequence(1, 500),
                        BasicTypeInfo.LONG_TYPE_INFO,
                        spec("map", "lambda x: x * 2"));
        assertThat(run(env, out))
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, 500).map(x -> x * 2).boxed().toList());
    }

    /** A PyFlink MapFunction object is opened with a runtime context of its own subtask. */
    @Test
    void opensPyFlinkFunctionsWithTheirRuntimeContext() throws Exception {
        StreamExecutionEnvironment env = env(2);
        PythonFunctionSpec map =
                spec(
                        "map",
                        "type('Tagging', (__import__('pyflink.datastream', fromlist=['x'])"
                                + ".MapFunction,), {"
                                + "'open': lambda self, ctx: setattr(self, 'index',"
                                + " ctx.get_index_of_this_subtask()),"
                                + "'map': lambda self, v: '%d@%d' % (v, self.index)})()");
        DataStream<String> out =
                // Round robin: both subtasks get records whichever reader takes the splits.
                python(env.fromSequence(1, 200).rebalance(), BasicTypeInfo.STRING_TYPE_INFO, map);
        List<String> results = run(env, out);
        assertThat(results.stream().map(r -> Long.parseLong(r.split("@")[0])))
                .containsExactlyInAnyOrderElementsOf(
                        LongStream.rangeClosed(1, 200).boxed().toList());
        assertThat(results.stream().map(r -> r.split("@")[1]).distinct())
                .containsExactlyInAnyOrder("0", "1");
    }

    @Test
    void chainsFlatMapFilterAndMapIntoStrings() throws Exception {
        StreamExecutionEnvironment env = env(2);
        List<byte[]> f =
                pickle("lambda x: [x] * (x % 3)", "lambda x: x % 2 == 0", "lambda x: 'n=%d' % x");
        DataStream<String> out =
                python(
                        env.fromSequence(1, 300),
                        BasicTypeInfo.STRING_TYPE_INFO,
                        new PythonFunctionSpec("flat_map", f.get(0)),
                        new PythonFunctionSpec("filter", f.get(1)),
                        new PythonFunctionSpec("map", f.get(2)));
        List<String> expected = new ArrayList<>();
        for (long x = 1; x <= 300; x++) {
            for (int i = 0; i < x % 3; i++) {
                if (x % 2 == 0) {
                    expected.add("n=" + x);
                }
            }
        }
        assertThat(run(env, out)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void passesPickledValuesThroughSeveralOperators() throws Exception {
        StreamExecutionEnvironment env = env(1);
        DataStream<byte[]> objects =
                python(
                        env.fromSequence(1, 50),
                        PickledByteArrayTypeInfo.INSTANCE,
                        spec("map", "lambda x: {'id': x, 'tags': ['t%d' % x]}"));
        DataStream<String> out =
                python(
                        objects,
                        BasicTypeInfo.STRING_TYPE_INFO,
                        spec("map", "lambda d: '%d:%s' % (d['id'], d['tags'][0])"));
        assertThat(run(env, out))
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, 50).mapToObj(x -> x + ":t" + x).toList());
    }

    @Test
    void convertsRows() throws Exception {
        StreamExecutionEnvironment env = env(1);
        RowTypeInfo inType =
                new RowTypeInfo(
                        new TypeInformation<?>[] {
                            BasicTypeInfo.STRING_TYPE_INFO, BasicTypeInfo.LONG_TYPE_INFO
                        },
                        new String[] {"name", "n"});
        RowTypeInfo outType =
                new RowTypeInfo(BasicTypeInfo.STRING_TYPE_INFO, BasicTypeInfo.INT_TYPE_INFO);
        DataStream<Row> rows =
                env.fromData(List.of(Row.of("a", 1L), Row.of("bb", 2L), Row.of(null, 3L)), inType);
        DataStream<Row> out =
                python(
                        rows,
                        outType,
                        spec(
                                "map",
                                "lambda r: (None if r[0] is None else r[0].upper(), r[1] * 10)"));
        assertThat(run(env, out))
                .containsExactly(Row.of("A", 10), Row.of("BB", 20), Row.of(null, 30));
    }

    /** A process function's {@code yield output_tag, value} reaches the Java side output. */
    @Test
    void routesSideOutputs() throws Exception {
        StreamExecutionEnvironment env = env(1);
        OutputTag<String> odd = new OutputTag<>("odd", BasicTypeInfo.STRING_TYPE_INFO);
        PythonFunctionSpec process =
                spec(
                        "process",
                        "(lambda tag: lambda v, ctx: [(tag, 'odd %d' % v)] if v % 2 else [v])"
                                + "(__import__('pyflink.datastream', fromlist=['OutputTag'])"
                                + ".OutputTag('odd'))");
        DataStream<Long> numbers = env.fromSequence(1, 60);
        SingleOutputStreamOperator<Long> evens =
                numbers.transform(
                        "Python process",
                        BasicTypeInfo.LONG_TYPE_INFO,
                        PythonFunctionOperator.factory(
                                List.of(process),
                                numbers.getType(),
                                BasicTypeInfo.LONG_TYPE_INFO,
                                List.of(odd)));
        CollectingSink<String> odds = new CollectingSink<>();
        evens.getSideOutput(odd).addSink(odds);

        assertThat(run(env, evens))
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, 60).filter(x -> x % 2 == 0).boxed().toList());
        assertThat(odds.getResults())
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, 60)
                                .filter(x -> x % 2 == 1)
                                .mapToObj(x -> "odd " + x)
                                .toList());
    }

    /** Describes a (value, Python timestamp) pair with the record's timestamp in Java. */
    static final class DescribeWithTimestamp extends ProcessFunction<Tuple2<Long, Long>, String> {
        @Override
        public void processElement(
                Tuple2<Long, Long> value, Context ctx, Collector<String> collector) {
            collector.collect(value.f0 + "@" + value.f1 + "/" + ctx.timestamp());
        }
    }

    /** A timestamp assigner sets record timestamps that a later ProcessFunction and Java see. */
    @Test
    void assignsTimestampsThatProcessFunctionsSee() throws Exception {
        StreamExecutionEnvironment env = env(1);
        TupleTypeInfo<Tuple2<Long, Long>> pairs =
                new TupleTypeInfo<>(BasicTypeInfo.LONG_TYPE_INFO, BasicTypeInfo.LONG_TYPE_INFO);
        List<byte[]> f =
                pickle("lambda value, ts: value * 1000", "lambda v, ctx: [(v, ctx.timestamp())]");
        DataStream<Tuple2<Long, Long>> out =
                python(
                        env.fromSequence(1, 40),
                        pairs,
                        new PythonFunctionSpec("timestamp_assigner", f.get(0)),
                        new PythonFunctionSpec("process", f.get(1)));
        DataStream<String> withJavaTimestamps = out.process(new DescribeWithTimestamp());
        assertThat(run(env, withJavaTimestamps))
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, 40)
                                .mapToObj(x -> x + "@" + x * 1000 + "/" + x * 1000)
                                .toList());
    }

    /**
     * key_by runs in Python (fused after a map), Java partitions by the pickled key, and reduce
     * (fused with a map after it) keeps each key's running sum in Java state across bundles. One
     * source subtask feeds the records in order, so every key's sequence of sums is exact even when
     * the reduce runs with parallelism 2.
     */
    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    void reducesPerKeyWithStateInJava(int parallelism) throws Exception {
        StreamExecutionEnvironment env = env(parallelism);
        TupleTypeInfo<Tuple2<byte[], byte[]>> keyed =
                new TupleTypeInfo<>(
                        PickledByteArrayTypeInfo.INSTANCE, PickledByteArrayTypeInfo.INSTANCE);
        List<byte[]> f =
                pickle(
                        "lambda x: ('k%d' % (x % 7), x)",
                        "lambda v: v[0]",
                        "lambda a, b: (a[0], a[1] + b[1])",
                        "lambda v: '%s=%d' % v");
        DataStream<Long> input = env.fromSequence(1, 700).setParallelism(1);
        DataStream<Tuple2<byte[], byte[]>> withKeys =
                input.transform(
                                "Python key_by",
                                keyed,
                                PythonFunctionOperator.factory(
                                        List.of(
                                                new PythonFunctionSpec("map", f.get(0)),
                                                new PythonFunctionSpec("key_selector", f.get(1))),
                                        BasicTypeInfo.LONG_TYPE_INFO,
                                        keyed))
                        .setParallelism(1);
        DataStream<String> sums =
                withKeys.keyBy(
                                new PythonKeySelector<>(),
                                new PythonKeyTypeInfo(PickledByteArrayTypeInfo.INSTANCE))
                        .transform(
                                "Python reduce",
                                BasicTypeInfo.STRING_TYPE_INFO,
                                PythonFunctionOperator.factory(
                                        List.of(
                                                new PythonFunctionSpec("reduce", f.get(2)),
                                                new PythonFunctionSpec("map", f.get(3))),
                                        keyed,
                                        BasicTypeInfo.STRING_TYPE_INFO));

        Map<String, List<String>> expected = new HashMap<>();
        Map<String, Long> running = new HashMap<>();
        for (long x = 1; x <= 700; x++) {
            String key = "k" + (x % 7);
            long sum = running.merge(key, x, Long::sum);
            expected.computeIfAbsent(key, k -> new ArrayList<>()).add(key + "=" + sum);
        }
        Map<String, List<String>> actual =
                run(env, sums).stream().collect(Collectors.groupingBy(s -> s.split("=")[0]));
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void pythonExceptionFailsTheJobWithTheTraceback() throws Exception {
        assertThat(failureOfMap(env(1), "lambda x: x // (x - 42)"))
                .contains("Traceback (most recent call last)")
                .contains("ZeroDivisionError")
                .doesNotContain("brook_worker");
    }

    @Test
    void killedWorkerFailsTheTask() throws Exception {
        assertThat(
                        failureOfMap(
                                env(1),
                                "lambda x: __import__('os').kill(__import__('os').getpid(), 9)"
                                        + " if x == 30 else x"))
                .containsPattern("Python worker pyworker-\\w+ exited with code 137");
    }

    @Test
    void silentWorkerFailsTheTaskAfterTheHeartbeatTimeout() throws Exception {
        StreamExecutionEnvironment env = env(1);
        env.getConfiguration().set(PythonOptions.WORKER_HEARTBEAT_TIMEOUT, Duration.ofSeconds(2));
        assertThat(
                        failureOfMap(
                                env,
                                "lambda x: __import__('os').kill(__import__('os').getpid(), 19)"
                                        + " if x == 30 else x"))
                .containsPattern("Python worker pyworker-\\w+ sent no heartbeat for \\d+ s");
    }

    /**
     * The messages of the failure (and its causes) of a job that maps 1..100 with the Python {@code
     * expression}; the job must fail.
     */
    private static String failureOfMap(StreamExecutionEnvironment env, String expression)
            throws Exception {
        DataStream<Long> out =
                python(
                        env.fromSequence(1, 100),
                        BasicTypeInfo.LONG_TYPE_INFO,
                        spec("map", expression));
        Throwable thrown = catchThrowable(() -> run(env, out));
        assertThat(thrown).isNotNull();
        return fullMessage(thrown);
    }

    private static String fullMessage(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c).append('\n');
        }
        return all.toString();
    }
}

package dev.brook.bench.flink;

import dev.brook.bench.common.BenchJob;
import dev.brook.bench.common.BenchRunner;
import dev.brook.bench.common.Expectation;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.functions.ReduceFunction;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Keyed map/reduce: a sequence of longs mapped to {@code (value % 100,000, value)}, keyed by the
 * first field and reduced to a running sum per key, into a discarding sink. Records are input
 * longs; the default is 10,000,000.
 */
public final class KeyedReduceBench {

    static final long KEYS = 100_000;

    private KeyedReduceBench() {}

    public static void main(String[] args) throws Exception {
        // The running sums a sink sees depend on the order of records per key, which varies with
        // parallelism, so the checksum is reported but not checked.
        BenchRunner.run(
                KeyedReduceBench.class,
                "keyed-reduce",
                args,
                10_000_000L,
                records -> new Expectation(records, null),
                KeyedReduceBench::build);
    }

    static BenchJob.Execution build(int parallelism, long records) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);

        env.fromSequence(0, records - 1)
                .map(new ToKeyValue())
                .keyBy(new KeyField())
                .reduce(new SumValues())
                .sinkTo(new CountingDiscardingSink<>());

        return () -> env.execute("Keyed reduce benchmark");
    }

    /** {@code value -> (value % KEYS, value)}. */
    public static final class ToKeyValue implements MapFunction<Long, Tuple2<Long, Long>> {
        private static final long serialVersionUID = 1L;

        @Override
        public Tuple2<Long, Long> map(Long value) {
            return new Tuple2<>(value % KEYS, value);
        }
    }

    /** Keys a (key, value) pair by its key. */
    public static final class KeyField implements KeySelector<Tuple2<Long, Long>, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long getKey(Tuple2<Long, Long> keyValue) {
            return keyValue.f0;
        }
    }

    /** Sums the values of one key. */
    public static final class SumValues implements ReduceFunction<Tuple2<Long, Long>> {
        private static final long serialVersionUID = 1L;

        @Override
        public Tuple2<Long, Long> reduce(Tuple2<Long, Long> a, Tuple2<Long, Long> b) {
            return new Tuple2<>(a.f0, a.f1 + b.f1);
        }
    }
}

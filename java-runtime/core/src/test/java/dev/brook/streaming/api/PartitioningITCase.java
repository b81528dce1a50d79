package dev.brook.streaming.api;

import static dev.brook.test.util.Multisets.assertSameMultiset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brook.api.common.functions.Partitioner;
import dev.brook.api.java.tuple.Tuple2;
import dev.brook.api.java.tuple.Tuple3;
import dev.brook.streaming.api.datastream.DataStream;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import dev.brook.test.util.CollectingSink;
import dev.brook.test.util.SubtaskTagger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every partitioner, observed from the receiving side: a map after the partitioning records the
 * subtask index with each record, and an upstream map records where each record came from.
 */
class PartitioningITCase {

    private static final int N = 10_000;

    private static List<Long> range(long n) {
        return LongStream.range(0, n).boxed().collect(Collectors.toList());
    }

    /** (upstream subtask, downstream subtask, record). */
    private static List<Tuple3<Integer, Integer, Long>> route(
            int upstream,
            int downstream,
            Function<DataStream<Tuple2<Integer, Long>>, DataStream<Tuple2<Integer, Long>>>
                    partitioning)
            throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(upstream);
        CollectingSink<Tuple3<Integer, Integer, Long>> sink = new CollectingSink<>();
        DataStream<Tuple2<Integer, Long>> tagged =
                env.fromSequence(0, N - 1).setParallelism(upstream).map(new SubtaskTagger<>());
        partitioning
                .apply(tagged)
                .map(new SubtaskTagger<>())
                .setParallelism(downstream)
                .map(t -> Tuple3.of(t.f1.f0, t.f0, t.f1.f1))
                .setParallelism(downstream)
                .addSink(sink)
                .setParallelism(downstream);
        env.execute("partitioning");
        List<Tuple3<Integer, Integer, Long>> results = sink.getResults();
        assertSameMultiset(results.stream().map(t -> t.f2).toList(), range(N));
        return results;
    }

    private static Map<Integer, Integer> countPerDownstream(
            List<Tuple3<Integer, Integer, Long>> r) {
        Map<Integer, Integer> counts = new HashMap<>();
        r.forEach(t -> counts.merge(t.f1, 1, Integer::sum));
        return counts;
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void forwardKeepsEachRecordInItsSubtask(int parallelism) throws Exception {
        List<Tuple3<Integer, Integer, Long>> r =
                route(parallelism, parallelism, DataStream::forward);
        r.forEach(t -> assertThat(t.f1).as("subtask of %s", t).isEqualTo(t.f0));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void forwardAcrossAnUnchainedBoundaryKeepsEachRecordInItsSubtask(int parallelism)
            throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        CollectingSink<Tuple2<Integer, Tuple2<Integer, Long>>> sink = new CollectingSink<>();
        env.fromSequence(0, N - 1)
                .map(new SubtaskTagger<>())
                .forward()
                .map(new SubtaskTagger<>())
                .disableChaining()
                .addSink(sink);
        env.execute("unchained forward");
        List<Tuple2<Integer, Tuple2<Integer, Long>>> r = sink.getResults();
        assertSameMultiset(r.stream().map(t -> t.f1.f1).toList(), range(N));
        r.forEach(t -> assertThat(t.f0).as("subtask of %s", t).isEqualTo(t.f1.f0));
    }

    @Test
    void forwardBetweenDifferentParallelismsFailsAtExecute() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.fromSequence(0, 99)
                .map(n -> n)
                .name("upstream-map")
                .forward()
                .map(n -> n + 1)
                .name("downstream-map")
                .setParallelism(3)
                .addSink(new CollectingSink<>());

        assertThatThrownBy(env::execute)
                .hasMessageContaining("Forward partitioning does not allow change of parallelism")
                .hasMessageContaining("upstream-map")
                .hasMessageContaining("downstream-map")
                .hasMessageContaining("parallelism: 2")
                .hasMessageContaining("parallelism: 3");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"1, 1", "1, 4", "2, 2", "4, 2", "2, 4"})
    void rebalanceSpreadsRecordsEvenly(int upstream, int downstream) throws Exception {
        List<Tuple3<Integer, Integer, Long>> r = route(upstream, downstream, DataStream::rebalance);
        Map<Integer, Integer> counts = countPerDownstream(r);
        assertThat(counts).hasSize(downstream);
        // Round-robin per producer: each producer is off by at most one per consumer.
        counts.forEach(
                (subtask, count) ->
                        assertThat(count)
                                .as("records at subtask %d of %s", subtask, counts)
                                .isBetween(N / downstream - upstream, N / downstream + upstream));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"1, 1", "2, 2", "2, 4", "4, 2", "1, 4", "4, 1"})
    void rescaleSendsRecordsOnlyToTheProducersLocalConsumers(int upstream, int downstream)
            throws Exception {
        List<Tuple3<Integer, Integer, Long>> r = route(upstream, downstream, DataStream::rescale);
        for (Tuple3<Integer, Integer, Long> t : r) {
            if (upstream <= downstream) {
                // Producer p feeds consumers [p * d/u, (p+1) * d/u).
                assertThat(t.f1 * upstream / downstream).as("producer of %s", t).isEqualTo(t.f0);
            } else {
                // Consumer c reads producers [c * u/d, (c+1) * u/d).
                assertThat(t.f0 * downstream / upstream).as("consumer of %s", t).isEqualTo(t.f1);
            }
        }
        // Each producer round-robins over its own consumers.
        Map<Integer, Map<Integer, Integer>> perProducer = new HashMap<>();
        r.forEach(
                t ->
                        perProducer
                                .computeIfAbsent(t.f0, k -> new HashMap<>())
                                .merge(t.f1, 1, Integer::sum));
        perProducer.forEach(
                (producer, counts) -> {
                    int min =
                            counts.values().stream()
                                    .mapToInt(Integer::intValue)
                                    .min()
                                    .orElseThrow();
                    int max =
                            counts.values().stream()
                                    .mapToInt(Integer::intValue)
                                    .max()
                                    .orElseThrow();
                    assertThat(max - min)
                            .as("spread of producer %d: %s", producer, counts)
                            .isLessThanOrEqualTo(1);
                });
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"1, 1", "2, 4", "4, 4", "4, 2"})
    void shuffleDeliversEveryRecordOnceToSomeSubtask(int upstream, int downstream)
            throws Exception {
        List<Tuple3<Integer, Integer, Long>> r = route(upstream, downstream, DataStream::shuffle);
        Map<Integer, Integer> counts = countPerDownstream(r);
        assertThat(counts).hasSize(downstream);
        // Uniformly random: with 10,000 records the count per subtask is far inside +-20%.
        counts.forEach(
                (subtask, count) ->
                        assertThat(count)
                                .as("records at subtask %d of %s", subtask, counts)
                                .isBetween(N / downstream * 8 / 10, N / downstream * 12 / 10));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"1, 1", "1, 4", "2, 2", "4, 2", "2, 4"})
    void broadcastDeliversEveryRecordToEverySubtaskExactlyOnce(int upstream, int downstream)
            throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(upstream);
        CollectingSink<Tuple2<Integer, Long>> sink = new CollectingSink<>();
        env.fromSequence(0, 1_999)
                .broadcast()
                .map(new SubtaskTagger<>())
                .setParallelism(downstream)
                .addSink(sink)
                .setParallelism(downstream);
        env.execute("broadcast");

        Map<Integer, List<Long>> perSubtask = new HashMap<>();
        sink.getResults()
                .forEach(t -> perSubtask.computeIfAbsent(t.f0, k -> new ArrayList<>()).add(t.f1));
        assertThat(perSubtask).hasSize(downstream);
        perSubtask.forEach((subtask, records) -> assertSameMultiset(records, range(2_000)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"1, 4", "2, 2", "4, 4", "4, 2"})
    void globalSendsEverythingToSubtaskZero(int upstream, int downstream) throws Exception {
        List<Tuple3<Integer, Integer, Long>> r = route(upstream, downstream, DataStream::global);
        r.forEach(t -> assertThat(t.f1).as("subtask of %s", t).isZero());
    }

    /** Key modulo the number of partitions, reversed: deliberately not the identity. */
    static final class ReverseModulo implements Partitioner<Long> {
        @Override
        public int partition(Long key, int numPartitions) {
            return numPartitions - 1 - (int) (key % numPartitions);
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"1, 1", "1, 4", "2, 2", "4, 3", "2, 4"})
    void partitionCustomSendsEachRecordWhereThePartitionerChose(int upstream, int downstream)
            throws Exception {
        List<Tuple3<Integer, Integer, Long>> r =
                route(
                        upstream,
                        downstream,
                        s -> s.partitionCustom(new ReverseModulo(), t -> t.f1 / 10));
        r.forEach(
                t ->
                        assertThat(t.f1)
                                .as("subtask of %s", t)
                                .isEqualTo(downstream - 1 - (int) (t.f2 / 10 % downstream)));
    }

    @Test
    void partitionCustomReturningAnInvalidPartitionFailsTheJobNamingThePartition() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.fromSequence(0, 99)
                .partitionCustom((Long key, int n) -> key < 50 ? 0 : n, n -> n)
                .map(n -> n)
                .addSink(new CollectingSink<>());

        assertThatThrownBy(env::execute)
                .rootCause()
                .hasMessageContaining("returned partition 2")
                .hasMessageContaining("key '50'");
    }
}

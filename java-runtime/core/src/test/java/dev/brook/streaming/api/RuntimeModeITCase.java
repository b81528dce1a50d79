package dev.brook.streaming.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brook.api.common.RuntimeExecutionMode;
import dev.brook.api.common.typeinfo.Types;
import dev.brook.api.java.tuple.Tuple2;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import dev.brook.test.util.CollectingSink;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** STREAMING emits every update; BATCH (and AUTOMATIC on bounded input) only final results. */
class RuntimeModeITCase {

    static List<Tuple2<String, Long>> run(RuntimeExecutionMode mode, int parallelism)
            throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        env.setRuntimeMode(mode);
        CollectingSink<Tuple2<String, Long>> sink = new CollectingSink<>();
        env.fromSequence(1, 10_000)
                .map(v -> Tuple2.of("k" + (v % 37), v), Types.TUPLE(Types.STRING, Types.LONG))
                .keyBy(t -> t.f0)
                .sum(1)
                .addSink(sink);
        env.execute();
        return sink.getResults();
    }

    static Map<String, Long> finalValues(List<Tuple2<String, Long>> results) {
        Map<String, Long> last = new HashMap<>();
        for (Tuple2<String, Long> t : results) {
            last.merge(t.f0, t.f1, Math::max);
        }
        return last;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void batchAndStreamingAgreeOnFinalResults(int parallelism) throws Exception {
        Map<String, Long> expected = new HashMap<>();
        for (long v = 1; v <= 10_000; v++) {
            expected.merge("k" + (v % 37), v, Long::sum);
        }
        List<Tuple2<String, Long>> streaming = run(RuntimeExecutionMode.STREAMING, parallelism);
        List<Tuple2<String, Long>> batch = run(RuntimeExecutionMode.BATCH, parallelism);
        assertThat(streaming).hasSize(10_000);
        assertThat(finalValues(streaming)).isEqualTo(expected);
        assertThat(batch).hasSize(expected.size());
        assertThat(finalValues(batch)).isEqualTo(expected);
    }

    @Test
    void automaticWithBoundedSourcesRunsAsBatch() throws Exception {
        assertThat(run(RuntimeExecutionMode.AUTOMATIC, 2)).hasSize(37);
    }

    @Test
    void batchWithUnboundedSourceFailsClearly() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.socketTextStream("localhost", 9).print();
        assertThatThrownBy(env::execute)
                .hasMessageContaining("'Source: Socket Stream' is unbounded")
                .hasMessageContaining("BATCH");
    }
}

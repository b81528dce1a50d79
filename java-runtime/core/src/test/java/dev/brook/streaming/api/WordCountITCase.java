package dev.brook.streaming.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brook.api.common.functions.FlatMapFunction;
import dev.brook.api.java.tuple.Tuple2;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import dev.brook.test.util.CollectingSink;
import dev.brook.util.Collector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WordCountITCase {

    static final class Tokenizer implements FlatMapFunction<String, Tuple2<String, Integer>> {
        @Override
        public void flatMap(String value, Collector<Tuple2<String, Integer>> out) {
            for (String token : value.toLowerCase().split("\\W+")) {
                if (!token.isEmpty()) {
                    out.collect(new Tuple2<>(token, 1));
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void countsWordsExactly(int parallelism) throws Exception {
        List<String> lines = new ArrayList<>();
        Map<String, Integer> expected = new HashMap<>();
        for (int i = 0; i < 2000; i++) {
            StringBuilder line = new StringBuilder();
            for (int j = 0; j < 10; j++) {
                String word = "w" + ((i * 31 + j * 7) % 97);
                line.append(word).append(j % 3 == 0 ? ", " : " ");
                expected.merge(word, 1, Integer::sum);
            }
            lines.add(line.toString());
        }
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        CollectingSink<Tuple2<String, Integer>> sink = new CollectingSink<>();
        env.fromCollection(lines)
                .rebalance()
                .flatMap(new Tokenizer())
                .keyBy(t -> t.f0)
                .sum(1)
                .addSink(sink);
        env.execute("wordcount-" + parallelism);

        Map<String, Integer> finalCounts = new HashMap<>();
        Map<String, Integer> updates = new HashMap<>();
        for (Tuple2<String, Integer> t : sink.getResults()) {
            finalCounts.merge(t.f0, t.f1, Math::max);
            updates.merge(t.f0, 1, Integer::sum);
        }
        assertThat(finalCounts).isEqualTo(expected);
        // Streaming emits one update per occurrence: nothing lost, nothing duplicated.
        assertThat(updates).isEqualTo(expected);
    }
}

package dev.brook.bench.flink;

import dev.brook.bench.common.BenchJob;
import dev.brook.bench.common.BenchRunner;
import dev.brook.bench.common.Expectation;
import dev.brook.bench.common.Vocabulary;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.Collector;

/**
 * Streaming WordCount: lines generated from a sequence source, lower-cased and split on {@code
 * \W+}, a running count per word ({@code keyBy(word).sum(1)}), into a discarding sink. Records are
 * words; the default is 10,000,000 words from a 10,000-word vocabulary.
 */
public final class WordCountBench {

    private WordCountBench() {}

    public static void main(String[] args) throws Exception {
        BenchRunner.run(
                WordCountBench.class,
                "wordcount",
                args,
                10_000_000L,
                words -> new Expectation(words, Vocabulary.expectedRunningCountSum(words)),
                WordCountBench::build);
    }

    static BenchJob.Execution build(int parallelism, long words) {
        if (words % Vocabulary.WORDS_PER_LINE != 0) {
            throw new IllegalArgumentException(
                    "WordCount needs a multiple of " + Vocabulary.WORDS_PER_LINE + " words");
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);

        env.fromSequence(0, words / Vocabulary.WORDS_PER_LINE - 1)
                .map(new LineGenerator())
                .flatMap(new Tokenizer())
                .keyBy(new WordKey())
                .sum(1)
                .sinkTo(new CountingDiscardingSink<>());

        return () -> env.execute("WordCount benchmark");
    }

    /** Line number to line text. */
    public static final class LineGenerator implements MapFunction<Long, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String map(Long lineIndex) {
            return Vocabulary.line(lineIndex);
        }
    }

    /** The tokenizer of Flink's own WordCount example: lower-case, split on non-word characters. */
    public static final class Tokenizer
            implements FlatMapFunction<String, Tuple2<String, Integer>> {
        private static final long serialVersionUID = 1L;

        @Override
        public void flatMap(String line, Collector<Tuple2<String, Integer>> out) {
            for (String token : line.toLowerCase().split("\\W+")) {
                if (!token.isEmpty()) {
                    out.collect(new Tuple2<>(token, 1));
                }
            }
        }
    }

    /** Keys a (word, count) pair by its word. */
    public static final class WordKey implements KeySelector<Tuple2<String, Integer>, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String getKey(Tuple2<String, Integer> wordCount) {
            return wordCount.f0;
        }
    }
}

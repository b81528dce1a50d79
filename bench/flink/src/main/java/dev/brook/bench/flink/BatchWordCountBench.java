package dev.brook.bench.flink;

import dev.brook.bench.common.BenchJob;
import dev.brook.bench.common.BenchRunner;
import dev.brook.bench.common.Vocabulary;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * WordCount in BATCH execution mode: the streaming benchmark's job with {@code
 * setRuntimeMode(BATCH)}, so the sink sees one final count per distinct word instead of a running
 * count per word. Records are words; the default is 10,000,000.
 */
public final class BatchWordCountBench {

    private BatchWordCountBench() {}

    public static void main(String[] args) throws Exception {
        BenchRunner.run(
                BatchWordCountBench.class,
                "batch-wordcount",
                args,
                10_000_000L,
                Vocabulary::finalCounts,
                BatchWordCountBench::build);
    }

    static BenchJob.Execution build(int parallelism, long words) {
        if (words % Vocabulary.WORDS_PER_LINE != 0) {
            throw new IllegalArgumentException(
                    "WordCount needs a multiple of " + Vocabulary.WORDS_PER_LINE + " words");
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);

        env.fromSequence(0, words / Vocabulary.WORDS_PER_LINE - 1)
                .map(new WordCountBench.LineGenerator())
                .flatMap(new WordCountBench.Tokenizer())
                .keyBy(new WordCountBench.WordKey())
                .sum(1)
                .sinkTo(new CountingDiscardingSink<>());

        return () -> env.execute("Batch WordCount benchmark");
    }
}

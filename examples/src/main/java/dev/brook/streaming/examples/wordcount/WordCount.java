package dev.brook.streaming.examples.wordcount;

import dev.brook.api.common.functions.FlatMapFunction;
import dev.brook.api.java.tuple.Tuple2;
import dev.brook.configuration.MemorySize;
import dev.brook.streaming.api.datastream.DataStream;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import dev.brook.streaming.api.functions.sink.filesystem.rollingpolicies.DefaultRollingPolicy;
import dev.brook.streaming.examples.util.ResultSink;
import dev.brook.streaming.examples.util.TextInput;
import dev.brook.util.Collector;
import dev.brook.util.MultipleParameterTool;
import java.time.Duration;

/**
 * Counts words, as Flink's WordCount example does: lines are lower-cased and split on non-word
 * characters, and a running count per word is emitted as {@code (word,count)}.
 *
 * <pre>
 * bin/flink run examples/streaming/WordCount.jar [--input FILE_OR_DIR]... [--output DIR]
 *     [--discovery-interval SECONDS]
 * </pre>
 *
 * <p>Without {@code --input} a built-in text is counted; without {@code --output} the counts are
 * printed.
 */
public class WordCount {

    public static void main(String[] args) throws Exception {
        MultipleParameterTool params = MultipleParameterTool.fromArgs(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.getConfig().setGlobalJobParameters(params);

        DataStream<String> text = TextInput.fromArgs(env, params, "WordCount");

        DataStream<Tuple2<String, Integer>> counts =
                text.flatMap(new Tokenizer())
                        .name("tokenizer")
                        .keyBy(value -> value.f0)
                        .sum(1)
                        .name("counter");

        ResultSink.writeOrPrint(
                counts,
                params,
                DefaultRollingPolicy.builder()
                        .withMaxPartSize(MemorySize.ofMebiBytes(1))
                        .withRolloverInterval(Duration.ofSeconds(10))
                        .build());
        env.execute("WordCount");
    }

    /** Splits a line into lower-case words and emits {@code (word, 1)} for each. */
    public static final class Tokenizer
            implements FlatMapFunction<String, Tuple2<String, Integer>> {
        @Override
        public void flatMap(String value, Collector<Tuple2<String, Integer>> out) {
            for (String token : value.toLowerCase().split("\\W+")) {
                if (!token.isEmpty()) {
                    out.collect(new Tuple2<>(token, 1));
                }
            }
        }
    }
}

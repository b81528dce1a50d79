package dev.brook.streaming.examples.windowing;

import dev.brook.api.java.tuple.Tuple2;
import dev.brook.configuration.MemorySize;
import dev.brook.streaming.api.datastream.DataStream;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import dev.brook.streaming.api.functions.sink.filesystem.rollingpolicies.DefaultRollingPolicy;
import dev.brook.streaming.examples.util.ResultSink;
import dev.brook.streaming.examples.util.TextInput;
import dev.brook.streaming.examples.wordcount.WordCount;
import dev.brook.util.MultipleParameterTool;
import java.time.Duration;

/**
 * Counts words in sliding count windows, as Flink's WindowWordCount example does: for each word,
 * every {@code --slide} occurrences, emits {@code (word,n)} where n is how many of its last {@code
 * --window} occurrences there are (so n grows by the slide until it reaches the window size). Words
 * are found as in {@link WordCount}.
 *
 * <pre>
 * bin/flink run examples/streaming/WindowWordCount.jar [--input FILE_OR_DIR]... [--output DIR]
 *     [--window N] [--slide N] [--discovery-interval SECONDS]
 * </pre>
 *
 * <p>{@code --window} defaults to 250 and {@code --slide} to 150, as in Flink. Without {@code
 * --input} a built-in text is counted (its words are too rare to fill the default windows; try
 * {@code --window 4 --slide 2}); without {@code --output} the counts are printed.
 */
public class WindowWordCount {

    public static void main(String[] args) throws Exception {
        MultipleParameterTool params = MultipleParameterTool.fromArgs(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.getConfig().setGlobalJobParameters(params);

        DataStream<String> text = TextInput.fromArgs(env, params, "WindowWordCount");

        int windowSize = params.getInt("window", 250);
        int slideSize = params.getInt("slide", 150);

        DataStream<Tuple2<String, Integer>> counts =
                text.flatMap(new WordCount.Tokenizer())
                        .name("tokenizer")
                        .keyBy(value -> value.f0)
                        .countWindow(windowSize, slideSize)
                        .sum(1)
                        .name("counter");

        ResultSink.writeOrPrint(
                counts,
                params,
                DefaultRollingPolicy.builder()
                        .withMaxPartSize(MemorySize.ofMebiBytes(1))
                        .withRolloverInterval(Duration.ofSeconds(10))
                        .build());
        env.execute("WindowWordCount");
    }
}

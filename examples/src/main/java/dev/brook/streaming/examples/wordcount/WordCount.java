package dev.brook.streaming.examples.wordcount;

import dev.brook.api.common.eventtime.WatermarkStrategy;
import dev.brook.api.common.functions.FlatMapFunction;
import dev.brook.api.common.serialization.SimpleStringEncoder;
import dev.brook.api.java.tuple.Tuple2;
import dev.brook.configuration.MemorySize;
import dev.brook.connector.file.sink.FileSink;
import dev.brook.connector.file.src.FileSource;
import dev.brook.connector.file.src.reader.TextLineInputFormat;
import dev.brook.core.fs.Path;
import dev.brook.streaming.api.datastream.DataStream;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import dev.brook.streaming.api.functions.sink.filesystem.rollingpolicies.DefaultRollingPolicy;
import dev.brook.streaming.examples.util.SampleText;
import dev.brook.util.Collector;
import dev.brook.util.MultipleParameterTool;
import java.time.Duration;
import java.util.Collection;

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

        DataStream<String> text;
        Collection<String> inputs = params.getMultiParameter("input");
        if (inputs != null) {
            Path[] paths = inputs.stream().map(Path::new).toArray(Path[]::new);
            FileSource.Builder<String> source =
                    FileSource.forRecordStreamFormat(new TextLineInputFormat(), paths);
            if (params.has("discovery-interval")) {
                source.monitorContinuously(
                        Duration.ofSeconds(params.getLong("discovery-interval")));
            }
            text = env.fromSource(source.build(), WatermarkStrategy.noWatermarks(), "file-input");
        } else {
            System.out.println("Executing WordCount example with default input data set.");
            System.out.println("Use --input to specify file input.");
            text = env.fromElements(SampleText.LINES).name("in-memory-input");
        }

        DataStream<Tuple2<String, Integer>> counts =
                text.flatMap(new Tokenizer())
                        .name("tokenizer")
                        .keyBy(value -> value.f0)
                        .sum(1)
                        .name("counter");

        if (params.has("output")) {
            counts.sinkTo(
                            FileSink.<Tuple2<String, Integer>>forRowFormat(
                                            new Path(params.get("output")),
                                            new SimpleStringEncoder<>())
                                    .withRollingPolicy(
                                            DefaultRollingPolicy.builder()
                                                    .withMaxPartSize(MemorySize.ofMebiBytes(1))
                                                    .withRolloverInterval(Duration.ofSeconds(10))
                                                    .build())
                                    .build())
                    .name("file-sink");
        } else {
            System.out.println("Printing result to stdout. Use --output to specify output path.");
            counts.print().name("print-sink");
        }
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

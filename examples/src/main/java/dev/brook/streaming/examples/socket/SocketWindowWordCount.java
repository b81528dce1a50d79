package dev.brook.streaming.examples.socket;

import dev.brook.api.common.functions.FlatMapFunction;
import dev.brook.streaming.api.datastream.DataStream;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import dev.brook.streaming.api.windowing.assigners.TumblingProcessingTimeWindows;
import dev.brook.util.Collector;
import dev.brook.util.ParameterTool;
import java.time.Duration;

/**
 * Counts the words arriving on a text socket in 5-second (processing-time) windows, like Flink's
 * example of the same name. Start a server first, e.g. {@code nc -lk 9000}, then:
 *
 * <pre>
 * bin/flink run examples/streaming/SocketWindowWordCount.jar [--hostname localhost] --port 9000
 * </pre>
 *
 * <p>The job ends when the server closes the connection.
 */
public class SocketWindowWordCount {

    public static void main(String[] args) throws Exception {
        ParameterTool params = ParameterTool.fromArgs(args);
        if (!params.has("port")) {
            System.err.println(
                    "No port specified. Please run 'SocketWindowWordCount --hostname <hostname>"
                            + " --port <port>', where hostname (localhost by default) and port are"
                            + " the address of the text server.");
            System.err.println(
                    "To start a simple text server, run 'nc -lk <port>' and type the input text"
                            + " into the command line.");
            return;
        }
        String hostname = params.get("hostname", "localhost");
        int port = params.getInt("port");

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        DataStream<String> text = env.socketTextStream(hostname, port, "\n");

        DataStream<WordWithCount> windowCounts =
                text.flatMap(new Splitter())
                        .keyBy(value -> value.word)
                        .window(TumblingProcessingTimeWindows.of(Duration.ofSeconds(5)))
                        .reduce((a, b) -> new WordWithCount(a.word, a.count + b.count))
                        .returns(WordWithCount.class);

        windowCounts.print().setParallelism(1);
        env.execute("Socket Window WordCount");
    }

    /** Splits a line on whitespace into {@code (word, 1)}. */
    static final class Splitter implements FlatMapFunction<String, WordWithCount> {
        @Override
        public void flatMap(String value, Collector<WordWithCount> out) {
            for (String word : value.split("\\s")) {
                if (!word.isEmpty()) {
                    out.collect(new WordWithCount(word, 1L));
                }
            }
        }
    }

    /** A word and how often it occurred (a POJO). */
    public static class WordWithCount {
        public String word;
        public long count;

        public WordWithCount() {}

        public WordWithCount(String word, long count) {
            this.word = word;
            this.count = count;
        }

        @Override
        public String toString() {
            return word + " : " + count;
        }
    }
}

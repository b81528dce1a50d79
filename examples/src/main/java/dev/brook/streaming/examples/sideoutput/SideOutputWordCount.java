package dev.brook.streaming.examples.sideoutput;

import dev.brook.api.java.tuple.Tuple2;
import dev.brook.streaming.api.datastream.DataStream;
import dev.brook.streaming.api.datastream.SingleOutputStreamOperator;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import dev.brook.streaming.api.functions.ProcessFunction;
import dev.brook.streaming.examples.util.SampleText;
import dev.brook.util.Collector;
import dev.brook.util.OutputTag;
import dev.brook.util.ParameterTool;

/**
 * Word count with a side output: words longer than {@code --max-length} (default 5) are not counted
 * but sent to a side output, printed as {@code rejected> word}.
 *
 * <pre>
 * bin/flink run examples/streaming/SideOutputWordCount.jar [--max-length N]
 * </pre>
 */
public class SideOutputWordCount {

    static final OutputTag<String> REJECTED = new OutputTag<>("rejected") {};

    public static void main(String[] args) throws Exception {
        ParameterTool params = ParameterTool.fromArgs(args);
        int maxLength = params.getInt("max-length", 5);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();

        SingleOutputStreamOperator<Tuple2<String, Integer>> tokens =
                env.fromElements(SampleText.LINES)
                        .process(new Splitter(maxLength))
                        .name("splitter");
        DataStream<String> rejected = tokens.getSideOutput(REJECTED);

        tokens.keyBy(t -> t.f0).sum(1).print("counted");
        rejected.print("rejected");
        env.execute("SideOutputWordCount");
    }

    /** Emits short words as {@code (word, 1)} and long words to the side output. */
    static final class Splitter extends ProcessFunction<String, Tuple2<String, Integer>> {
        private final int maxLength;

        Splitter(int maxLength) {
            this.maxLength = maxLength;
        }

        @Override
        public void processElement(
                String line, Context ctx, Collector<Tuple2<String, Integer>> out) {
            for (String token : line.toLowerCase().split("\\W+")) {
                if (token.isEmpty()) {
                    continue;
                }
                if (token.length() > maxLength) {
                    ctx.output(REJECTED, token);
                } else {
                    out.collect(new Tuple2<>(token, 1));
                }
            }
        }
    }
}

package dev.brook.runtime.rest.testprogram;

import dev.brook.api.common.typeinfo.Types;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import dev.brook.streaming.api.functions.sink.legacy.SinkFunction;

/** A program for jar tests: sums the numbers 1..args[0] (default 100) and discards them. */
public final class SequenceProgram {

    private SequenceProgram() {}

    public static void main(String[] args) throws Exception {
        long count = args.length > 0 ? Long.parseLong(args[0]) : 100;
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromSequence(1, count).map(v -> v * 2, Types.LONG).addSink(new SinkFunction<>() {});
        env.execute(args.length > 1 ? args[1] : "sequence-program");
    }
}

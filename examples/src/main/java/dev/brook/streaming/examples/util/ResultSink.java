package dev.brook.streaming.examples.util;

import dev.brook.api.common.serialization.SimpleStringEncoder;
import dev.brook.connector.file.sink.FileSink;
import dev.brook.core.fs.Path;
import dev.brook.streaming.api.datastream.DataStream;
import dev.brook.streaming.api.functions.sink.filesystem.rollingpolicies.DefaultRollingPolicy;
import dev.brook.util.ParameterTool;

/**
 * Where the examples' results go: one line of text per result into files under the directory given
 * with {@code --output}, or to stdout without it.
 */
public final class ResultSink {

    private ResultSink() {}

    /** Writes with the file sink's default rolling policy. */
    public static <T> void writeOrPrint(DataStream<T> results, ParameterTool params) {
        writeOrPrint(results, params, DefaultRollingPolicy.builder().build());
    }

    /** Writes part files that roll as {@code rollingPolicy} says. */
    public static <T> void writeOrPrint(
            DataStream<T> results, ParameterTool params, DefaultRollingPolicy rollingPolicy) {
        if (params.has("output")) {
            results.sinkTo(
                            FileSink.<T>forRowFormat(
                                            new Path(params.get("output")),
                                            new SimpleStringEncoder<>())
                                    .withRollingPolicy(rollingPolicy)
                                    .build())
                    .name("file-sink");
        } else {
            System.out.println("Printing result to stdout. Use --output to specify output path.");
            results.print().name("print-sink");
        }
    }
}

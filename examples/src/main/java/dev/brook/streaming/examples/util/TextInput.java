package dev.brook.streaming.examples.util;

import dev.brook.api.common.eventtime.WatermarkStrategy;
import dev.brook.connector.file.src.FileSource;
import dev.brook.connector.file.src.reader.TextLineInputFormat;
import dev.brook.core.fs.Path;
import dev.brook.streaming.api.datastream.DataStream;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import dev.brook.util.MultipleParameterTool;
import java.time.Duration;
import java.util.Collection;

/**
 * The lines of text the word-count examples read: the files and directories given with {@code
 * --input} (watched for new files every {@code --discovery-interval} seconds, if given), or {@link
 * SampleText} without {@code --input}.
 */
public final class TextInput {

    private TextInput() {}

    /**
     * {@code exampleName} names the example in the message printed when the sample text is used.
     */
    public static DataStream<String> fromArgs(
            StreamExecutionEnvironment env, MultipleParameterTool params, String exampleName) {
        Collection<String> inputs = params.getMultiParameter("input");
        if (inputs == null) {
            System.out.println(
                    "Executing " + exampleName + " example with default input data set.");
            System.out.println("Use --input to specify file input.");
            return env.fromElements(SampleText.LINES).name("in-memory-input");
        }
        Path[] paths = inputs.stream().map(Path::new).toArray(Path[]::new);
        FileSource.Builder<String> source =
                FileSource.forRecordStreamFormat(new TextLineInputFormat(), paths);
        if (params.has("discovery-interval")) {
            source.monitorContinuously(Duration.ofSeconds(params.getLong("discovery-interval")));
        }
        return env.fromSource(source.build(), WatermarkStrategy.noWatermarks(), "file-input");
    }
}

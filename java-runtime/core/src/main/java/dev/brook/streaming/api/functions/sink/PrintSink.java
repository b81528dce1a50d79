package dev.brook.streaming.api.functions.sink;

import dev.brook.api.connector.sink2.Sink;
import dev.brook.api.connector.sink2.SinkWriter;
import dev.brook.api.connector.sink2.WriterInitContext;
import java.io.PrintStream;

/**
 * Prints each record's {@code toString()} to standard out (or standard error). With more than one
 * parallel instance each line starts with the instance's number, {@code "2> "}; with an identifier
 * {@code "id:2> "} (or {@code "id> "} at parallelism 1).
 */
public class PrintSink<IN> implements Sink<IN> {

    private static final long serialVersionUID = 1L;

    private final String sinkIdentifier;
    private final boolean stdErr;

    public PrintSink() {
        this("", false);
    }

    public PrintSink(boolean stdErr) {
        this("", stdErr);
    }

    public PrintSink(String sinkIdentifier) {
        this(sinkIdentifier, false);
    }

    public PrintSink(String sinkIdentifier, boolean stdErr) {
        this.sinkIdentifier = sinkIdentifier == null ? "" : sinkIdentifier;
        this.stdErr = stdErr;
    }

    @Override
    public SinkWriter<IN> createWriter(WriterInitContext context) {
        int parallelism = context.getNumberOfParallelSubtasks();
        String prefix = sinkIdentifier;
        if (parallelism > 1) {
            prefix += (prefix.isEmpty() ? "" : ":") + (context.getSubtaskId() + 1);
        }
        if (!prefix.isEmpty()) {
            prefix += "> ";
        }
        return new Writer<>(prefix, stdErr);
    }

    @Override
    public String toString() {
        return "Print to " + (stdErr ? "System.err" : "System.out");
    }

    private static final class Writer<IN> implements SinkWriter<IN> {
        private final String prefix;
        private final boolean stdErr;

        Writer(String prefix, boolean stdErr) {
            this.prefix = prefix;
            this.stdErr = stdErr;
        }

        private PrintStream stream() {
            // Looked up per call so that redirecting System.out after start still applies.
            return stdErr ? System.err : System.out;
        }

        @Override
        public void write(IN element, Context context) {
            stream().println(prefix + element);
        }

        @Override
        public void flush(boolean endOfInput) {
            stream().flush();
        }

        @Override
        public void close() {
            stream().flush();
        }
    }
}

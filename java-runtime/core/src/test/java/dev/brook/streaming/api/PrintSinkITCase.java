package dev.brook.streaming.api;

import static dev.brook.test.util.Multisets.assertSameMultiset;
import static org.assertj.core.api.Assertions.assertThat;

import dev.brook.api.common.functions.RichMapFunction;
import dev.brook.streaming.api.datastream.DataStream;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * The output format of {@code print()}: the bare record at parallelism 1, {@code "N> record"} with
 * the 1-based subtask number when parallel, and {@code "id> "} / {@code "id:N> "} with an
 * identifier. Standard out (or err) is captured around {@code execute()}.
 */
class PrintSinkITCase {

    private static final int N = 500;

    @BeforeAll
    static void initLogging() {
        // Logging configures its console appender on first use; do that before System.out is
        // swapped, so no log line can end up in the captured output.
        LoggerFactory.getLogger(PrintSinkITCase.class);
    }

    /** Runs {@code job} on a fresh environment and returns the lines it printed. */
    private static List<String> captureLines(
            boolean stdErr, int parallelism, Consumer<StreamExecutionEnvironment> job)
            throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        job.accept(env);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream original = stdErr ? System.err : System.out;
        PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        if (stdErr) {
            System.setErr(capture);
        } else {
            System.setOut(capture);
        }
        try {
            env.execute("print");
        } finally {
            if (stdErr) {
                System.setErr(original);
            } else {
                System.setOut(original);
            }
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).endsWith(System.lineSeparator());
        List<String> lines = new ArrayList<>(List.of(text.split(System.lineSeparator(), -1)));
        lines.remove(lines.size() - 1); // the empty string after the final line end
        return lines;
    }

    private static List<String> records() {
        return IntStream.range(0, N).mapToObj(i -> "record " + i).collect(Collectors.toList());
    }

    /** Prefixes each record with the 0-based index of the subtask that prints it. */
    static final class SubtaskPrefix extends RichMapFunction<String, String> {
        @Override
        public String map(String value) {
            return getRuntimeContext().getIndexOfThisSubtask() + "|" + value;
        }
    }

    private static DataStream<String> source(StreamExecutionEnvironment env) {
        return env.fromCollection(records()).rebalance().map(new SubtaskPrefix());
    }

    @Test
    void atParallelismOnePrintsTheBareRecord() throws Exception {
        List<String> lines = captureLines(false, 1, env -> env.fromCollection(records()).print());
        assertThat(lines).containsExactlyElementsOf(records());
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {2, 4})
    void whenParallelPrefixesTheOneBasedSubtaskNumber(int parallelism) throws Exception {
        List<String> lines = captureLines(false, parallelism, env -> source(env).print());

        List<String> expected = new ArrayList<>();
        for (String line : lines) {
            assertThat(line).matches("[1-" + parallelism + "]> [0-9]+\\|record [0-9]+");
            int printed = Integer.parseInt(line.substring(0, line.indexOf('>')));
            int subtask =
                    Integer.parseInt(line.substring(line.indexOf("> ") + 2, line.indexOf('|')));
            assertThat(printed).as(line).isEqualTo(subtask + 1);
            expected.add(line.substring(line.indexOf('|') + 1));
        }
        assertSameMultiset(expected, records());
    }

    @Test
    void withAnIdentifierAtParallelismOne() throws Exception {
        List<String> lines =
                captureLines(false, 1, env -> env.fromElements("x", "y").print("ident"));
        assertThat(lines).containsExactly("ident> x", "ident> y");
    }

    @Test
    void withAnIdentifierWhenParallel() throws Exception {
        List<String> lines = captureLines(false, 2, env -> source(env).print("ident"));
        assertThat(lines).hasSize(N);
        for (String line : lines) {
            int subtask =
                    Integer.parseInt(line.substring(line.indexOf("> ") + 2, line.indexOf('|')));
            assertThat(line).startsWith("ident:" + (subtask + 1) + "> " + subtask + "|record ");
        }
    }

    @Test
    void printToErrWritesToStandardError() throws Exception {
        List<String> lines = captureLines(true, 2, env -> source(env).printToErr());
        assertThat(lines).hasSize(N);
        assertThat(lines)
                .allSatisfy(line -> assertThat(line).matches("[12]> [01]\\|record [0-9]+"));
    }
}

package dev.brook.streaming.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backpressure keeps memory bounded: 2 million records of 1 KB (2 GB) flow from a fast source to a
 * slow sink in a child JVM with a 64 MB heap. If records queued up anywhere without bound, the
 * child would run out of memory (and exit at once, thanks to {@code -XX:+ExitOnOutOfMemoryError}).
 */
class BackpressureITCase {

    private static final long RECORDS = 2_000_000;
    private static final long HEAP_LIMIT_BYTES = 64L << 20;

    /**
     * Retained heap must stay at half the heap or less: network buffers are ~10% of it, and a
     * healthy run retains about 12 MB in total.
     */
    private static final long LIVE_HEAP_BOUND_BYTES = 32L << 20;

    /** Generous: the job needs seconds, but the machine is shared. */
    private static final long CHILD_DEADLINE_MINUTES = 10;

    @TempDir Path tmp;

    @Test
    void aSlowSinkThrottlesAFastSourceInBoundedMemory() throws Exception {
        Path output = tmp.resolve("child.log");
        Process child =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-Xmx" + (HEAP_LIMIT_BYTES >> 20) + "m",
                                "-XX:+UseSerialGC",
                                "-XX:+ExitOnOutOfMemoryError",
                                "-cp",
                                System.getProperty("java.class.path"),
                                BackpressureJob.class.getName(),
                                Long.toString(RECORDS))
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile())
                        .start();
        boolean exited = child.waitFor(CHILD_DEADLINE_MINUTES, TimeUnit.MINUTES);
        if (!exited) {
            child.destroyForcibly().waitFor();
        }
        String log = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(exited)
                .as(
                        "child finished within %d minutes; its output:%n%s",
                        CHILD_DEADLINE_MINUTES, tail(log))
                .isTrue();
        assertThat(child.exitValue()).as("child exit code; its output:%n%s", tail(log)).isZero();
        assertThat(log).doesNotContain("OutOfMemoryError");
        assertThat(value(log, BackpressureJob.RECORDS)).isEqualTo(RECORDS);
        assertThat(value(log, BackpressureJob.SAMPLES)).as("heap samples").isPositive();
        assertThat(value(log, BackpressureJob.PEAK_LIVE_HEAP))
                .as("peak live heap of the child")
                .isPositive()
                .isLessThan(LIVE_HEAP_BOUND_BYTES);
    }

    private static long value(String log, String prefix) {
        for (String line : log.split("\\R")) {
            if (line.startsWith(prefix)) {
                return Long.parseLong(line.substring(prefix.length()).trim());
            }
        }
        throw new AssertionError(
                "The child printed no line '" + prefix + "...'; its output:\n" + tail(log));
    }

    private static String tail(String log) {
        List<String> lines = List.of(log.split("\\R"));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}

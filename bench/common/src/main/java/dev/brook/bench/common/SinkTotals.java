package dev.brook.bench.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * What the benchmark sinks saw, summed over all parallel sink instances of the job that ran last.
 *
 * <p>Each sink writer counts in plain fields on its task thread and adds them here once, when it is
 * closed, so the per-record path has no shared state. When the local cluster runs in the
 * benchmark's JVM, a static is visible to the harness after {@code execute()} returns. When the job
 * runs on a cluster of other processes ({@code --totals-dir}), each writer instead leaves one small
 * file in a directory the sink was built with, and the harness sums the files.
 */
public final class SinkTotals {

    private static final AtomicLong RECORDS = new AtomicLong();
    private static final AtomicLong CHECKSUM = new AtomicLong();
    private static volatile String directory;

    private SinkTotals() {}

    /** Where sinks built from now on leave their totals; {@code null} for this JVM's statics. */
    static void useDirectory(String dir) {
        directory = dir;
    }

    /** The directory a sink built now should carry to its writers, or {@code null}. */
    public static String directory() {
        return directory;
    }

    /**
     * Called once per sink writer, from its task thread, when the writer closes; {@code dir} is
     * what {@link #directory()} returned when the sink was built.
     */
    public static void add(String dir, long records, long checksum) {
        if (dir == null) {
            RECORDS.addAndGet(records);
            CHECKSUM.addAndGet(checksum);
            return;
        }
        try {
            Files.writeString(
                    Path.of(dir, UUID.randomUUID() + ".totals"),
                    records + " " + checksum,
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void reset() {
        RECORDS.set(0);
        CHECKSUM.set(0);
        for (Path f : files()) {
            try {
                Files.delete(f);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static long records() {
        return directory == null ? RECORDS.get() : sumOfFiles(0);
    }

    static long checksum() {
        return directory == null ? CHECKSUM.get() : sumOfFiles(1);
    }

    private static long sumOfFiles(int field) {
        long sum = 0;
        for (Path f : files()) {
            try {
                sum +=
                        Long.parseLong(
                                Files.readString(f, StandardCharsets.UTF_8).split(" ")[field]);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sum;
    }

    private static List<Path> files() {
        if (directory == null) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(Path.of(directory))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".totals")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

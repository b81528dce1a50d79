package dev.brook.connector.file.src;

import static dev.brook.test.util.SourceTestDriver.readRestoringAfter;
import static dev.brook.test.util.SourceTestDriver.readUninterrupted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brook.connector.file.src.reader.TextLineInputFormat;
import dev.brook.connector.file.src.util.CheckpointedPosition;
import dev.brook.core.fs.Path;
import dev.brook.core.io.SimpleVersionedSerializer;
import dev.brook.test.util.SourceTestDriver;
import dev.brook.test.util.SourceTestDriver.Snapshot;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints of {@link FileSource}: the readers' positions in files of every kind (LF, CRLF,
 * multi-byte UTF-8, gzip, a charset without offsets) and the enumerator's pending splits and, when
 * monitoring continuously, the paths it has seen.
 */
class FileSourceTest {

    /** Restores after every poll of the reader: inside each file, and between files. */
    static final long[] AFTER_EVERY_POLL = new long[24];

    static {
        java.util.Arrays.fill(AFTER_EVERY_POLL, 1);
    }

    @TempDir java.nio.file.Path dir;

    static List<String> lines(String prefix, int count) {
        // Lengths vary, some lines are empty, and characters take one to four bytes in UTF-8.
        String[] extras = {"", "ä", "€uro", "日本語のテキスト", "😀 emoji", "x".repeat(40)};
        return IntStream.range(0, count)
                .mapToObj(i -> i % 17 == 5 ? "" : prefix + "-" + i + extras[i % extras.length])
                .toList();
    }

    void write(String name, List<String> lines, String terminator, boolean finalTerminator)
            throws IOException {
        write(name, lines, terminator, finalTerminator, StandardCharsets.UTF_8);
    }

    void write(
            String name,
            List<String> lines,
            String terminator,
            boolean finalTerminator,
            Charset charset)
            throws IOException {
        String text = String.join(terminator, lines) + (finalTerminator ? terminator : "");
        byte[] bytes = text.getBytes(charset);
        java.nio.file.Path file = dir.resolve(name);
        try (OutputStream out =
                name.endsWith(".gz")
                        ? new GZIPOutputStream(Files.newOutputStream(file))
                        : Files.newOutputStream(file)) {
            out.write(bytes);
        }
    }

    FileSource<String> bounded() {
        return FileSource.forRecordStreamFormat(new TextLineInputFormat(), new Path(dir.toString()))
                .build();
    }

    FileSource<String> continuous() {
        return FileSource.forRecordStreamFormat(new TextLineInputFormat(), new Path(dir.toString()))
                .monitorContinuously(Duration.ofSeconds(1))
                .build();
    }

    /** Files read in name order: LF, CRLF, multi-byte UTF-8 without a final newline, gzip. */
    List<String> writeMixedFiles() throws IOException {
        List<String> plain = lines("plain", 700);
        List<String> crlf = lines("crlf", 600);
        List<String> utf8 = lines("utf8-äö€😀", 650);
        List<String> gz = lines("gz", 800);
        write("a-plain.txt", plain, "\n", true);
        write("b-crlf.txt", crlf, "\r\n", true);
        write("c-utf8.txt", utf8, "\n", false);
        write("d-lines.gz", gz, "\r\n", true);
        List<String> all = new ArrayList<>();
        all.addAll(plain);
        all.addAll(crlf);
        all.addAll(utf8);
        all.addAll(gz);
        return all;
    }

    @Test
    void anUninterruptedReadEmitsEveryLineOfEveryFileOnce() throws Exception {
        List<String> expected = writeMixedFiles();
        assertThat(readUninterrupted(bounded())).isEqualTo(expected);
    }

    @Test
    void restoringAfterEveryPollInsidePlainCrlfUtf8AndGzipFilesEmitsExactlyTheRest()
            throws Exception {
        List<String> expected = writeMixedFiles();
        assertThat(readRestoringAfter(bounded(), AFTER_EVERY_POLL)).isEqualTo(expected);
    }

    @Test
    void aCharsetWithoutOffsetsIsRestoredByCountingLines() throws Exception {
        List<String> utf16 = lines("utf16-€😀", 900);
        write("utf16.txt", utf16, "\r\n", false, StandardCharsets.UTF_16);
        FileSource<String> source =
                FileSource.forRecordStreamFormat(
                                new TextLineInputFormat("UTF-16"), new Path(dir.toString()))
                        .build();
        assertThat(readRestoringAfter(source, AFTER_EVERY_POLL)).isEqualTo(utf16);
    }

    @Test
    void restoringAtTheStartAndAtTheEndLosesAndRepeatsNothing() throws Exception {
        List<String> expected = writeMixedFiles();
        assertThat(readRestoringAfter(bounded(), 0)).isEqualTo(expected);
        // After the end the enumerator's checkpoint is empty: the restored one must not list the
        // directory again.
        assertThat(readRestoringAfter(bounded(), expected.size(), expected.size()))
                .isEqualTo(expected);
    }

    @Test
    void readersCheckpointByteOffsetsAndGzipReadersDecompressedOffsets() throws Exception {
        List<String> lines = lines("x", 300);
        write("a.txt", lines, "\r\n", true);
        write("b.gz", lines, "\r\n", true);
        long afterFirstPoll =
                String.join("\r\n", lines.subList(0, 256)).getBytes(StandardCharsets.UTF_8).length
                        + 2;
        try (SourceTestDriver<String, FileSourceSplit, PendingSplitsCheckpoint<FileSourceSplit>>
                driver = SourceTestDriver.start(bounded(), 1)) {
            driver.read(0, 1);
            assertThat(driver.reader(0).snapshotState(1))
                    .singleElement()
                    .extracting(s -> s.getReaderPosition().orElseThrow())
                    .isEqualTo(new CheckpointedPosition(afterFirstPoll, 0));
            driver.read(0, 300);
            assertThat(driver.reader(0).snapshotState(2))
                    .singleElement()
                    .satisfies(s -> assertThat(s.path()).endsWith("b.gz"))
                    .extracting(s -> s.getReaderPosition().orElseThrow())
                    .isEqualTo(new CheckpointedPosition(afterFirstPoll, 0));
        }
    }

    @Test
    void aSnapshotDoesNotChangeWhenTheReaderGoesOn() throws Exception {
        writeMixedFiles();
        FileSource<String> source = bounded();
        try (SourceTestDriver<String, FileSourceSplit, PendingSplitsCheckpoint<FileSourceSplit>>
                driver = SourceTestDriver.start(source, 1)) {
            driver.read(0, 1);
            List<FileSourceSplit> snapshot = driver.reader(0).snapshotState(1);
            List<FileSourceSplit> copy = List.copyOf(snapshot);
            driver.read(0, 1000);
            assertThat(snapshot).isEqualTo(copy);
        }
    }

    @Test
    void aFileShortenedAfterTheCheckpointFailsTheRestoreWithAClearMessage() throws Exception {
        write("a.txt", lines("x", 700), "\n", true);
        FileSource<String> source = bounded();
        Snapshot snapshot;
        try (SourceTestDriver<String, FileSourceSplit, PendingSplitsCheckpoint<FileSourceSplit>>
                driver = SourceTestDriver.start(source, 1)) {
            driver.read(0, 1);
            snapshot = driver.snapshot(1);
        }
        try (RandomAccessFile file = new RandomAccessFile(dir.resolve("a.txt").toFile(), "rw")) {
            file.setLength(100);
        }
        try (SourceTestDriver<String, FileSourceSplit, PendingSplitsCheckpoint<FileSourceSplit>>
                driver = SourceTestDriver.restore(source, snapshot)) {
            assertThatThrownBy(() -> driver.readAll(0))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("a.txt")
                    .hasMessageContaining("shorter than the checkpointed offset");
        }
    }

    @Test
    void aRestoredContinuousSourceReadsFilesAddedAfterTheCheckpointAndNoFileTwice()
            throws Exception {
        List<String> a = lines("a", 300);
        List<String> b = lines("b", 200);
        List<String> c = lines("c", 100);
        write("a.txt", a, "\n", true);
        write("b.txt", b, "\n", true);
        FileSource<String> source = continuous();
        List<String> emitted = new ArrayList<>();
        Snapshot snapshot;
        try (SourceTestDriver<String, FileSourceSplit, PendingSplitsCheckpoint<FileSourceSplit>>
                driver = SourceTestDriver.start(source, 1)) {
            emitted.addAll(driver.read(0, 1));
            snapshot = driver.snapshot(1);
        }
        write("c.txt", c, "\n", true);
        try (SourceTestDriver<String, FileSourceSplit, PendingSplitsCheckpoint<FileSourceSplit>>
                driver = SourceTestDriver.restore(source, snapshot)) {
            emitted.addAll(driver.readAll(0));
            driver.runPeriodicCalls();
            emitted.addAll(driver.readAll(0));
            driver.runPeriodicCalls();
            emitted.addAll(driver.readAll(0));
        }
        assertThat(emitted).isEqualTo(concat(a, b, c));
    }

    @Test
    void aPeriodicListingThatFailsIsRetriedNotFatal() throws Exception {
        List<String> a = lines("a", 50);
        List<String> b = lines("b", 40);
        write("a.txt", a, "\n", true);
        FileSource<String> source = continuous();
        List<String> emitted = new ArrayList<>();
        try (SourceTestDriver<String, FileSourceSplit, PendingSplitsCheckpoint<FileSourceSplit>>
                driver = SourceTestDriver.start(source, 1)) {
            emitted.addAll(driver.readAll(0));
            // The monitored directory vanishes for a while (say, it is being replaced).
            Files.delete(dir.resolve("a.txt"));
            Files.delete(dir);
            driver.runPeriodicCalls();
            Files.createDirectory(dir);
            write("b.txt", b, "\n", true);
            driver.runPeriodicCalls();
            emitted.addAll(driver.readAll(0));
        }
        assertThat(emitted).isEqualTo(concat(a, b));
    }

    @Test
    void aContinuousCheckpointHoldsDiscoveredPendingFilesAndAllPathsSeen() throws Exception {
        List<String> a = lines("a", 300);
        List<String> b = lines("b", 200);
        List<String> c = lines("c", 100);
        write("a.txt", a, "\n", true);
        FileSource<String> source = continuous();
        List<String> emitted = new ArrayList<>();
        Snapshot snapshot;
        try (SourceTestDriver<String, FileSourceSplit, PendingSplitsCheckpoint<FileSourceSplit>>
                driver = SourceTestDriver.start(source, 1)) {
            emitted.addAll(driver.read(0, 1));
            write("b.txt", b, "\n", true);
            driver.runPeriodicCalls();
            snapshot = driver.snapshot(1);
        }
        PendingSplitsCheckpoint<FileSourceSplit> checkpoint =
                source.getEnumeratorCheckpointSerializer()
                        .deserialize(snapshot.enumeratorVersion(), snapshot.enumeratorState());
        assertThat(checkpoint.getSplits())
                .singleElement()
                .satisfies(s -> assertThat(s.path()).endsWith("b.txt"));
        assertThat(checkpoint.getAlreadyProcessedPaths())
                .extracting(Path::getName)
                .containsExactly("a.txt", "b.txt");

        write("c.txt", c, "\n", true);
        try (SourceTestDriver<String, FileSourceSplit, PendingSplitsCheckpoint<FileSourceSplit>>
                driver = SourceTestDriver.restore(source, snapshot)) {
            emitted.addAll(driver.readAll(0));
            driver.runPeriodicCalls();
            emitted.addAll(driver.readAll(0));
            // Snapshot at the very end and restore again: nothing is read a second time.
            snapshot = driver.snapshot(2);
        }
        try (SourceTestDriver<String, FileSourceSplit, PendingSplitsCheckpoint<FileSourceSplit>>
                driver = SourceTestDriver.restore(source, snapshot)) {
            emitted.addAll(driver.readAll(0));
            driver.runPeriodicCalls();
            emitted.addAll(driver.readAll(0));
        }
        assertThat(emitted).isEqualTo(concat(a, b, c));
    }

    @Test
    void splitsGivenBackGoToAWaitingReader() throws Exception {
        List<String> a = lines("a", 10);
        write("a.txt", a, "\n", true);
        try (SourceTestDriver<String, FileSourceSplit, PendingSplitsCheckpoint<FileSourceSplit>>
                driver = SourceTestDriver.start(continuous(), 2)) {
            driver.deliverMessages();
            int holder = driver.reader(0).snapshotState(1).isEmpty() ? 1 : 0;
            List<FileSourceSplit> held = driver.reader(holder).snapshotState(1);
            assertThat(held).hasSize(1);
            // The other reader is waiting for files; the failed reader's split goes to it.
            driver.enumerator().addSplitsBack(held, holder);
            driver.deliverMessages();
            assertThat(driver.readAll(1 - holder)).isEqualTo(a);
        }
    }

    @Test
    void serializersRoundTripAndRejectOtherVersions() throws Exception {
        FileSource<String> source = bounded();
        SimpleVersionedSerializer<FileSourceSplit> splits = source.getSplitSerializer();
        FileSourceSplit fresh = new FileSourceSplit("file-1", "/data/ä €/x.txt");
        FileSourceSplit offset =
                fresh.updateWithCheckpointedPosition(new CheckpointedPosition(7, 0));
        FileSourceSplit counted =
                fresh.updateWithCheckpointedPosition(
                        new CheckpointedPosition(CheckpointedPosition.NO_OFFSET, 12));
        for (FileSourceSplit split : List.of(fresh, offset, counted)) {
            assertThat(splits.deserialize(splits.getVersion(), splits.serialize(split)))
                    .isEqualTo(split);
        }
        assertThatThrownBy(() -> splits.deserialize(1, splits.serialize(fresh)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("FileSourceSplit of serializer version 1");

        SimpleVersionedSerializer<PendingSplitsCheckpoint<FileSourceSplit>> checkpoints =
                source.getEnumeratorCheckpointSerializer();
        PendingSplitsCheckpoint<FileSourceSplit> checkpoint =
                PendingSplitsCheckpoint.fromCollectionSnapshot(
                        List.of(fresh, counted), List.of(new Path("/data/a"), new Path("/b")));
        PendingSplitsCheckpoint<FileSourceSplit> restored =
                checkpoints.deserialize(
                        checkpoints.getVersion(), checkpoints.serialize(checkpoint));
        assertThat(restored.getSplits()).containsExactly(fresh, counted);
        assertThat(restored.getAlreadyProcessedPaths())
                .containsExactly(new Path("/data/a"), new Path("/b"));
        assertThatThrownBy(() -> checkpoints.deserialize(1, checkpoints.serialize(checkpoint)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("version 1");
    }

    @SafeVarargs
    static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return all;
    }
}

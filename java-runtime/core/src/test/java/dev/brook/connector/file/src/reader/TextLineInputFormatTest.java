package dev.brook.connector.file.src.reader;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brook.connector.file.src.util.CheckpointedPosition;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The text line reader finds line ends in bytes yet reads the lines {@link BufferedReader} reads,
 * and can resume at every offset it reports: after LF, CR and CRLF, after multi-byte characters,
 * and wherever the buffer's edges fall.
 */
class TextLineInputFormatTest {

    static final List<String> TEXTS =
            List.of(
                    "",
                    "one line",
                    "ends with LF\n",
                    "a\nb\n\nc",
                    "crlf\r\nlines\r\n\r\nend\r\n",
                    "cr\ronly\r\rend",
                    "mixed\n\r\n\r\n\n\r",
                    "\r\n",
                    "\n\n\n",
                    "utf-8: äöü €uro 日本語\n😀 four bytes 😀\r\nlast ü",
                    "€\r€\n€\r\n😀\r\n\r\n",
                    "\uFEFFbyte order mark\n");

    static final int[] BUFFER_SIZES = {1, 2, 3, 4, 5, 7, 16, 1 << 16};

    static List<String> bufferedReaderLines(byte[] bytes, Charset charset) throws IOException {
        BufferedReader reader =
                new BufferedReader(new InputStreamReader(new ByteArrayInputStream(bytes), charset));
        List<String> lines = new ArrayList<>();
        for (String line; (line = reader.readLine()) != null; ) {
            lines.add(line);
        }
        return lines;
    }

    /** A stream that returns at most one byte per read, like a slow network file system. */
    static InputStream trickle(byte[] bytes, int from) {
        return new ByteArrayInputStream(bytes, from, bytes.length - from) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
    }

    @Test
    void readsTheLinesBufferedReaderReadsAndResumesAtEveryReportedOffset() throws IOException {
        for (String text : TEXTS) {
            for (Charset charset : List.of(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1)) {
                byte[] bytes = text.getBytes(charset);
                List<String> expected = bufferedReaderLines(bytes, charset);
                for (int bufferSize : BUFFER_SIZES) {
                    for (boolean trickle : new boolean[] {false, true}) {
                        String situation =
                                "text '"
                                        + text.replace("\r", "\\r").replace("\n", "\\n")
                                        + "' in "
                                        + charset
                                        + ", buffer "
                                        + bufferSize
                                        + (trickle ? ", one byte per read" : "");
                        checkReadAndResume(
                                bytes, charset, bufferSize, trickle, expected, situation);
                    }
                }
            }
        }
    }

    private static void checkReadAndResume(
            byte[] bytes,
            Charset charset,
            int bufferSize,
            boolean trickle,
            List<String> expected,
            String situation)
            throws IOException {
        OffsetTrackingLineReader reader =
                new OffsetTrackingLineReader(
                        trickle ? trickle(bytes, 0) : new ByteArrayInputStream(bytes),
                        charset,
                        0,
                        bufferSize);
        List<String> lines = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        offsets.add(reader.getCheckpointedPosition().getOffset());
        for (String line; (line = reader.read()) != null; ) {
            lines.add(line);
            CheckpointedPosition position = reader.getCheckpointedPosition();
            assertThat(position.getRecordsAfterOffset()).as(situation).isZero();
            offsets.add(position.getOffset());
        }
        assertThat(lines).as(situation).isEqualTo(expected);
        assertThat(offsets.get(offsets.size() - 1)).as(situation).isEqualTo(bytes.length);

        for (int k = 0; k < offsets.size(); k++) {
            int offset = Math.toIntExact(offsets.get(k));
            OffsetTrackingLineReader resumed =
                    new OffsetTrackingLineReader(
                            trickle
                                    ? trickle(bytes, offset)
                                    : new ByteArrayInputStream(
                                            bytes, offset, bytes.length - offset),
                            charset,
                            offset,
                            bufferSize);
            List<String> rest = new ArrayList<>();
            for (String line; (line = resumed.read()) != null; ) {
                rest.add(line);
            }
            assertThat(rest)
                    .as(situation + ", resumed after line " + k + " at offset " + offset)
                    .isEqualTo(expected.subList(k, expected.size()));
            assertThat(resumed.getCheckpointedPosition().getOffset())
                    .as(situation)
                    .isEqualTo(bytes.length);
        }
    }

    @Test
    void restoreReaderReportsOffsetsFromTheFileStart() throws IOException {
        byte[] bytes = "first\r\nzweite Zeile ä\r\nthird".getBytes(StandardCharsets.UTF_8);
        int offset = "first\r\n".length();
        StreamFormat.Reader<String> reader =
                new TextLineInputFormat()
                        .restoreReader(
                                new ByteArrayInputStream(bytes, offset, bytes.length - offset),
                                offset);
        assertThat(reader.read()).isEqualTo("zweite Zeile ä");
        assertThat(reader.getCheckpointedPosition())
                .isEqualTo(
                        new CheckpointedPosition(
                                "first\r\nzweite Zeile ä\r\n"
                                        .getBytes(StandardCharsets.UTF_8)
                                        .length,
                                0));
        assertThat(reader.read()).isEqualTo("third");
        assertThat(reader.read()).isNull();
    }

    @Test
    void charsetsWhoseCharactersMayContainLineEndBytesReportNoOffsets() throws IOException {
        assertThat(OffsetTrackingLineReader.canFindLineEndsInBytes(StandardCharsets.UTF_8))
                .isTrue();
        assertThat(OffsetTrackingLineReader.canFindLineEndsInBytes(StandardCharsets.US_ASCII))
                .isTrue();
        assertThat(OffsetTrackingLineReader.canFindLineEndsInBytes(StandardCharsets.ISO_8859_1))
                .isTrue();
        assertThat(OffsetTrackingLineReader.canFindLineEndsInBytes(Charset.forName("windows-1252")))
                .isTrue();
        for (Charset charset :
                List.of(
                        StandardCharsets.UTF_16,
                        StandardCharsets.UTF_16LE,
                        Charset.forName("UTF-32"),
                        Charset.forName("Shift_JIS"))) {
            assertThat(OffsetTrackingLineReader.canFindLineEndsInBytes(charset))
                    .as(charset.name())
                    .isFalse();
        }

        byte[] bytes = "a\nb\n".getBytes(StandardCharsets.UTF_16);
        StreamFormat.Reader<String> reader =
                new TextLineInputFormat("UTF-16").createReader(new ByteArrayInputStream(bytes));
        assertThat(reader.read()).isEqualTo("a");
        assertThat(reader.getCheckpointedPosition()).isNull();
        assertThat(reader.read()).isEqualTo("b");
        assertThat(reader.read()).isNull();
    }
}

package dev.brook.connector.file.src.reader;

import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.common.typeinfo.Types;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Reads a text file line by line (without line terminators), UTF-8 unless told otherwise.
 *
 * <p>In UTF-8, ASCII and single-byte charsets a reader knows the byte offset of its next line, so a
 * restore seeks there. In other charsets (UTF-16, multi-byte Asian charsets) a line end's bytes may
 * occur inside a character, so lines are decoded first and a restore counts lines from the start.
 */
public class TextLineInputFormat implements StreamFormat<String> {

    private static final long serialVersionUID = 1L;

    private final String charsetName;

    public TextLineInputFormat() {
        this(StandardCharsets.UTF_8.name());
    }

    public TextLineInputFormat(String charsetName) {
        Charset.forName(charsetName);
        this.charsetName = charsetName;
    }

    @Override
    public Reader<String> createReader(InputStream stream) {
        Charset charset = Charset.forName(charsetName);
        if (OffsetTrackingLineReader.canFindLineEndsInBytes(charset)) {
            return new OffsetTrackingLineReader(stream, charset, 0);
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(stream, charset), 1 << 16);
        return new Reader<>() {
            @Override
            public String read() throws IOException {
                return reader.readLine();
            }

            @Override
            public void close() throws IOException {
                reader.close();
            }
        };
    }

    /** Called only for readers that reported offsets: those of {@link OffsetTrackingLineReader}. */
    @Override
    public Reader<String> restoreReader(InputStream stream, long restoredOffset) {
        return new OffsetTrackingLineReader(stream, Charset.forName(charsetName), restoredOffset);
    }

    @Override
    public TypeInformation<String> getProducedType() {
        return Types.STRING;
    }
}

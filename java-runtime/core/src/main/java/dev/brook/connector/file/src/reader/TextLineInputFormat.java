package dev.brook.connector.file.src.reader;

import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.common.typeinfo.Types;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Reads a text file line by line (without line terminators), UTF-8 unless told otherwise. */
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
        BufferedReader reader =
                new BufferedReader(
                        new InputStreamReader(stream, Charset.forName(charsetName)), 1 << 16);
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

    @Override
    public TypeInformation<String> getProducedType() {
        return Types.STRING;
    }
}

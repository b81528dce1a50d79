package dev.brook.connector.file.sink;

import dev.brook.api.common.serialization.Encoder;
import dev.brook.api.java.tuple.Tuple;
import dev.brook.types.Row;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes tuples and rows as CSV lines (RFC 4180): fields separated by {@code ,}, quoted when they
 * contain a separator, quote or line break. Other records are written as one field.
 */
public class CsvRowEncoder<IN> implements Encoder<IN> {

    private static final long serialVersionUID = 1L;

    private final char separator;

    public CsvRowEncoder() {
        this(',');
    }

    public CsvRowEncoder(char separator) {
        this.separator = separator;
    }

    @Override
    public void encode(IN element, OutputStream stream) throws IOException {
        StringBuilder line = new StringBuilder();
        if (element instanceof Tuple t) {
            for (int i = 0; i < t.getArity(); i++) {
                appendField(line, i, t.getField(i));
            }
        } else if (element instanceof Row r) {
            for (int i = 0; i < r.getArity(); i++) {
                appendField(line, i, r.getField(i));
            }
        } else {
            appendField(line, 0, element);
        }
        line.append('\n');
        stream.write(line.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void appendField(StringBuilder line, int index, Object value) {
        if (index > 0) {
            line.append(separator);
        }
        if (value == null) {
            return;
        }
        String s = value.toString();
        boolean quote =
                s.indexOf(separator) >= 0
                        || s.indexOf('"') >= 0
                        || s.indexOf('\n') >= 0
                        || s.indexOf('\r') >= 0;
        if (quote) {
            line.append('"').append(s.replace("\"", "\"\"")).append('"');
        } else {
            line.append(s);
        }
    }
}

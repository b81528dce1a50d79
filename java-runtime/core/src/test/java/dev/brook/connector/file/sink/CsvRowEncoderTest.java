package dev.brook.connector.file.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brook.api.java.tuple.Tuple1;
import dev.brook.api.java.tuple.Tuple2;
import dev.brook.api.java.tuple.Tuple3;
import dev.brook.types.Row;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RFC 4180 output of {@link CsvRowEncoder}: quote only when needed, double inner quotes. */
class CsvRowEncoderTest {

    private static <T> String encode(CsvRowEncoder<T> encoder, T record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        encoder.encode(record, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static <T> String encode(T record) throws IOException {
        return encode(new CsvRowEncoder<>(), record);
    }

    @Test
    void plainFieldsAreWrittenAsTheyAre() throws IOException {
        assertThat(encode(Tuple3.of("a", 1, 2.5))).isEqualTo("a,1,2.5\n");
        assertThat(encode(Tuple1.of(" spaced "))).isEqualTo(" spaced \n");
        assertThat(encode(Tuple2.of("\u00e9t\u00e9", "\u20ac")))
                .isEqualTo("\u00e9t\u00e9,\u20ac\n");
    }

    @Test
    void fieldsWithTheSeparatorAreQuoted() throws IOException {
        assertThat(encode(Tuple2.of("x,y", "z"))).isEqualTo("\"x,y\",z\n");
        assertThat(encode(Tuple1.of(","))).isEqualTo("\",\"\n");
    }

    @Test
    void quotesAreDoubledInsideQuotedFields() throws IOException {
        assertThat(encode(Tuple2.of("say \"hi\"", "ok"))).isEqualTo("\"say \"\"hi\"\"\",ok\n");
        assertThat(encode(Tuple1.of("\""))).isEqualTo("\"\"\"\"\n");
    }

    @Test
    void lineBreaksAreQuoted() throws IOException {
        assertThat(encode(Tuple2.of("two\nlines", "b"))).isEqualTo("\"two\nlines\",b\n");
        assertThat(encode(Tuple2.of("cr\rhere", "b"))).isEqualTo("\"cr\rhere\",b\n");
        assertThat(encode(Tuple1.of("crlf\r\n"))).isEqualTo("\"crlf\r\n\"\n");
    }

    @Test
    void nullFieldsAreEmpty() throws IOException {
        assertThat(encode(Tuple3.of("a", null, "b"))).isEqualTo("a,,b\n");
        assertThat(encode(Tuple2.of(null, null))).isEqualTo(",\n");
    }

    @Test
    void rowsAreWrittenFieldByField() throws IOException {
        assertThat(encode(Row.of("r", 5, null, "q\"uote"))).isEqualTo("r,5,,\"q\"\"uote\"\n");
    }

    @Test
    void otherRecordsAreOneField() throws IOException {
        assertThat(encode("plain")).isEqualTo("plain\n");
        assertThat(encode("a,b")).isEqualTo("\"a,b\"\n");
        assertThat(encode(42L)).isEqualTo("42\n");
    }

    @Test
    void aCustomSeparatorIsUsedAndQuotedInsteadOfTheComma() throws IOException {
        CsvRowEncoder<Tuple3<String, String, Integer>> semicolon = new CsvRowEncoder<>(';');
        assertThat(encode(semicolon, Tuple3.of("a,b", "c;d", 7))).isEqualTo("a,b;\"c;d\";7\n");
    }
}

package dev.brook.api.common.typeutils.base;

import static dev.brook.api.common.typeutils.SerializerChecks.roundTrip;
import static dev.brook.api.common.typeutils.SerializerChecks.toBytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.brook.api.common.typeutils.SerializerChecks;
import dev.brook.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StringSerializerTest {

    private final StringSerializer serializer = StringSerializer.INSTANCE;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "a",
                "hello",
                "Grüße aus Köln",
                "日本語のテキスト",
                "emoji \uD83D\uDE00 and \uD83C\uDF89",
                "\u0000 nul and \u007F del and \u0080 and \u07FF and \u0800 and \uFFFF",
                "lone surrogates \uD800 and \uDC00"
            })
    void roundTripsText(String text) {
        assertThat(roundTrip(serializer, text)).isEqualTo(text);
    }

    @Test
    void roundTripsNull() {
        assertThat(roundTrip(serializer, null)).isNull();
        assertThat(toBytes(serializer, null)).containsExactly(0);
    }

    @Test
    void roundTripsLongStrings() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            sb.append((char) (i % 0xD000));
        }
        String text = sb.toString();
        assertThat(roundTrip(serializer, text)).isEqualTo(text);
    }

    @Test
    void writesTheFormOfWriteStringCompact() {
        String text = "ascii, ü, \u20AC, \uD83D\uDE00";
        DataOutputSerializer out = new DataOutputSerializer(8);
        out.writeStringCompact(text);
        assertThat(toBytes(serializer, text)).isEqualTo(out.toByteArray());
    }

    @Test
    void asciiCostsOneByteAChar() {
        assertThat(toBytes(serializer, "hello")).hasSize(1 + 5);
    }

    @Test
    void isAStatelessSingleton() {
        assertThat(serializer.duplicate()).isSameAs(serializer);
        assertThat(serializer.isImmutableType()).isTrue();
        SerializerChecks.checkShippable(serializer, "x");
    }
}

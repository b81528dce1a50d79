package dev.brook.api.common.typeutils.base;

import static dev.brook.api.common.typeutils.SerializerChecks.checkShippable;
import static dev.brook.api.common.typeutils.SerializerChecks.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brook.api.common.typeutils.SerializerChecks;
import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.api.common.typeutils.base.array.BooleanPrimitiveArraySerializer;
import dev.brook.api.common.typeutils.base.array.BytePrimitiveArraySerializer;
import dev.brook.api.common.typeutils.base.array.CharPrimitiveArraySerializer;
import dev.brook.api.common.typeutils.base.array.DoublePrimitiveArraySerializer;
import dev.brook.api.common.typeutils.base.array.FloatPrimitiveArraySerializer;
import dev.brook.api.common.typeutils.base.array.IntPrimitiveArraySerializer;
import dev.brook.api.common.typeutils.base.array.LongPrimitiveArraySerializer;
import dev.brook.api.common.typeutils.base.array.ShortPrimitiveArraySerializer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Date;
import org.junit.jupiter.api.Test;

class BasicSerializersTest {

    @SafeVarargs
    private static <T> void roundTripAll(TypeSerializer<T> serializer, T... values) {
        for (T value : values) {
            roundTrip(serializer, value);
        }
        checkShippable(serializer, values[0]);
        assertThat(serializer.duplicate()).isSameAs(serializer);
    }

    @Test
    void boxedPrimitives() {
        roundTripAll(IntSerializer.INSTANCE, 0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE);
        roundTripAll(LongSerializer.INSTANCE, 0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE);
        roundTripAll(ShortSerializer.INSTANCE, (short) 0, Short.MIN_VALUE, Short.MAX_VALUE);
        roundTripAll(ByteSerializer.INSTANCE, (byte) 0, Byte.MIN_VALUE, Byte.MAX_VALUE);
        roundTripAll(BooleanSerializer.INSTANCE, true, false);
        roundTripAll(
                DoubleSerializer.INSTANCE,
                0.0,
                -0.0,
                Math.PI,
                Double.NaN,
                Double.NEGATIVE_INFINITY,
                Double.MIN_VALUE);
        roundTripAll(FloatSerializer.INSTANCE, 0f, 1.5f, Float.NaN, Float.MAX_VALUE);
        roundTripAll(CharSerializer.INSTANCE, 'a', '\u0000', '\uFFFF', 'ß');
    }

    @Test
    void boxedPrimitivesRejectNullNamingTheType() {
        assertThatThrownBy(() -> SerializerChecks.toBytes(IntSerializer.INSTANCE, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("Integer")
                .hasMessageContaining("Row or a POJO");
        assertThatThrownBy(() -> SerializerChecks.toBytes(LongSerializer.INSTANCE, null))
                .hasMessageContaining("Long");
        assertThatThrownBy(() -> SerializerChecks.toBytes(BooleanSerializer.INSTANCE, null))
                .hasMessageContaining("Boolean");
    }

    @Test
    void voidIsOneByte() {
        assertThat(roundTrip(VoidSerializer.INSTANCE, null)).isNull();
        assertThat(SerializerChecks.toBytes(VoidSerializer.INSTANCE, null)).hasSize(1);
    }

    @Test
    void bigNumbersIncludingNull() {
        roundTripAll(
                BigIntSerializer.INSTANCE,
                BigInteger.ZERO,
                BigInteger.valueOf(Long.MIN_VALUE),
                BigInteger.valueOf(Long.MAX_VALUE),
                BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE),
                BigInteger.TWO.pow(1000).negate(),
                null);
        roundTripAll(
                BigDecSerializer.INSTANCE,
                BigDecimal.ZERO,
                new BigDecimal("123.4500"),
                new BigDecimal("-1E+30"),
                new BigDecimal(BigInteger.TWO.pow(200), 50),
                null);
        // Values that fit a long take the header byte and 8 bytes.
        assertThat(SerializerChecks.toBytes(BigIntSerializer.INSTANCE, BigInteger.TEN)).hasSize(9);
    }

    @Test
    void timeTypesIncludingNull() {
        roundTripAll(
                InstantSerializer.INSTANCE,
                Instant.EPOCH,
                Instant.MIN,
                Instant.MAX,
                Instant.parse("2024-02-29T12:34:56.123456789Z"),
                null);
        roundTripAll(
                LocalDateSerializer.INSTANCE,
                LocalDate.of(2024, 2, 29),
                LocalDate.MIN,
                LocalDate.MAX,
                null);
        roundTripAll(
                LocalTimeSerializer.INSTANCE,
                LocalTime.MIDNIGHT,
                LocalTime.MAX,
                LocalTime.of(13, 14, 15, 16),
                null);
        roundTripAll(
                LocalDateTimeSerializer.INSTANCE,
                LocalDateTime.of(2024, 12, 31, 23, 59, 59, 999_999_999),
                LocalDateTime.MIN,
                LocalDateTime.MAX,
                null);
        roundTripAll(DateSerializer.INSTANCE, new Date(0), new Date(1_700_000_000_123L), null);
        roundTripAll(SqlDateSerializer.INSTANCE, java.sql.Date.valueOf("2024-01-02"), null);
        roundTripAll(SqlTimeSerializer.INSTANCE, java.sql.Time.valueOf("12:34:56"), null);
        Timestamp precise = Timestamp.valueOf("2024-01-02 03:04:05.123456789");
        roundTripAll(SqlTimestampSerializer.INSTANCE, precise, new Timestamp(0), null);
        assertThat(roundTrip(SqlTimestampSerializer.INSTANCE, precise).getNanos())
                .isEqualTo(123456789);
    }

    @Test
    void mutableTimeTypesAreCopied() {
        Date date = new Date(5);
        assertThat(DateSerializer.INSTANCE.copy(date)).isEqualTo(date).isNotSameAs(date);
    }

    @Test
    void primitiveArraysIncludingNullAndEmpty() {
        roundTripAll(IntPrimitiveArraySerializer.INSTANCE, new int[] {1, -2, 3}, new int[0], null);
        roundTripAll(LongPrimitiveArraySerializer.INSTANCE, new long[] {Long.MIN_VALUE, 7}, null);
        roundTripAll(DoublePrimitiveArraySerializer.INSTANCE, new double[] {1.5, Double.NaN}, null);
        roundTripAll(BytePrimitiveArraySerializer.INSTANCE, new byte[] {1, -1, 0}, new byte[0]);
        roundTripAll(BooleanPrimitiveArraySerializer.INSTANCE, new boolean[] {true, false}, null);
        roundTripAll(CharPrimitiveArraySerializer.INSTANCE, "héllo\uD83D\uDE00".toCharArray());
        roundTripAll(FloatPrimitiveArraySerializer.INSTANCE, new float[] {1f, -0f}, null);
        roundTripAll(ShortPrimitiveArraySerializer.INSTANCE, new short[] {1, Short.MIN_VALUE});

        int[] large = new int[100_000];
        for (int i = 0; i < large.length; i++) {
            large[i] = i * 31;
        }
        roundTrip(IntPrimitiveArraySerializer.INSTANCE, large);
        int[] original = {1, 2};
        assertThat(IntPrimitiveArraySerializer.INSTANCE.copy(original)).isNotSameAs(original);
    }
}

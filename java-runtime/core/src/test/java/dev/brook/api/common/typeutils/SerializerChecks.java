package dev.brook.api.common.typeutils;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brook.core.memory.DataInputDeserializer;
import dev.brook.core.memory.DataOutputSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;

/** Checks every serializer must pass: round trips on both view kinds, copies, shipping. */
public final class SerializerChecks {

    private SerializerChecks() {}

    /** Serializes with Brook's in-memory view. */
    public static <T> byte[] toBytes(TypeSerializer<T> serializer, T value) {
        try {
            DataOutputSerializer out = new DataOutputSerializer(16);
            serializer.serialize(value, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deserializes with Brook's in-memory view and checks that all bytes were consumed. */
    public static <T> T fromBytes(TypeSerializer<T> serializer, byte[] bytes) {
        try {
            DataInputDeserializer in = new DataInputDeserializer(bytes);
            T value = serializer.deserialize(in);
            assertThat(in.available()).as("bytes left after deserializing").isZero();
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Round-trips {@code value} through both the fast in-memory views and generic stream views,
     * checks that both write the same bytes and read back an equal value, checks {@link
     * TypeSerializer#copy}, and returns the value read back.
     */
    public static <T> T roundTrip(TypeSerializer<T> serializer, T value) {
        try {
            byte[] fast = toBytes(serializer, value);
            StreamViews.Output streamOut = new StreamViews.Output();
            serializer.serialize(value, streamOut);
            streamOut.flush();
            assertThat(streamOut.toByteArray())
                    .as("bytes written through a generic view")
                    .isEqualTo(fast);
            if (serializer.getLength() >= 0) {
                assertThat(fast).hasSize(serializer.getLength());
            }

            T fromFast = fromBytes(serializer, fast);
            StreamViews.Input streamIn = new StreamViews.Input(fast);
            T fromStream = serializer.deserialize(streamIn);
            assertThat(streamIn.available()).isZero();

            assertThat(fromFast).isEqualTo(value);
            assertThat(fromStream).isEqualTo(value);
            assertThat(serializer.copy(value)).isEqualTo(value);
            return fromFast;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks that the serializer survives Java serialization (as in a shipped job graph), stays
     * equal to itself, and that its duplicate is equal and writes the same bytes.
     */
    public static <T> void checkShippable(TypeSerializer<T> serializer, T sample) {
        TypeSerializer<T> shipped = javaRoundTrip(serializer);
        assertThat(shipped).isEqualTo(serializer);
        assertThat(shipped.hashCode()).isEqualTo(serializer.hashCode());
        TypeSerializer<T> duplicate = serializer.duplicate();
        assertThat(duplicate).isEqualTo(serializer);
        assertThat(toBytes(shipped, sample)).isEqualTo(toBytes(serializer, sample));
        assertThat(toBytes(duplicate, sample)).isEqualTo(toBytes(serializer, sample));
    }

    @SuppressWarnings("unchecked") // Java serialization returns what was written
    public static <X> X javaRoundTrip(X object) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(object);
            }
            try (ObjectInputStream in =
                    new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (X) in.readObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}

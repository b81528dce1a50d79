package dev.brook.api.connector.source.lib;

import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.api.connector.source.Boundedness;
import dev.brook.api.connector.source.ReaderOutput;
import dev.brook.api.connector.source.Source;
import dev.brook.api.connector.source.SourceReader;
import dev.brook.api.connector.source.SourceReaderContext;
import dev.brook.api.connector.source.SourceSplit;
import dev.brook.api.connector.source.SplitEnumerator;
import dev.brook.api.connector.source.SplitEnumeratorContext;
import dev.brook.api.connector.source.lib.util.SplitListSerializer;
import dev.brook.api.connector.source.lib.util.SplitQueueReader;
import dev.brook.api.connector.source.lib.util.StaticSplitEnumerator;
import dev.brook.core.io.SimpleVersionedSerializer;
import dev.brook.core.memory.DataInputDeserializer;
import dev.brook.core.memory.DataOutputSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Collection;
import java.util.List;

/**
 * The given elements, in order, from one reader. The elements are serialized with their type's
 * serializer when the program builds the job, so the job carries bytes, not Java-serialized
 * objects.
 */
public final class FromElementsSource<T>
        implements Source<
                T, FromElementsSource.ElementsSplit, Collection<FromElementsSource.ElementsSplit>> {

    private static final long serialVersionUID = 1L;

    private final TypeSerializer<T> serializer;
    private final byte[] elements;
    private final int count;

    public FromElementsSource(TypeSerializer<T> serializer, Iterable<T> values) {
        this.serializer = serializer;
        DataOutputSerializer out = new DataOutputSerializer(256);
        int n = 0;
        try {
            for (T v : values) {
                if (v == null) {
                    throw new IllegalArgumentException(
                            "Element "
                                    + n
                                    + " of the collection is null; sources cannot emit null");
                }
                serializer.serialize(v, out);
                n++;
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("Could not serialize element " + n + ": " + e, e);
        }
        this.elements = out.toByteArray();
        this.count = n;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SplitEnumerator<ElementsSplit, Collection<ElementsSplit>> createEnumerator(
            SplitEnumeratorContext<ElementsSplit> context) {
        return new StaticSplitEnumerator<>(
                context, count == 0 ? List.of() : List.of(new ElementsSplit(0)));
    }

    @Override
    public SplitEnumerator<ElementsSplit, Collection<ElementsSplit>> restoreEnumerator(
            SplitEnumeratorContext<ElementsSplit> context, Collection<ElementsSplit> checkpoint) {
        return new StaticSplitEnumerator<>(context, checkpoint);
    }

    @Override
    public SourceReader<T, ElementsSplit> createReader(SourceReaderContext context) {
        TypeSerializer<T> ser = serializer.duplicate();
        return new SplitQueueReader<>(context) {
            private final DataInputDeserializer in = new DataInputDeserializer();

            @Override
            protected void openSplit(ElementsSplit split) throws IOException {
                in.setBuffer(elements, 0, elements.length);
                for (int i = 0; i < split.emitted; i++) {
                    ser.deserialize(in);
                }
            }

            @Override
            protected boolean emitFrom(ElementsSplit split, ReaderOutput<T> output)
                    throws IOException {
                int stop = Math.min(count, split.emitted + BATCH);
                while (split.emitted < stop) {
                    output.collect(ser.deserialize(in));
                    split.emitted++;
                }
                return split.emitted < count;
            }
        };
    }

    @Override
    public SimpleVersionedSerializer<ElementsSplit> getSplitSerializer() {
        return new SplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<Collection<ElementsSplit>>
            getEnumeratorCheckpointSerializer() {
        return new SplitListSerializer<>(new SplitSerializer());
    }

    /** The single split: how many elements were already emitted. */
    public static final class ElementsSplit implements SourceSplit {
        private int emitted;

        ElementsSplit(int emitted) {
            this.emitted = emitted;
        }

        @Override
        public String splitId() {
            return "elements";
        }
    }

    private static final class SplitSerializer implements SimpleVersionedSerializer<ElementsSplit> {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(ElementsSplit split) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            new DataOutputStream(bytes).writeInt(split.emitted);
            return bytes.toByteArray();
        }

        @Override
        public ElementsSplit deserialize(int version, byte[] serialized) throws IOException {
            return new ElementsSplit(
                    new DataInputStream(new ByteArrayInputStream(serialized)).readInt());
        }
    }
}

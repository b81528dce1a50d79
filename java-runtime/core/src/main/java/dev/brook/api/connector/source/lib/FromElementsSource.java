package dev.brook.api.connector.source.lib;

import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.api.connector.source.Boundedness;
import dev.brook.api.connector.source.Source;
import dev.brook.api.connector.source.SourceOutput;
import dev.brook.api.connector.source.SourceReader;
import dev.brook.api.connector.source.SourceReaderContext;
import dev.brook.api.connector.source.SourceSplit;
import dev.brook.api.connector.source.SplitEnumerator;
import dev.brook.api.connector.source.SplitEnumeratorContext;
import dev.brook.api.connector.source.lib.util.FixedVersionSerializer;
import dev.brook.api.connector.source.lib.util.SplitListSerializer;
import dev.brook.api.connector.source.lib.util.SplitQueueReader;
import dev.brook.api.connector.source.lib.util.StaticSplitEnumerator;
import dev.brook.core.io.SimpleVersionedSerializer;
import dev.brook.core.memory.DataInputDeserializer;
import dev.brook.core.memory.DataOutputSerializer;
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
            private int emitted;

            @Override
            protected void openSplit(ElementsSplit split) throws IOException {
                if (split.emitted > count) {
                    throw new IOException(
                            "Cannot resume after element "
                                    + split.emitted
                                    + ": the source has only "
                                    + count
                                    + " elements. Were the elements changed since the"
                                    + " checkpoint?");
                }
                in.setBuffer(elements, 0, elements.length);
                for (emitted = 0; emitted < split.emitted; emitted++) {
                    ser.deserialize(in);
                }
            }

            @Override
            protected boolean emitFrom(ElementsSplit split, SourceOutput<T> output)
                    throws IOException {
                int stop = Math.min(count, emitted + BATCH);
                while (emitted < stop) {
                    output.collect(ser.deserialize(in));
                    emitted++;
                }
                return emitted < count;
            }

            @Override
            protected ElementsSplit snapshotSplit(ElementsSplit split) {
                return new ElementsSplit(emitted);
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

    /** The single split, as an immutable position: how many elements were already emitted. */
    public static final class ElementsSplit implements SourceSplit {
        private final int emitted;

        ElementsSplit(int emitted) {
            this.emitted = emitted;
        }

        @Override
        public String splitId() {
            return "elements";
        }

        /** How many elements were emitted before this position. */
        public int emitted() {
            return emitted;
        }

        @Override
        public String toString() {
            return "ElementsSplit{emitted=" + emitted + "}";
        }
    }

    private static final class SplitSerializer extends FixedVersionSerializer<ElementsSplit> {
        SplitSerializer() {
            super(1, "FromElementsSource split");
        }

        @Override
        protected void write(ElementsSplit split, DataOutputStream out) throws IOException {
            out.writeInt(split.emitted);
        }

        @Override
        protected ElementsSplit read(DataInputStream in) throws IOException {
            return new ElementsSplit(in.readInt());
        }
    }
}

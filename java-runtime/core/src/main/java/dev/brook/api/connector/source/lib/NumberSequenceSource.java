package dev.brook.api.connector.source.lib;

import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.common.typeinfo.Types;
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
import dev.brook.api.java.typeutils.ResultTypeQueryable;
import dev.brook.core.io.SimpleVersionedSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The numbers {@code from..to} (inclusive), split into one contiguous range per parallel reader.
 * Each split remembers how far it got, so a restored reader continues where it stopped.
 */
public class NumberSequenceSource
        implements Source<
                        Long,
                        NumberSequenceSource.NumberSequenceSplit,
                        Collection<NumberSequenceSource.NumberSequenceSplit>>,
                ResultTypeQueryable<Long> {

    private static final long serialVersionUID = 1L;

    private final long from;
    private final long to;

    public NumberSequenceSource(long from, long to) {
        if (from > to) {
            throw new IllegalArgumentException(
                    "A number sequence must not be empty: from (" + from + ") > to (" + to + ")");
        }
        this.from = from;
        this.to = to;
    }

    public long getFrom() {
        return from;
    }

    public long getTo() {
        return to;
    }

    @Override
    public TypeInformation<Long> getProducedType() {
        return Types.LONG;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    /** Splits {@code from..to} into {@code n} ranges as even as possible. */
    protected List<NumberSequenceSplit> split(int n) {
        long count = to - from + 1;
        List<NumberSequenceSplit> splits = new ArrayList<>(n);
        long start = from;
        for (int i = 0; i < n; i++) {
            long size = count / n + (i < count % n ? 1 : 0);
            if (size > 0) {
                splits.add(new NumberSequenceSplit(String.valueOf(i), start, start + size - 1));
                start += size;
            }
        }
        return splits;
    }

    @Override
    public SplitEnumerator<NumberSequenceSplit, Collection<NumberSequenceSplit>> createEnumerator(
            SplitEnumeratorContext<NumberSequenceSplit> context) {
        return new StaticSplitEnumerator<>(context, split(context.currentParallelism()));
    }

    @Override
    public SplitEnumerator<NumberSequenceSplit, Collection<NumberSequenceSplit>> restoreEnumerator(
            SplitEnumeratorContext<NumberSequenceSplit> context,
            Collection<NumberSequenceSplit> checkpoint) {
        return new StaticSplitEnumerator<>(context, checkpoint);
    }

    @Override
    public SourceReader<Long, NumberSequenceSplit> createReader(SourceReaderContext context) {
        return new SplitQueueReader<>(context) {
            @Override
            protected boolean emitFrom(NumberSequenceSplit split, ReaderOutput<Long> output) {
                long end = split.to;
                long next = split.next;
                long stop = Math.min(end, next + BATCH - 1);
                for (long v = next; v <= stop; v++) {
                    output.collect(v);
                }
                split.next = stop + 1;
                return stop < end;
            }
        };
    }

    @Override
    public SimpleVersionedSerializer<NumberSequenceSplit> getSplitSerializer() {
        return new SplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<Collection<NumberSequenceSplit>>
            getEnumeratorCheckpointSerializer() {
        return new SplitListSerializer<>(new SplitSerializer());
    }

    /** A range of numbers and the next number to emit. */
    public static final class NumberSequenceSplit implements SourceSplit {
        private final String id;
        private final long to;
        private long next;

        public NumberSequenceSplit(String id, long from, long to) {
            this.id = id;
            this.next = from;
            this.to = to;
        }

        @Override
        public String splitId() {
            return id;
        }

        /** The next number to emit. */
        public long next() {
            return next;
        }

        /** Records that everything before {@code nextNumber} has been emitted. */
        public void setNext(long nextNumber) {
            this.next = nextNumber;
        }

        public long to() {
            return to;
        }

        @Override
        public String toString() {
            return "NumberSequenceSplit{" + id + ": " + next + ".." + to + "}";
        }
    }

    private static final class SplitSerializer
            implements SimpleVersionedSerializer<NumberSequenceSplit> {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(NumberSequenceSplit split) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeUTF(split.id);
            out.writeLong(split.next);
            out.writeLong(split.to);
            return bytes.toByteArray();
        }

        @Override
        public NumberSequenceSplit deserialize(int version, byte[] serialized) throws IOException {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized));
            return new NumberSequenceSplit(in.readUTF(), in.readLong(), in.readLong());
        }
    }
}

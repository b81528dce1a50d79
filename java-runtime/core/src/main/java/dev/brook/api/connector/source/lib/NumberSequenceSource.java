package dev.brook.api.connector.source.lib;

import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.common.typeinfo.Types;
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
import dev.brook.api.java.typeutils.ResultTypeQueryable;
import dev.brook.core.io.SimpleVersionedSerializer;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

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
            private long next;

            @Override
            protected void openSplit(NumberSequenceSplit split) {
                next = split.from();
            }

            @Override
            protected boolean emitFrom(NumberSequenceSplit split, SourceOutput<Long> output) {
                long end = split.to();
                long stop = Math.min(end, next + BATCH - 1);
                for (long v = next; v <= stop; v++) {
                    output.collect(v);
                }
                next = stop + 1;
                return stop < end;
            }

            @Override
            protected NumberSequenceSplit snapshotSplit(NumberSequenceSplit split) {
                return split.withFrom(next);
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

    /**
     * The numbers still to emit: {@code from..to}, inclusive. Immutable; a reader's progress is a
     * new split starting at the next number.
     */
    public static final class NumberSequenceSplit implements SourceSplit {
        private final String id;
        private final long from;
        private final long to;

        public NumberSequenceSplit(String id, long from, long to) {
            if (from > to && from - 1 != to) {
                throw new IllegalArgumentException(
                        "A number sequence split needs from <= to + 1, got " + from + ".." + to);
            }
            this.id = id;
            this.from = from;
            this.to = to;
        }

        @Override
        public String splitId() {
            return id;
        }

        /** The next number to emit; {@code to + 1} once all are emitted. */
        public long from() {
            return from;
        }

        public long to() {
            return to;
        }

        /** This split, resumed at {@code nextNumber}. */
        public NumberSequenceSplit withFrom(long nextNumber) {
            return new NumberSequenceSplit(id, nextNumber, to);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof NumberSequenceSplit s
                    && s.id.equals(id)
                    && s.from == from
                    && s.to == to;
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, from, to);
        }

        @Override
        public String toString() {
            return "NumberSequenceSplit{" + id + ": " + from + ".." + to + "}";
        }
    }

    private static final class SplitSerializer extends FixedVersionSerializer<NumberSequenceSplit> {
        SplitSerializer() {
            super(1, "NumberSequenceSplit");
        }

        @Override
        protected void write(NumberSequenceSplit split, DataOutputStream out) throws IOException {
            out.writeUTF(split.id);
            out.writeLong(split.from);
            out.writeLong(split.to);
        }

        @Override
        protected NumberSequenceSplit read(DataInputStream in) throws IOException {
            return new NumberSequenceSplit(in.readUTF(), in.readLong(), in.readLong());
        }
    }
}

package dev.brook.streaming.runtime.sort;

import dev.brook.core.memory.DataInputDeserializer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Serialized records, each with a 32-bit sort key (the hash of its record key), sorted by that key
 * and otherwise kept in arrival order. When the buffered records exceed the memory budget they are
 * sorted and written to a temporary file as one run, and {@link #finish} merges all runs, so memory
 * stays bounded however large the input is.
 *
 * <p>Records are partitioned on arrival into 256 buckets by the top byte of their sort key, each
 * appending to its own 64 KiB pages. Sorting and reading then go bucket by bucket, so the records
 * being worked on (a 256th of the input) stay in the CPU caches instead of being fetched from all
 * over the heap in sort order. A record costs its length plus 16 bytes: a 4-byte length in the
 * page, and an 8-byte sort entry and a 4-byte address in the bucket's index.
 *
 * <p>The order is stable: records with equal sort keys come out in the order they were added,
 * across runs too (a run holds only records that arrived after those of earlier runs).
 *
 * <p>Threading model: one thread.
 */
public final class RecordSorter implements AutoCloseable {

    private static final int PAGE_BITS = 16;
    private static final int PAGE_SIZE = 1 << PAGE_BITS;
    private static final int BUCKETS = 256;

    /** Pages per bucket that an int address can name (2 GiB of records per bucket). */
    private static final int MAX_PAGES = 1 << (31 - PAGE_BITS);

    /** Bytes of index per record: the sort entry and the record's address. */
    private static final int INDEX_BYTES = 12;

    /** Bytes before each record in a page: its length. */
    private static final int LENGTH_BYTES = 4;

    private final long memoryBudget;
    private final Path spillDirectory;
    private final Bucket[] buckets = new Bucket[BUCKETS];
    private long bufferedBytes;
    private long bufferedRecords;
    private final List<Path> runs = new ArrayList<>();
    private final List<RunReader> readers = new ArrayList<>();
    private long spilledRecords;

    public RecordSorter(long memoryBudget, Path spillDirectory) {
        this.memoryBudget = Math.max(memoryBudget, 2L << 20);
        this.spillDirectory = spillDirectory;
        for (int b = 0; b < BUCKETS; b++) {
            buckets[b] = new Bucket();
        }
    }

    /** Adds a record; {@code bytes[0, length)} is copied. */
    public void add(int sortKey, byte[] bytes, int length) throws IOException {
        if (bufferedRecords > 0 && bufferedBytes + LENGTH_BYTES + length > memoryBudget) {
            spill();
        }
        Bucket bucket = buckets[bucketOf(sortKey)];
        if (bucket.pages.size() == MAX_PAGES) {
            spill();
        }
        bufferedBytes += bucket.add(sortKey, bytes, length);
        bufferedRecords++;
    }

    /** The bucket of a sort key: its top byte, sign flipped so that buckets ascend. */
    private static int bucketOf(int sortKey) {
        return (sortKey >>> 24) ^ 0x80;
    }

    /** Number of records written to disk so far. */
    public long spilledRecords() {
        return spilledRecords;
    }

    /** Writes the buffered records, sorted, as one run: (sort key, length, bytes) each. */
    private void spill() throws IOException {
        Path run = Files.createTempFile(spillDirectory, "brook-sort-", ".run");
        runs.add(run);
        try (DataOutputStream out =
                new DataOutputStream(
                        new BufferedOutputStream(Files.newOutputStream(run), 1 << 16))) {
            for (Bucket bucket : buckets) {
                bucket.sort();
                for (int i = 0; i < bucket.count; i++) {
                    long e = bucket.entries[i];
                    int address = bucket.addresses[(int) e];
                    byte[] page = bucket.pageOf(address);
                    out.writeInt((int) (e >> 32));
                    // The length and the bytes, as they are in the page.
                    out.write(
                            page,
                            offsetOf(address) - LENGTH_BYTES,
                            LENGTH_BYTES + lengthAt(page, address));
                }
                bucket.clear();
            }
        }
        spilledRecords += bufferedRecords;
        bufferedRecords = 0;
        bufferedBytes = 0;
    }

    /** Ends input: returns the records in sort order. The sorter is then used up. */
    public Cursor finish() throws IOException {
        if (runs.isEmpty()) {
            return new MemoryCursor();
        }
        if (bufferedRecords > 0) {
            spill();
        }
        return new MergingCursor();
    }

    @Override
    public void close() {
        for (Bucket bucket : buckets) {
            bucket.clear();
        }
        for (RunReader reader : readers) {
            try {
                reader.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not close a sort run", e);
            }
        }
        readers.clear();
        for (Path run : runs) {
            try {
                Files.deleteIfExists(run);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not delete sort run " + run, e);
            }
        }
        runs.clear();
    }

    private static int offsetOf(int address) {
        return (address & (PAGE_SIZE - 1)) + LENGTH_BYTES;
    }

    private static int lengthAt(byte[] page, int address) {
        int at = address & (PAGE_SIZE - 1);
        return (page[at] & 0xFF) << 24
                | (page[at + 1] & 0xFF) << 16
                | (page[at + 2] & 0xFF) << 8
                | (page[at + 3] & 0xFF);
    }

    /** The records of one bucket: pages, and per record a sort entry and an address. */
    private static final class Bucket {
        final List<byte[]> pages = new ArrayList<>();
        int pageOffset = PAGE_SIZE;

        /** Per record: sort key in the high 32 bits, arrival index in the low 32. */
        long[] entries = new long[0];

        /** Per record, by arrival index: page index above the low 16 bits, offset in them. */
        int[] addresses = new int[0];

        int count;

        /** Adds a record; returns the memory it took, including any index growth. */
        long add(int sortKey, byte[] bytes, int length) {
            long taken = 0;
            if (count == entries.length) {
                int n = Math.max(16, count * 2);
                taken += (long) (n - count) * INDEX_BYTES;
                entries = Arrays.copyOf(entries, n);
                addresses = Arrays.copyOf(addresses, n);
            }
            if (LENGTH_BYTES + length > PAGE_SIZE - pageOffset) {
                // A record larger than a page gets a page of its own, so it starts at offset 0.
                int size = Math.max(PAGE_SIZE, LENGTH_BYTES + length);
                pages.add(new byte[size]);
                taken += size;
                pageOffset = 0;
            }
            int page = pages.size() - 1;
            byte[] target = pages.get(page);
            int at = pageOffset;
            target[at] = (byte) (length >>> 24);
            target[at + 1] = (byte) (length >>> 16);
            target[at + 2] = (byte) (length >>> 8);
            target[at + 3] = (byte) length;
            System.arraycopy(bytes, 0, target, at + LENGTH_BYTES, length);
            pageOffset = at + LENGTH_BYTES + length;
            addresses[count] = (page << PAGE_BITS) | at;
            entries[count] = ((long) sortKey << 32) | count;
            count++;
            return taken;
        }

        byte[] pageOf(int address) {
            return pages.get(address >>> PAGE_BITS);
        }

        /**
         * Sorts the entries by sort key, keeping arrival order among equal keys: an LSD radix sort
         * on the three low bytes of the key (the top byte is the bucket's), stable and linear.
         */
        void sort() {
            if (count < 2) {
                return;
            }
            long[] from = entries;
            long[] to = new long[count];
            int[] counts = new int[256];
            for (int shift = 32; shift < 56; shift += 8) {
                Arrays.fill(counts, 0);
                for (int i = 0; i < count; i++) {
                    counts[(int) (from[i] >>> shift) & 0xFF]++;
                }
                int sum = 0;
                for (int d = 0; d < 256; d++) {
                    int c = counts[d];
                    counts[d] = sum;
                    sum += c;
                }
                for (int i = 0; i < count; i++) {
                    long e = from[i];
                    to[counts[(int) (e >>> shift) & 0xFF]++] = e;
                }
                long[] t = from;
                from = to;
                to = t;
            }
            // Three passes: the result is in the scratch array; keep it as the entries.
            entries = from;
        }

        void clear() {
            pages.clear();
            pageOffset = PAGE_SIZE;
            entries = new long[0];
            addresses = new int[0];
            count = 0;
        }
    }

    /** Records in sort order; {@link #record()} is valid until the next {@link #next()}. */
    public interface Cursor {
        boolean next() throws IOException;

        int sortKey();

        /** The current record's bytes, positioned at its start. */
        DataInputDeserializer record();

        /** A copy of the current record's bytes. */
        byte[] copy();
    }

    /** Reads the buckets in order, sorting each when it is reached and dropping it when done. */
    private final class MemoryCursor implements Cursor {
        private final DataInputDeserializer view = new DataInputDeserializer();
        private int bucketIndex = -1;
        private Bucket bucket;
        private int position;
        private int sortKey;
        private byte[] page;
        private int offset;
        private int length;

        @Override
        public boolean next() {
            while (bucket == null || ++position >= bucket.count) {
                if (bucket != null) {
                    bucket.clear();
                }
                if (++bucketIndex == BUCKETS) {
                    bucket = null;
                    return false;
                }
                bucket = buckets[bucketIndex];
                bucket.sort();
                position = -1;
            }
            long e = bucket.entries[position];
            sortKey = (int) (e >> 32);
            int address = bucket.addresses[(int) e];
            page = bucket.pageOf(address);
            offset = offsetOf(address);
            length = lengthAt(page, address);
            view.setBuffer(page, offset, offset + length);
            return true;
        }

        @Override
        public byte[] copy() {
            return Arrays.copyOfRange(page, offset, offset + length);
        }

        @Override
        public int sortKey() {
            return sortKey;
        }

        @Override
        public DataInputDeserializer record() {
            return view;
        }
    }

    /** Merges the sorted runs; among equal sort keys, earlier runs first. */
    private final class MergingCursor implements Cursor {
        private final PriorityQueue<RunReader> heap =
                new PriorityQueue<>(
                        (a, b) ->
                                a.sortKey != b.sortKey
                                        ? Integer.compare(a.sortKey, b.sortKey)
                                        : Integer.compare(a.run, b.run));
        private final DataInputDeserializer view = new DataInputDeserializer();
        private RunReader current;
        private byte[] buffer = new byte[256];
        private int sortKey;
        private int length;

        MergingCursor() throws IOException {
            for (int r = 0; r < runs.size(); r++) {
                RunReader reader = new RunReader(runs.get(r), r);
                readers.add(reader);
                if (reader.advance()) {
                    heap.add(reader);
                } else {
                    reader.close();
                }
            }
        }

        @Override
        public boolean next() throws IOException {
            if (current != null) {
                if (current.advance()) {
                    heap.add(current);
                } else {
                    current.close();
                }
            }
            current = heap.poll();
            if (current == null) {
                return false;
            }
            sortKey = current.sortKey;
            if (buffer.length < current.length) {
                buffer = new byte[Math.max(current.length, buffer.length * 2)];
            }
            current.in.readFully(buffer, 0, current.length);
            current.consumed = true;
            length = current.length;
            view.setBuffer(buffer, 0, length);
            return true;
        }

        @Override
        public byte[] copy() {
            return Arrays.copyOf(buffer, length);
        }

        @Override
        public int sortKey() {
            return sortKey;
        }

        @Override
        public DataInputDeserializer record() {
            return view;
        }
    }

    /** Reads one run: each {@link #advance} reads a header; the caller then reads the bytes. */
    private static final class RunReader implements AutoCloseable {
        final DataInputStream in;
        final int run;
        int sortKey;
        int length;
        boolean consumed = true;

        RunReader(Path file, int run) throws IOException {
            this.in =
                    new DataInputStream(
                            new BufferedInputStream(Files.newInputStream(file), 1 << 16));
            this.run = run;
        }

        boolean advance() throws IOException {
            if (!consumed) {
                in.skipNBytes(length);
            }
            try {
                sortKey = in.readInt();
            } catch (EOFException end) {
                return false;
            }
            length = in.readInt();
            consumed = false;
            return true;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}

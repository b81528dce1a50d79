package dev.brook.streaming.runtime.sort;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordSorterTest {

    @TempDir Path spillDir;

    /** A record: its sort key, and its arrival number as the payload (plus padding). */
    private record Entry(int sortKey, int arrival) {}

    private static List<Entry> sortAll(RecordSorter sorter, List<Entry> input, int padding)
            throws IOException {
        byte[] bytes = new byte[4 + padding];
        for (Entry e : input) {
            ByteBuffer.wrap(bytes).putInt(e.arrival());
            sorter.add(e.sortKey(), bytes, bytes.length);
        }
        List<Entry> out = new ArrayList<>();
        RecordSorter.Cursor cursor = sorter.finish();
        while (cursor.next()) {
            int arrival = cursor.record().readInt();
            assertThat(cursor.copy()).hasSize(4 + padding);
            out.add(new Entry(cursor.sortKey(), arrival));
        }
        return out;
    }

    private static List<Entry> randomInput(int n, int distinctKeys, long seed) {
        Random random = new Random(seed);
        List<Entry> input = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            // Negative and positive keys, so that the signed order is exercised.
            input.add(new Entry(random.nextInt(distinctKeys) - distinctKeys / 2, i));
        }
        return input;
    }

    private static List<Entry> expectedOrder(List<Entry> input) {
        List<Entry> expected = new ArrayList<>(input);
        expected.sort(Comparator.comparingInt(Entry::sortKey).thenComparingInt(Entry::arrival));
        return expected;
    }

    @Test
    void sortsInMemoryByKeyKeepingArrivalOrder() throws IOException {
        List<Entry> input = randomInput(50_000, 1_000, 1);
        input.add(new Entry(Integer.MIN_VALUE, input.size()));
        input.add(new Entry(Integer.MAX_VALUE, input.size()));
        try (RecordSorter sorter = new RecordSorter(64L << 20, spillDir)) {
            assertThat(sortAll(sorter, input, 0)).isEqualTo(expectedOrder(input));
            assertThat(sorter.spilledRecords()).isZero();
        }
    }

    @Test
    void spillsRunsToDiskAndMergesThemInOrder() throws IOException {
        // About 6 MB of records against the smallest budget (2 MB): several runs.
        List<Entry> input = randomInput(100_000, 5_000, 2);
        try (RecordSorter sorter = new RecordSorter(0, spillDir)) {
            assertThat(sortAll(sorter, input, 56)).isEqualTo(expectedOrder(input));
            assertThat(sorter.spilledRecords()).isEqualTo(input.size());
            try (Stream<Path> files = Files.list(spillDir)) {
                assertThat(files.count()).isGreaterThan(2);
            }
        }
        try (Stream<Path> files = Files.list(spillDir)) {
            assertThat(files).as("runs are deleted on close").isEmpty();
        }
    }

    @Test
    void recordsLargerThanAPageAreKept() throws IOException {
        List<Entry> input = List.of(new Entry(2, 0), new Entry(1, 1), new Entry(2, 2));
        try (RecordSorter sorter = new RecordSorter(64L << 20, spillDir)) {
            assertThat(sortAll(sorter, input, 3 << 20))
                    .containsExactly(new Entry(1, 1), new Entry(2, 0), new Entry(2, 2));
        }
    }

    @Test
    void emptyInputHasNoRecords() throws IOException {
        try (RecordSorter sorter = new RecordSorter(1 << 20, spillDir)) {
            assertThat(sorter.finish().next()).isFalse();
        }
    }
}

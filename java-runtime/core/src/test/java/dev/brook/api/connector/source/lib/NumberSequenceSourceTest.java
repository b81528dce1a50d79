package dev.brook.api.connector.source.lib;

import static dev.brook.test.util.SourceTestDriver.readRestoringAfter;
import static dev.brook.test.util.SourceTestDriver.readUninterrupted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brook.api.connector.source.lib.NumberSequenceSource.NumberSequenceSplit;
import dev.brook.core.io.SimpleVersionedSerializer;
import dev.brook.test.util.SourceTestDriver;
import dev.brook.test.util.SourceTestDriver.Snapshot;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Checkpoints of {@link NumberSequenceSource} hold the next number of each split, exactly. */
class NumberSequenceSourceTest {

    static final long FROM = -500;
    static final long TO = 1499;
    static final List<Long> ALL = LongStream.rangeClosed(FROM, TO).boxed().toList();

    /** Four splits for one reader, so the enumerator still holds some at a checkpoint. */
    static final NumberSequenceSource FOUR_SPLITS =
            new NumberSequenceSource(FROM, TO) {
                private static final long serialVersionUID = 1L;

                @Override
                protected List<NumberSequenceSplit> split(int n) {
                    return super.split(4);
                }
            };

    @Test
    void anUninterruptedReadEmitsTheSequence() throws Exception {
        assertThat(readUninterrupted(FOUR_SPLITS)).isEqualTo(ALL);
    }

    @Test
    void restoringInsideAndBetweenSplitsEmitsExactlyTheRest() throws Exception {
        assertThat(readRestoringAfter(FOUR_SPLITS, 1, 100, 256, 500, 501, 900)).isEqualTo(ALL);
    }

    @Test
    void restoringAtTheStartAndAtTheEndLosesAndRepeatsNothing() throws Exception {
        assertThat(readRestoringAfter(FOUR_SPLITS, 0)).isEqualTo(ALL);
        assertThat(readRestoringAfter(FOUR_SPLITS, ALL.size(), ALL.size())).isEqualTo(ALL);
    }

    @Test
    void eachOfSeveralReadersContinuesItsOwnRange() throws Exception {
        NumberSequenceSource source = new NumberSequenceSource(FROM, TO);
        List<Long> first = new ArrayList<>();
        List<Long> second = new ArrayList<>();
        Snapshot snapshot;
        try (SourceTestDriver<Long, NumberSequenceSplit, Collection<NumberSequenceSplit>> driver =
                SourceTestDriver.start(source, 2)) {
            first.addAll(driver.read(0, 300));
            second.addAll(driver.read(1, 1));
            snapshot = driver.snapshot(1);
        }
        try (SourceTestDriver<Long, NumberSequenceSplit, Collection<NumberSequenceSplit>> driver =
                SourceTestDriver.restore(source, snapshot)) {
            first.addAll(driver.readAll(0));
            second.addAll(driver.readAll(1));
        }
        assertThat(first).isEqualTo(LongStream.rangeClosed(FROM, 499).boxed().toList());
        assertThat(second).isEqualTo(LongStream.rangeClosed(500, TO).boxed().toList());
    }

    @Test
    void splitsGivenBackToTheEnumeratorAreInItsCheckpointAndHandedOutAgain() throws Exception {
        NumberSequenceSource source = new NumberSequenceSource(1, 10);
        Snapshot snapshot;
        try (SourceTestDriver<Long, NumberSequenceSplit, Collection<NumberSequenceSplit>> driver =
                SourceTestDriver.start(source, 1)) {
            driver.deliverMessages();
            List<NumberSequenceSplit> held = driver.reader(0).snapshotState(1);
            // The reader fails before reading: its split goes back, and its replacement has none.
            driver.enumerator().addSplitsBack(held, 0);
            Snapshot taken = driver.snapshot(1);
            snapshot =
                    new Snapshot(
                            taken.enumeratorVersion(),
                            taken.enumeratorState(),
                            taken.splitVersion(),
                            List.of(List.of()));
        }
        try (SourceTestDriver<Long, NumberSequenceSplit, Collection<NumberSequenceSplit>> driver =
                SourceTestDriver.restore(source, snapshot)) {
            assertThat(driver.readAll(0)).isEqualTo(LongStream.rangeClosed(1, 10).boxed().toList());
        }
    }

    @Test
    void aSnapshotDoesNotChangeWhenTheReaderGoesOn() throws Exception {
        try (SourceTestDriver<Long, NumberSequenceSplit, Collection<NumberSequenceSplit>> driver =
                SourceTestDriver.start(FOUR_SPLITS, 1)) {
            driver.read(0, 1);
            List<NumberSequenceSplit> snapshot = driver.reader(0).snapshotState(1);
            List<NumberSequenceSplit> copy = List.copyOf(snapshot);
            driver.read(0, 100);
            assertThat(snapshot).isEqualTo(copy);
            assertThat(snapshot).containsExactly(new NumberSequenceSplit("0", FROM + 256, -1));
        }
    }

    @Test
    void serializersRoundTripAndRejectOtherVersions() throws Exception {
        SimpleVersionedSerializer<NumberSequenceSplit> splits = FOUR_SPLITS.getSplitSerializer();
        NumberSequenceSplit split = new NumberSequenceSplit("3", Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat(splits.deserialize(splits.getVersion(), splits.serialize(split)))
                .isEqualTo(split);
        assertThatThrownBy(() -> splits.deserialize(2, splits.serialize(split)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("NumberSequenceSplit")
                .hasMessageContaining("version 2");

        SimpleVersionedSerializer<Collection<NumberSequenceSplit>> checkpoints =
                FOUR_SPLITS.getEnumeratorCheckpointSerializer();
        List<NumberSequenceSplit> pending =
                List.of(
                        split,
                        new NumberSequenceSplit("0", 5, 4),
                        new NumberSequenceSplit("1", 7, 9));
        assertThat(
                        checkpoints.deserialize(
                                checkpoints.getVersion(), checkpoints.serialize(pending)))
                .containsExactlyElementsOf(pending);
        assertThatThrownBy(() -> checkpoints.deserialize(0, checkpoints.serialize(List.of())))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("version 0");
    }
}

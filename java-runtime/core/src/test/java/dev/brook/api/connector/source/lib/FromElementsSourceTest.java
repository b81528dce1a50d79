package dev.brook.api.connector.source.lib;

import static dev.brook.test.util.SourceTestDriver.readRestoringAfter;
import static dev.brook.test.util.SourceTestDriver.readUninterrupted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brook.api.common.typeutils.base.StringSerializer;
import dev.brook.api.connector.source.lib.FromElementsSource.ElementsSplit;
import dev.brook.core.io.SimpleVersionedSerializer;
import dev.brook.test.util.SourceTestDriver;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Checkpoints of {@link FromElementsSource} hold the number of elements emitted, exactly. */
class FromElementsSourceTest {

    static final List<String> ELEMENTS =
            IntStream.range(0, 1000).mapToObj(i -> "element-" + i).toList();

    final FromElementsSource<String> source =
            new FromElementsSource<>(StringSerializer.INSTANCE, ELEMENTS);

    @Test
    void anUninterruptedReadEmitsTheElementsInOrder() throws Exception {
        assertThat(readUninterrupted(source)).isEqualTo(ELEMENTS);
    }

    @Test
    void restoringAfterPartOfTheElementsEmitsExactlyTheRest() throws Exception {
        assertThat(readRestoringAfter(source, 1, 300, 301, 700)).isEqualTo(ELEMENTS);
    }

    @Test
    void restoringAtTheStartAndAtTheEndLosesAndRepeatsNothing() throws Exception {
        assertThat(readRestoringAfter(source, 0)).isEqualTo(ELEMENTS);
        assertThat(readRestoringAfter(source, ELEMENTS.size(), ELEMENTS.size()))
                .isEqualTo(ELEMENTS);
    }

    @Test
    void aSnapshotDoesNotChangeWhenTheReaderGoesOn() throws Exception {
        try (SourceTestDriver<String, ElementsSplit, Collection<ElementsSplit>> driver =
                SourceTestDriver.start(source, 1)) {
            driver.read(0, 1);
            List<ElementsSplit> snapshot = driver.reader(0).snapshotState(1);
            byte[] before = source.getSplitSerializer().serialize(snapshot.get(0));
            driver.read(0, 500);
            assertThat(source.getSplitSerializer().serialize(snapshot.get(0))).isEqualTo(before);
            assertThat(snapshot.get(0).emitted()).isEqualTo(256);
        }
    }

    @Test
    void serializersRoundTripAndRejectOtherVersions() throws Exception {
        SimpleVersionedSerializer<ElementsSplit> splits = source.getSplitSerializer();
        ElementsSplit split = new ElementsSplit(42);
        assertThat(splits.deserialize(splits.getVersion(), splits.serialize(split)).emitted())
                .isEqualTo(42);
        assertThatThrownBy(() -> splits.deserialize(splits.getVersion() + 1, new byte[4]))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("version " + (splits.getVersion() + 1));

        SimpleVersionedSerializer<Collection<ElementsSplit>> checkpoints =
                source.getEnumeratorCheckpointSerializer();
        Collection<ElementsSplit> restored =
                checkpoints.deserialize(
                        checkpoints.getVersion(), checkpoints.serialize(List.of(split)));
        assertThat(new ArrayList<>(restored))
                .singleElement()
                .extracting(ElementsSplit::emitted)
                .isEqualTo(42);
        assertThatThrownBy(() -> checkpoints.deserialize(7, checkpoints.serialize(List.of())))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("version 7");
    }

    @Test
    void aCheckpointBeyondTheElementsFailsWithAClearMessage() throws Exception {
        FromElementsSource<String> fewer =
                new FromElementsSource<>(StringSerializer.INSTANCE, List.of("a", "b"));
        SourceTestDriver.Snapshot snapshot;
        try (SourceTestDriver<String, ElementsSplit, Collection<ElementsSplit>> driver =
                SourceTestDriver.start(source, 1)) {
            driver.read(0, 10);
            snapshot = driver.snapshot(1);
        }
        try (SourceTestDriver<String, ElementsSplit, Collection<ElementsSplit>> driver =
                SourceTestDriver.restore(fewer, snapshot)) {
            assertThatThrownBy(() -> driver.readAll(0))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("after element 256")
                    .hasMessageContaining("only 2 elements");
        }
    }
}

package dev.brook.connector.datagen.source;

import static dev.brook.test.util.SourceTestDriver.readRestoringAfter;
import static dev.brook.test.util.SourceTestDriver.readUninterrupted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.brook.api.common.typeinfo.Types;
import dev.brook.api.connector.source.lib.NumberSequenceSource.NumberSequenceSplit;
import dev.brook.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.brook.test.util.SourceTestDriver;
import dev.brook.test.util.SourceTestDriver.Snapshot;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Checkpoints of {@link DataGeneratorSource} hold the next index to generate, exactly. */
class DataGeneratorSourceTest {

    static final long COUNT = 1000;

    static List<String> generated(long from, long to) {
        return LongStream.range(from, to).mapToObj(i -> "record-" + i).toList();
    }

    final DataGeneratorSource<String> source =
            new DataGeneratorSource<>(i -> "record-" + i, COUNT, Types.STRING);

    @Test
    void anUninterruptedReadGeneratesEveryIndexOnce() throws Exception {
        assertThat(readUninterrupted(source)).isEqualTo(generated(0, COUNT));
    }

    @Test
    void restoringAfterPartOfTheRecordsGeneratesExactlyTheRest() throws Exception {
        assertThat(readRestoringAfter(source, 1, 256, 600)).isEqualTo(generated(0, COUNT));
    }

    @Test
    void restoringAtTheStartAndAtTheEndLosesAndRepeatsNothing() throws Exception {
        assertThat(readRestoringAfter(source, 0)).isEqualTo(generated(0, COUNT));
        assertThat(readRestoringAfter(source, COUNT, COUNT)).isEqualTo(generated(0, COUNT));
    }

    @Test
    void aRateLimitedReaderKeepsItsRateAfterARestoreInsteadOfCatchingUp() throws Exception {
        double perSecond = 50;
        DataGeneratorSource<String> limited =
                new DataGeneratorSource<>(
                        i -> "record-" + i,
                        COUNT,
                        RateLimiterStrategy.perSecond(perSecond),
                        Types.STRING);
        List<String> emitted = new ArrayList<>();
        Snapshot snapshot;
        try (SourceTestDriver<String, NumberSequenceSplit, Collection<NumberSequenceSplit>> driver =
                SourceTestDriver.start(limited, 1)) {
            emitted.addAll(driver.readWaiting(0, 5));
            snapshot = driver.snapshot(1);
        }
        long restoredAt = System.nanoTime();
        try (SourceTestDriver<String, NumberSequenceSplit, Collection<NumberSequenceSplit>> driver =
                SourceTestDriver.restore(limited, snapshot)) {
            emitted.addAll(driver.readWaiting(0, 10));
        }
        double seconds = (System.nanoTime() - restoredAt) / 1e9;

        assertThat(emitted).isEqualTo(generated(0, 15));
        // The first record after the restore is due at once, each further one 1/50 s later.
        assertThat(seconds).isGreaterThanOrEqualTo(9 / perSecond);
    }
}

package dev.brook.api.common.eventtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brook.util.clock.RelativeClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Idleness detection around a bounded-out-of-orderness generator, on a clock moved by hand. */
class WatermarksWithIdlenessTest {

    /** A clock that moves only when told. */
    static final class ManualClock implements RelativeClock {
        long millis;

        @Override
        public long relativeTimeMillis() {
            return millis;
        }

        @Override
        public long relativeTimeNanos() {
            return millis * 1_000_000L;
        }
    }

    /** Records what the generator emits, as "W<timestamp>", "IDLE" and "ACTIVE". */
    static final class RecordingOutput implements WatermarkOutput {
        final List<String> emitted = new ArrayList<>();

        @Override
        public void emitWatermark(Watermark watermark) {
            emitted.add("W" + watermark.getTimestamp());
        }

        @Override
        public void markIdle() {
            emitted.add("IDLE");
        }

        @Override
        public void markActive() {
            emitted.add("ACTIVE");
        }
    }

    final ManualClock clock = new ManualClock();
    final RecordingOutput out = new RecordingOutput();
    final WatermarksWithIdleness<String> generator =
            new WatermarksWithIdleness<>(
                    new BoundedOutOfOrdernessWatermarks<>(Duration.ofMillis(10)),
                    Duration.ofMillis(1000),
                    clock);

    /** Moves the clock to {@code millis} and runs one periodic emission there. */
    void periodicAt(long millis) {
        clock.millis = millis;
        generator.onPeriodicEmit(out);
    }

    @Test
    void anInputWithoutRecordsGoesIdleOnceAfterTheTimeout() {
        periodicAt(200);
        periodicAt(999);
        assertThat(out.emitted).as("not idle before the timeout").doesNotContain("IDLE");
        periodicAt(1000);
        periodicAt(1200);
        periodicAt(5000);
        assertThat(out.emitted).containsOnlyOnce("IDLE").endsWith("IDLE");
    }

    @Test
    void recordsPostponeIdlenessUntilTheTimeoutAfterTheLastOfThem() {
        periodicAt(200);
        generator.onEvent("a", 100, out);
        periodicAt(400); // saw the record: activity at 400
        periodicAt(1399);
        assertThat(out.emitted).doesNotContain("IDLE");
        periodicAt(1400);
        assertThat(out.emitted).endsWith("W89", "IDLE");
    }

    @Test
    void theNextRecordMakesTheInputActiveBeforeItsWatermarkIsGenerated() {
        generator.onEvent("a", 100, out);
        periodicAt(200);
        periodicAt(1199);
        periodicAt(1200);
        periodicAt(1400);
        assertThat(out.emitted).containsExactly("W89", "W89", "IDLE");

        out.emitted.clear();
        generator.onEvent("b", 300, out);
        assertThat(out.emitted).containsExactly("ACTIVE");
        periodicAt(1600);
        assertThat(out.emitted).containsExactly("ACTIVE", "W289");
    }

    @Test
    void whileIdleTheWrappedGeneratorIsNotAskedForWatermarks() {
        WatermarksWithIdleness<String> processingTimeLag =
                new WatermarksWithIdleness<>(
                        new WatermarkGenerator<>() {
                            @Override
                            public void onEvent(String e, long ts, WatermarkOutput output) {}

                            @Override
                            public void onPeriodicEmit(WatermarkOutput output) {
                                output.emitWatermark(new Watermark(clock.millis - 50));
                            }
                        },
                        Duration.ofMillis(100),
                        clock);
        clock.millis = 50;
        processingTimeLag.onPeriodicEmit(out);
        clock.millis = 100;
        processingTimeLag.onPeriodicEmit(out);
        clock.millis = 300;
        processingTimeLag.onPeriodicEmit(out);
        assertThat(out.emitted).containsExactly("W0", "IDLE");
    }

    @Test
    void theTimeoutMustBePositive() {
        WatermarkStrategy<String> strategy = WatermarkStrategy.forMonotonousTimestamps();
        assertThatThrownBy(() -> strategy.withIdleness(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("idle timeout must be positive");
        assertThatThrownBy(() -> strategy.withIdleness(null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withIdlenessWrapsTheGeneratorsAndKeepsTheTimestampAssigner() {
        WatermarkStrategy<String> strategy =
                WatermarkStrategy.<String>forBoundedOutOfOrderness(Duration.ofMillis(10))
                        .withTimestampAssigner((s, ts) -> Long.parseLong(s))
                        .withIdleness(Duration.ofMillis(50));
        WatermarkGenerator<String> wrapped = strategy.createWatermarkGenerator(() -> clock);
        TimestampAssigner<String> assigner =
                strategy.createTimestampAssigner(new TimestampAssignerSupplier.Context() {});

        assertThat(wrapped).isInstanceOf(WatermarksWithIdleness.class);
        assertThat(assigner.extractTimestamp("42", 0)).isEqualTo(42);
        clock.millis = 10;
        wrapped.onPeriodicEmit(out);
        assertThat(out.emitted).doesNotContain("IDLE");
        clock.millis = 60;
        wrapped.onPeriodicEmit(out);
        assertThat(out.emitted).endsWith("IDLE");
    }
}

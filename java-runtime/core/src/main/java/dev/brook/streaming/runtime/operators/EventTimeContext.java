package dev.brook.streaming.runtime.operators;

import dev.brook.api.common.eventtime.TimestampAssignerSupplier;
import dev.brook.api.common.eventtime.WatermarkGeneratorSupplier;
import dev.brook.streaming.runtime.tasks.ProcessingTimeService;
import dev.brook.util.clock.RelativeClock;

/**
 * What the timestamp assigner and watermark generator of a source or of {@code
 * assignTimestampsAndWatermarks} learn about their operator: its processing-time clock, against
 * which idleness is measured (so a test's manual clock drives idleness too).
 */
final class EventTimeContext
        implements TimestampAssignerSupplier.Context,
                WatermarkGeneratorSupplier.Context,
                RelativeClock {

    private final ProcessingTimeService clock;

    EventTimeContext(ProcessingTimeService clock) {
        this.clock = clock;
    }

    @Override
    public RelativeClock getInputActivityClock() {
        return this;
    }

    @Override
    public long relativeTimeMillis() {
        return clock.getCurrentProcessingTime();
    }

    @Override
    public long relativeTimeNanos() {
        return clock.getCurrentProcessingTime() * 1_000_000L;
    }
}

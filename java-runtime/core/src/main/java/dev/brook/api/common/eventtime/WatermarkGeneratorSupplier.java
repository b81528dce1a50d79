package dev.brook.api.common.eventtime;

import dev.brook.util.clock.RelativeClock;
import java.io.Serializable;

/** Creates a {@link WatermarkGenerator} in each parallel source instance. */
@FunctionalInterface
public interface WatermarkGeneratorSupplier<T> extends Serializable {
    WatermarkGenerator<T> createWatermarkGenerator(Context context);

    /** What a generator may learn about where it runs. */
    interface Context {
        /**
         * The clock to measure inactivity of the input with (see {@link WatermarksWithIdleness}):
         * the processing-time clock of the operator that runs the generator.
         */
        RelativeClock getInputActivityClock();
    }
}

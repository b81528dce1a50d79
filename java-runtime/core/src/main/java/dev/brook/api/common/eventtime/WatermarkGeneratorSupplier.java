package dev.brook.api.common.eventtime;

import java.io.Serializable;

/** Creates a {@link WatermarkGenerator} in each parallel source instance. */
@FunctionalInterface
public interface WatermarkGeneratorSupplier<T> extends Serializable {
    WatermarkGenerator<T> createWatermarkGenerator(Context context);

    /** What a generator may learn about where it runs; reserved for metrics. */
    interface Context {}
}

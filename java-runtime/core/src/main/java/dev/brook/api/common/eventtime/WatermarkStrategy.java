package dev.brook.api.common.eventtime;

import java.time.Duration;
import java.util.Objects;

/**
 * How a source assigns event timestamps and generates watermarks. Build one from the static
 * factories and refine it with {@link #withTimestampAssigner} and {@link #withIdleness}.
 */
public interface WatermarkStrategy<T>
        extends TimestampAssignerSupplier<T>, WatermarkGeneratorSupplier<T> {

    @Override
    WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context);

    @Override
    default TimestampAssigner<T> createTimestampAssigner(
            TimestampAssignerSupplier.Context context) {
        return new RecordTimestampAssigner<>();
    }

    default WatermarkStrategy<T> withTimestampAssigner(
            SerializableTimestampAssigner<T> timestampAssigner) {
        Objects.requireNonNull(timestampAssigner, "timestampAssigner");
        return withTimestampAssigner(TimestampAssignerSupplier.of(timestampAssigner));
    }

    default WatermarkStrategy<T> withTimestampAssigner(TimestampAssignerSupplier<T> supplier) {
        return new WatermarkStrategyWithTimestampAssigner<>(
                this, Objects.requireNonNull(supplier, "timestampAssigner"));
    }

    /**
     * Marks an input idle when it has had no records for {@code idleTimeout}, so that its missing
     * watermarks do not hold back event time downstream; see {@link WatermarksWithIdleness}. Each
     * parallel source reader (or {@code assignTimestampsAndWatermarks} instance) is one input.
     */
    default WatermarkStrategy<T> withIdleness(Duration idleTimeout) {
        return new WatermarkStrategyWithIdleness<>(
                this, WatermarksWithIdleness.checkIdleTimeout(idleTimeout));
    }

    static <T> WatermarkStrategy<T> forMonotonousTimestamps() {
        return ctx -> new AscendingTimestampsWatermarks<>();
    }

    static <T> WatermarkStrategy<T> forBoundedOutOfOrderness(Duration maxOutOfOrderness) {
        return ctx -> new BoundedOutOfOrdernessWatermarks<>(maxOutOfOrderness);
    }

    static <T> WatermarkStrategy<T> forGenerator(WatermarkGeneratorSupplier<T> supplier) {
        return supplier::createWatermarkGenerator;
    }

    static <T> WatermarkStrategy<T> noWatermarks() {
        return ctx -> new NoWatermarksGenerator<>();
    }
}

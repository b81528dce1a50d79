package dev.brook.api.common.eventtime;

import java.io.Serializable;
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

    /** Inactivity after which a source split counts as idle; null when never. */
    default Duration getIdleTimeout() {
        return null;
    }

    default WatermarkStrategy<T> withTimestampAssigner(
            SerializableTimestampAssigner<T> timestampAssigner) {
        Objects.requireNonNull(timestampAssigner, "timestampAssigner");
        return withTimestampAssigner(TimestampAssignerSupplier.of(timestampAssigner));
    }

    default WatermarkStrategy<T> withTimestampAssigner(TimestampAssignerSupplier<T> supplier) {
        WatermarkStrategy<T> base = this;
        return new Derived<>(base, supplier, base.getIdleTimeout());
    }

    default WatermarkStrategy<T> withIdleness(Duration idleTimeout) {
        if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive, got " + idleTimeout);
        }
        return new Derived<>(this, this, idleTimeout);
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

    /** A strategy with a replaced timestamp assigner or idleness. */
    final class Derived<T> implements WatermarkStrategy<T>, Serializable {
        private static final long serialVersionUID = 1L;

        private final WatermarkGeneratorSupplier<T> generators;
        private final TimestampAssignerSupplier<T> assigners;
        private final Duration idleTimeout;

        Derived(
                WatermarkGeneratorSupplier<T> generators,
                TimestampAssignerSupplier<T> assigners,
                Duration idleTimeout) {
            this.generators = generators;
            this.assigners = assigners;
            this.idleTimeout = idleTimeout;
        }

        @Override
        public WatermarkGenerator<T> createWatermarkGenerator(
                WatermarkGeneratorSupplier.Context context) {
            return generators.createWatermarkGenerator(context);
        }

        @Override
        public TimestampAssigner<T> createTimestampAssigner(
                TimestampAssignerSupplier.Context context) {
            return assigners.createTimestampAssigner(context);
        }

        @Override
        public Duration getIdleTimeout() {
            return idleTimeout;
        }
    }
}

package dev.brook.api.common.eventtime;

/** A strategy whose timestamp assigner replaces that of {@code base}. */
final class WatermarkStrategyWithTimestampAssigner<T> implements WatermarkStrategy<T> {

    private static final long serialVersionUID = 1L;

    private final WatermarkStrategy<T> base;
    private final TimestampAssignerSupplier<T> assigners;

    WatermarkStrategyWithTimestampAssigner(
            WatermarkStrategy<T> base, TimestampAssignerSupplier<T> assigners) {
        this.base = base;
        this.assigners = assigners;
    }

    @Override
    public WatermarkGenerator<T> createWatermarkGenerator(
            WatermarkGeneratorSupplier.Context context) {
        return base.createWatermarkGenerator(context);
    }

    @Override
    public TimestampAssigner<T> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
        return assigners.createTimestampAssigner(context);
    }
}

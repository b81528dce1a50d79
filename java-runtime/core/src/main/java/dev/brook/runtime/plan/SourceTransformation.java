package dev.brook.runtime.plan;

import dev.brook.api.common.eventtime.WatermarkStrategy;
import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.connector.source.Source;
import java.util.List;

/** Reads a {@link Source}. */
public final class SourceTransformation<T> extends Transformation<T> {

    private final Source<T, ?, ?> source;
    private final WatermarkStrategy<T> watermarkStrategy;

    public SourceTransformation(
            String name,
            Source<T, ?, ?> source,
            WatermarkStrategy<T> watermarkStrategy,
            TypeInformation<T> outputType,
            int parallelism) {
        super(name, outputType, parallelism);
        this.source = source;
        this.watermarkStrategy = watermarkStrategy;
    }

    public Source<T, ?, ?> getSource() {
        return source;
    }

    public WatermarkStrategy<T> getWatermarkStrategy() {
        return watermarkStrategy;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of();
    }
}

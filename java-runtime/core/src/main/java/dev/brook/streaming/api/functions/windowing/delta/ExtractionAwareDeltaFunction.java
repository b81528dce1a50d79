package dev.brook.streaming.api.functions.windowing.delta;

import dev.brook.streaming.api.functions.windowing.delta.extractor.Extractor;

/**
 * A delta function that first extracts what it compares from both data points, so one distance
 * (such as {@link EuclideanDistance}) serves any element type.
 *
 * @param <DATA> the type of the data points
 * @param <TO> what the delta is computed on
 */
public abstract class ExtractionAwareDeltaFunction<DATA, TO> implements DeltaFunction<DATA> {

    private static final long serialVersionUID = 1L;

    private final Extractor<DATA, TO> converter;

    /**
     * @param converter extracts what is compared, or null when the data points already are it
     */
    protected ExtractionAwareDeltaFunction(Extractor<DATA, TO> converter) {
        this.converter = converter;
    }

    @Override
    @SuppressWarnings("unchecked")
    public double getDelta(DATA oldDataPoint, DATA newDataPoint) throws Exception {
        if (converter == null) {
            return getNestedDelta((TO) oldDataPoint, (TO) newDataPoint);
        }
        return getNestedDelta(converter.extract(oldDataPoint), converter.extract(newDataPoint));
    }

    /** The delta between two extracted values. */
    public abstract double getNestedDelta(TO oldDataPoint, TO newDataPoint) throws Exception;
}

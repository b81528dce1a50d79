package dev.brook.streaming.api.functions.windowing.delta;

import dev.brook.streaming.api.functions.windowing.delta.extractor.Extractor;

/**
 * The Euclidean distance between two points given as {@code double[]} of equal length (directly, or
 * through an {@link Extractor}).
 *
 * @param <DATA> the type of the data points
 */
public class EuclideanDistance<DATA> extends ExtractionAwareDeltaFunction<DATA, double[]> {

    private static final long serialVersionUID = 1L;

    /** For data points that are {@code double[]} themselves. */
    public EuclideanDistance() {
        super(null);
    }

    public EuclideanDistance(Extractor<DATA, double[]> converter) {
        super(converter);
    }

    @Override
    public double getNestedDelta(double[] oldDataPoint, double[] newDataPoint) {
        if (oldDataPoint.length != newDataPoint.length) {
            throw new IllegalArgumentException(
                    "Cannot compute the Euclidean distance of points with "
                            + oldDataPoint.length
                            + " and "
                            + newDataPoint.length
                            + " coordinates; give points of equal dimension.");
        }
        double sum = 0;
        for (int i = 0; i < oldDataPoint.length; i++) {
            double d = oldDataPoint[i] - newDataPoint[i];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }
}

package dev.brook.streaming.api.functions.windowing.delta;

import java.io.Serializable;

/**
 * How far apart two data points are, for {@link
 * dev.brook.streaming.api.windowing.triggers.DeltaTrigger}: it fires when the delta between the
 * element that last fired and a new element exceeds a threshold.
 *
 * @param <DATA> the type of the data points
 */
@FunctionalInterface
public interface DeltaFunction<DATA> extends Serializable {

    /** The delta from {@code oldDataPoint} to {@code newDataPoint}; need not be symmetric. */
    double getDelta(DATA oldDataPoint, DATA newDataPoint) throws Exception;
}

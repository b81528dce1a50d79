package dev.brook.streaming.api.functions.windowing.delta.extractor;

import java.io.Serializable;

/**
 * Turns a value into the form a delta function computes on, e.g. a tuple into the {@code double[]}
 * of its coordinates.
 *
 * @param <FROM> the input type
 * @param <TO> the extracted type
 */
@FunctionalInterface
public interface Extractor<FROM, TO> extends Serializable {

    TO extract(FROM in);
}

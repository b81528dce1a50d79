package dev.brook.api.java.typeutils;

import dev.brook.api.common.typeinfo.TypeInformation;

/**
 * Implemented by functions, sources and formats that know the type of what they produce. The type
 * extractor asks them first, before looking at generic signatures, so implementing this is the way
 * for a generic function to state its output type.
 */
public interface ResultTypeQueryable<T> {

    /** The type of the produced records. */
    TypeInformation<T> getProducedType();
}

package dev.brook.api.java.functions;

import dev.brook.api.common.functions.Function;

/**
 * Extracts the key of a record. Must be deterministic: the same record always yields an equal key
 * with an equal {@code hashCode()}, on every machine.
 */
@FunctionalInterface
public interface KeySelector<IN, KEY> extends Function {
    KEY getKey(IN value) throws Exception;
}

package dev.brook.python;

import java.io.Serializable;
import java.util.Objects;

/**
 * One Python function of a fused chain.
 *
 * @param kind what the worker does with it: {@code map}, {@code flat_map}, {@code filter}, {@code
 *     key_selector}, {@code process}, {@code timestamp_assigner}, or, first in a chain on a keyed
 *     stream, {@code reduce}
 * @param payload the function, pickled with cloudpickle
 */
public record PythonFunctionSpec(String kind, byte[] payload) implements Serializable {

    public PythonFunctionSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(payload, "payload");
    }
}

package dev.brook.python;

import java.io.Serializable;
import java.util.Map;
import java.util.Objects;

/**
 * One Python function of a fused chain.
 *
 * @param kind what the worker does with it: {@code map}, {@code flat_map}, {@code filter}, {@code
 *     key_selector}, {@code process}, {@code timestamp_assigner}, {@code custom_partition}, or,
 *     first in a chain on a keyed stream, {@code reduce}
 * @param payload the function, pickled with cloudpickle
 * @param options what the worker needs besides the function, e.g. {@code num_partitions} for {@code
 *     custom_partition}
 */
public record PythonFunctionSpec(String kind, byte[] payload, Map<String, Integer> options)
        implements Serializable {

    public PythonFunctionSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(payload, "payload");
        options = Map.copyOf(options);
    }

    /** A function without options. */
    public PythonFunctionSpec(String kind, byte[] payload) {
        this(kind, payload, Map.of());
    }
}

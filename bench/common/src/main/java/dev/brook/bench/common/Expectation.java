package dev.brook.bench.common;

/**
 * What the sinks of one benchmark run must have seen: the number of output records and the sum of
 * their checksum fields. A null field is reported but not checked, for figures that depend on
 * record order.
 */
public record Expectation(Long outputs, Long checksum) {

    /** Computes the expectation for a run over {@code records} input records. */
    @FunctionalInterface
    public interface Model {
        Expectation forRecords(long records);
    }
}

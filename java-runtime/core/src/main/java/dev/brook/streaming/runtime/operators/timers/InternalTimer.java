package dev.brook.streaming.runtime.operators.timers;

/** A registered timer: fires at {@code timestamp} for {@code key} in {@code namespace}. */
public record InternalTimer<K, N>(long timestamp, K key, N namespace) {}

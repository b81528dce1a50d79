package dev.brook.streaming.runtime.operators.timers;

/** The operator a timer service calls back, with the timer's key already set as current key. */
public interface Triggerable<K, N> {
    void onEventTime(InternalTimer<K, N> timer) throws Exception;

    void onProcessingTime(InternalTimer<K, N> timer) throws Exception;
}

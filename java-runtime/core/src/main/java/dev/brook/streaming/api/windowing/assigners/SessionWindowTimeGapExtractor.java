package dev.brook.streaming.api.windowing.assigners;

import java.io.Serializable;

/** The session gap (ms) that follows a given element, for sessions with a dynamic gap. */
@FunctionalInterface
public interface SessionWindowTimeGapExtractor<T> extends Serializable {
    long extract(T element);
}

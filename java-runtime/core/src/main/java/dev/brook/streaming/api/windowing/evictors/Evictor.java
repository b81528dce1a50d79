package dev.brook.streaming.api.windowing.evictors;

import dev.brook.streaming.api.windowing.windows.Window;
import dev.brook.streaming.runtime.operators.windowing.TimestampedValue;
import java.io.Serializable;

/**
 * Removes elements from a window before and/or after the window function runs. Remove through the
 * iterator of {@code elements}.
 */
public interface Evictor<T, W extends Window> extends Serializable {

    void evictBefore(
            Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext context);

    void evictAfter(
            Iterable<TimestampedValue<T>> elements, int size, W window, EvictorContext context);

    /** What an evictor may consult. */
    interface EvictorContext {
        long getCurrentProcessingTime();

        long getCurrentWatermark();
    }
}

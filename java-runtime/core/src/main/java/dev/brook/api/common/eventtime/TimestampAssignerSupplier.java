package dev.brook.api.common.eventtime;

import java.io.Serializable;

/** Creates a {@link TimestampAssigner} in each parallel source instance. */
@FunctionalInterface
public interface TimestampAssignerSupplier<T> extends Serializable {
    TimestampAssigner<T> createTimestampAssigner(Context context);

    /** What an assigner may learn about where it runs; reserved for metrics. */
    interface Context {}

    static <T> TimestampAssignerSupplier<T> of(SerializableTimestampAssigner<T> assigner) {
        return context -> assigner;
    }
}

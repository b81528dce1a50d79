package dev.brook.streaming.runtime.tasks;

import java.util.concurrent.ScheduledFuture;

/**
 * A task's wall clock and timer scheduling. Callbacks run on the task thread (through its mailbox),
 * never concurrently with record processing.
 */
public interface ProcessingTimeService {

    long getCurrentProcessingTime();

    /** Runs {@code callback} on the task thread at (or soon after) {@code timestamp}. */
    ScheduledFuture<?> registerTimer(long timestamp, ProcessingTimeCallback callback);

    /** Runs {@code callback} on the task thread every {@code periodMillis}. */
    ScheduledFuture<?> scheduleAtFixedRate(
            ProcessingTimeCallback callback, long initialDelayMillis, long periodMillis);

    /** A timer action; receives the time it was scheduled for. */
    @FunctionalInterface
    interface ProcessingTimeCallback {
        void onProcessingTime(long time) throws Exception;
    }
}

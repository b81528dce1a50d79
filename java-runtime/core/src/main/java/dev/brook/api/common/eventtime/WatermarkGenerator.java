package dev.brook.api.common.eventtime;

/**
 * Produces watermarks from the records it sees ({@link #onEvent}) and periodically ({@link
 * #onPeriodicEmit}, every {@code pipeline.auto-watermark-interval}).
 */
public interface WatermarkGenerator<T> {
    void onEvent(T event, long eventTimestamp, WatermarkOutput output);

    void onPeriodicEmit(WatermarkOutput output);
}

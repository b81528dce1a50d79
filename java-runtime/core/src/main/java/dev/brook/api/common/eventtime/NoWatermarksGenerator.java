package dev.brook.api.common.eventtime;

/** Emits no watermarks: event time does not advance. */
public final class NoWatermarksGenerator<E> implements WatermarkGenerator<E> {
    @Override
    public void onEvent(E event, long eventTimestamp, WatermarkOutput output) {}

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {}
}

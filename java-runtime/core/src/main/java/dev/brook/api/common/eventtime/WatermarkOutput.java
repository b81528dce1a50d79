package dev.brook.api.common.eventtime;

/** Receives the watermarks a {@link WatermarkGenerator} produces. */
public interface WatermarkOutput {
    void emitWatermark(Watermark watermark);

    /** No watermarks will come from this output for now; others need not wait for it. */
    void markIdle();

    void markActive();
}

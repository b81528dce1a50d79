package dev.brook.streaming.runtime.operators;

import dev.brook.api.common.eventtime.WatermarkOutput;
import dev.brook.streaming.runtime.streamrecord.Watermark;
import dev.brook.streaming.runtime.streamrecord.WatermarkStatus;

/**
 * The {@link WatermarkOutput} a watermark generator writes to: forwards only watermarks that
 * advance event time, and turns idleness changes into watermark-status elements.
 *
 * <p>Threading model: task thread only.
 */
final class WatermarkEmitter implements WatermarkOutput {

    private final Output<?> output;
    private long lastEmitted = Long.MIN_VALUE;
    private boolean idle;

    WatermarkEmitter(Output<?> output) {
        this.output = output;
    }

    @Override
    public void emitWatermark(dev.brook.api.common.eventtime.Watermark watermark) {
        markActive();
        if (watermark.getTimestamp() > lastEmitted) {
            lastEmitted = watermark.getTimestamp();
            output.emitWatermark(new Watermark(lastEmitted));
        }
    }

    @Override
    public void markIdle() {
        if (!idle) {
            idle = true;
            output.emitWatermarkStatus(WatermarkStatus.IDLE);
        }
    }

    @Override
    public void markActive() {
        if (idle) {
            idle = false;
            output.emitWatermarkStatus(WatermarkStatus.ACTIVE);
        }
    }
}

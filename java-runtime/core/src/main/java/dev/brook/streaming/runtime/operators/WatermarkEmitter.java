package dev.brook.streaming.runtime.operators;

import dev.brook.api.common.eventtime.WatermarkOutput;
import dev.brook.streaming.runtime.streamrecord.Watermark;
import dev.brook.streaming.runtime.streamrecord.WatermarkStatus;

/**
 * The {@link WatermarkOutput} a watermark generator writes to: forwards only watermarks that
 * advance event time, and turns idleness changes into watermark-status elements.
 *
 * <p>As in Flink, an advancing watermark makes an idle output active first (ACTIVE precedes the
 * watermark downstream, where watermarks of idle channels are ignored); a watermark that does not
 * advance changes nothing, so a periodic generator repeating its last watermark cannot undo
 * idleness.
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
        if (watermark.getTimestamp() > lastEmitted) {
            markActive();
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

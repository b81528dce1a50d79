package dev.brook.streaming.runtime.operators;

import dev.brook.api.common.eventtime.TimestampAssigner;
import dev.brook.api.common.eventtime.TimestampAssignerSupplier;
import dev.brook.api.common.eventtime.WatermarkGenerator;
import dev.brook.api.common.eventtime.WatermarkGeneratorSupplier;
import dev.brook.api.common.eventtime.WatermarkOutput;
import dev.brook.api.common.eventtime.WatermarkStrategy;
import dev.brook.streaming.runtime.streamrecord.StreamRecord;
import dev.brook.streaming.runtime.streamrecord.Watermark;
import dev.brook.streaming.runtime.streamrecord.WatermarkStatus;
import java.util.concurrent.ScheduledFuture;

/**
 * Extracts timestamps and generates watermarks in the middle of a pipeline. Upstream watermarks are
 * dropped (this operator defines event time from here on), except the final one that marks the end
 * of input.
 */
public final class TimestampsAndWatermarksOperator<T> extends AbstractOneInputOperator<T, T>
        implements WatermarkOutput {

    private final WatermarkStrategy<T> strategy;
    private final long autoWatermarkInterval;
    private TimestampAssigner<T> assigner;
    private WatermarkGenerator<T> generator;
    private ScheduledFuture<?> periodic;
    private long lastEmitted = Long.MIN_VALUE;
    private boolean idle;

    public TimestampsAndWatermarksOperator(
            OperatorParameters<T> parameters, WatermarkStrategy<T> strategy, long interval) {
        super(parameters);
        this.strategy = strategy;
        this.autoWatermarkInterval = interval;
    }

    @Override
    public void open() {
        assigner = strategy.createTimestampAssigner(new TimestampAssignerSupplier.Context() {});
        generator = strategy.createWatermarkGenerator(new WatermarkGeneratorSupplier.Context() {});
        if (autoWatermarkInterval > 0) {
            periodic =
                    parameters
                            .processingTimeService()
                            .scheduleAtFixedRate(
                                    t -> generator.onPeriodicEmit(this),
                                    autoWatermarkInterval,
                                    autoWatermarkInterval);
        }
    }

    @Override
    public void processElement(StreamRecord<T> element) {
        T value = element.getValue();
        long previous = element.hasTimestamp() ? element.getTimestamp() : Long.MIN_VALUE;
        long ts = assigner.extractTimestamp(value, previous);
        element.setTimestamp(ts);
        // The record goes out before any watermark it causes, so it is never late by itself.
        output.collect(element);
        generator.onEvent(value, ts, this);
    }

    @Override
    public void processWatermark(Watermark mark) {
        if (mark.timestamp() == Long.MAX_VALUE) {
            generator.onPeriodicEmit(this);
            emitWatermark(dev.brook.api.common.eventtime.Watermark.MAX_WATERMARK);
        }
    }

    @Override
    public void processWatermarkStatus(WatermarkStatus status) {}

    @Override
    public void emitWatermark(dev.brook.api.common.eventtime.Watermark watermark) {
        markActive();
        if (watermark.getTimestamp() > lastEmitted) {
            lastEmitted = watermark.getTimestamp();
            currentWatermark = lastEmitted;
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

    @Override
    public void finish() {
        if (periodic != null) {
            periodic.cancel(false);
        }
    }

    @Override
    public void close() throws Exception {
        if (periodic != null) {
            periodic.cancel(false);
        }
        super.close();
    }
}

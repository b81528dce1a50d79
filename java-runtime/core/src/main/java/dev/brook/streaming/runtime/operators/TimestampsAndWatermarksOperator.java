package dev.brook.streaming.runtime.operators;

import dev.brook.api.common.eventtime.TimestampAssigner;
import dev.brook.api.common.eventtime.TimestampAssignerSupplier;
import dev.brook.api.common.eventtime.WatermarkGenerator;
import dev.brook.api.common.eventtime.WatermarkGeneratorSupplier;
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
public final class TimestampsAndWatermarksOperator<T> extends AbstractOneInputOperator<T, T> {

    private final WatermarkStrategy<T> strategy;
    private final long autoWatermarkInterval;
    private TimestampAssigner<T> assigner;
    private WatermarkGenerator<T> generator;
    private ScheduledFuture<?> periodic;
    private final WatermarkEmitter watermarks;

    public TimestampsAndWatermarksOperator(
            OperatorParameters<T> parameters, WatermarkStrategy<T> strategy, long interval) {
        super(parameters);
        this.strategy = strategy;
        this.autoWatermarkInterval = interval;
        this.watermarks = new WatermarkEmitter(output);
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
                                    t -> generator.onPeriodicEmit(watermarks),
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
        generator.onEvent(value, ts, watermarks);
    }

    @Override
    public void processWatermark(Watermark mark) {
        if (mark.timestamp() == Long.MAX_VALUE) {
            generator.onPeriodicEmit(watermarks);
            watermarks.emitWatermark(dev.brook.api.common.eventtime.Watermark.MAX_WATERMARK);
        }
    }

    @Override
    public void processWatermarkStatus(WatermarkStatus status) {}

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

package dev.brook.streaming.runtime.operators;

import dev.brook.api.common.eventtime.NoWatermarksGenerator;
import dev.brook.api.common.eventtime.TimestampAssigner;
import dev.brook.api.common.eventtime.WatermarkGenerator;
import dev.brook.api.common.eventtime.WatermarkStrategy;
import dev.brook.streaming.runtime.streamrecord.StreamRecord;
import dev.brook.streaming.runtime.streamrecord.Watermark;
import dev.brook.streaming.runtime.streamrecord.WatermarkStatus;
import java.util.concurrent.ScheduledFuture;

/**
 * Extracts timestamps and generates watermarks in the middle of a pipeline. This operator defines
 * event time from here on, so upstream watermarks are dropped, except the final one that marks the
 * end of input, and so is upstream watermark status: whether this instance's output is idle is
 * decided by its own generator ({@link WatermarkStrategy#withIdleness}).
 *
 * <p>Periodic emission runs every {@code autoWatermarkInterval} milliseconds on the task's
 * processing-time clock; 0 turns it off, as in Flink.
 */
public final class TimestampsAndWatermarksOperator<T> extends AbstractOneInputOperator<T, T> {

    private final WatermarkStrategy<T> strategy;
    private final long autoWatermarkInterval;
    private final WatermarkEmitter watermarks;
    private TimestampAssigner<T> assigner;
    private WatermarkGenerator<T> generator;
    private ScheduledFuture<?> periodic;

    public TimestampsAndWatermarksOperator(
            OperatorParameters<T> parameters, WatermarkStrategy<T> strategy, long interval) {
        super(parameters);
        this.strategy = strategy;
        this.autoWatermarkInterval = interval;
        this.watermarks = new WatermarkEmitter(output);
    }

    @Override
    public void open() {
        EventTimeContext eventTime = new EventTimeContext(parameters.processingTimeService());
        assigner = strategy.createTimestampAssigner(eventTime);
        generator = strategy.createWatermarkGenerator(eventTime);
        if (autoWatermarkInterval > 0 && !(generator instanceof NoWatermarksGenerator)) {
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
        long ts = assigner.extractTimestamp(value, element.getTimestamp());
        element.setTimestamp(ts);
        // The record goes out before any watermark it causes, so it is never late by itself.
        output.collect(element);
        generator.onEvent(value, ts, watermarks);
    }

    @Override
    public void processWatermark(Watermark mark) {
        if (mark.timestamp() == Long.MAX_VALUE) {
            // Through the emitter: an idle output turns active first, or the end would be ignored.
            watermarks.emitWatermark(dev.brook.api.common.eventtime.Watermark.MAX_WATERMARK);
        }
    }

    @Override
    public void processWatermarkStatus(WatermarkStatus status) {}

    @Override
    public void finish() {
        stopPeriodicEmission();
    }

    @Override
    public void close() throws Exception {
        stopPeriodicEmission();
        super.close();
    }

    private void stopPeriodicEmission() {
        if (periodic != null) {
            periodic.cancel(false);
            periodic = null;
        }
    }
}

package dev.brook.streaming.runtime.tasks;

import dev.brook.streaming.runtime.operators.Input;
import dev.brook.streaming.runtime.streamrecord.Watermark;
import dev.brook.streaming.runtime.streamrecord.WatermarkStatus;
import java.util.Arrays;

/**
 * Combines the watermarks and watermark statuses of the channels of one logical input into the
 * input's own, with Flink's rules:
 *
 * <ul>
 *   <li>The input's watermark is the minimum over the <em>aligned</em> channels: active channels
 *       whose watermark has reached the input's. It never goes back.
 *   <li>An idle channel neither holds the watermark back nor advances it: its watermarks are
 *       ignored until it is active again (senders mark a channel active before a watermark).
 *   <li>A channel that becomes active again with a watermark behind the input's stays unaligned
 *       until it catches up, so it cannot hold back the others meanwhile.
 *   <li>The input is idle when no channel is active. When the last active channel goes idle while
 *       it was holding the watermark back, the input's watermark jumps to the largest over all
 *       channels before it turns idle, since none of them will advance it any more.
 *   <li>A finished channel (end of partition) counts as idle for good. The input does not announce
 *       idleness when every channel has finished: that is the end of the input.
 * </ul>
 *
 * Changes are pushed to the {@link Input} passed in: a watermark only when it advances, a status
 * only when the input's status changes.
 *
 * <p>Threading model: task thread only. A watermark or status costs one scan over the input's
 * channels (as many as the upstream parallelism); Flink keeps a heap instead, which pays off only
 * with hundreds of channels and a watermark per record.
 */
final class StatusWatermarkValve {

    private final long[] watermarks;
    private final boolean[] idle;
    private final boolean[] finished;
    private long lastOutputWatermark = Long.MIN_VALUE;
    private boolean outputIdle;

    StatusWatermarkValve(int numChannels) {
        watermarks = new long[numChannels];
        Arrays.fill(watermarks, Long.MIN_VALUE);
        idle = new boolean[numChannels];
        finished = new boolean[numChannels];
    }

    void inputWatermark(long watermark, int channel, Input<?> out) throws Exception {
        // A finished channel is idle too.
        if (idle[channel] || watermark <= watermarks[channel]) {
            return;
        }
        watermarks[channel] = watermark;
        emitMinOfAligned(out);
    }

    void inputWatermarkStatus(WatermarkStatus status, int channel, Input<?> out) throws Exception {
        if (finished[channel]) {
            return;
        }
        if (status == WatermarkStatus.IDLE && !idle[channel]) {
            idle[channel] = true;
            leave(channel, out);
        } else if (status == WatermarkStatus.ACTIVE && idle[channel]) {
            idle[channel] = false;
            if (outputIdle) {
                outputIdle = false;
                out.processWatermarkStatus(WatermarkStatus.ACTIVE);
            }
        }
    }

    /** The channel has ended; it no longer takes part. */
    void inputEndOfPartition(int channel, Input<?> out) throws Exception {
        if (finished[channel]) {
            return;
        }
        boolean wasIdle = idle[channel];
        finished[channel] = true;
        idle[channel] = true;
        if (!wasIdle) {
            leave(channel, out);
        }
    }

    /** An active channel went idle or finished. */
    private void leave(int channel, Input<?> out) throws Exception {
        boolean heldBack = watermarks[channel] == lastOutputWatermark;
        if (hasActiveChannel()) {
            if (heldBack) {
                emitMinOfAligned(out);
            }
            return;
        }
        if (heldBack) {
            emitMaxOfAll(out);
        }
        if (!allFinished()) {
            outputIdle = true;
            out.processWatermarkStatus(WatermarkStatus.IDLE);
        }
    }

    /**
     * Which channels are aligned is derived, not tracked: an active channel can be behind the
     * input's watermark (the minimum of the aligned ones) only after it was idle, and is aligned
     * again as soon as it catches up.
     */
    private void emitMinOfAligned(Input<?> out) throws Exception {
        long min = Long.MAX_VALUE;
        boolean any = false;
        for (int i = 0; i < watermarks.length; i++) {
            if (!idle[i] && watermarks[i] >= lastOutputWatermark) {
                min = Math.min(min, watermarks[i]);
                any = true;
            }
        }
        if (any && min > lastOutputWatermark) {
            lastOutputWatermark = min;
            out.processWatermark(new Watermark(min));
        }
    }

    private void emitMaxOfAll(Input<?> out) throws Exception {
        long max = Long.MIN_VALUE;
        for (long w : watermarks) {
            max = Math.max(max, w);
        }
        if (max > lastOutputWatermark) {
            lastOutputWatermark = max;
            out.processWatermark(new Watermark(max));
        }
    }

    private boolean hasActiveChannel() {
        for (int i = 0; i < idle.length; i++) {
            if (!idle[i]) {
                return true;
            }
        }
        return false;
    }

    private boolean allFinished() {
        for (boolean f : finished) {
            if (!f) {
                return false;
            }
        }
        return true;
    }
}

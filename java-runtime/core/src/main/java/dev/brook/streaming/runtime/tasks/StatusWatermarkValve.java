package dev.brook.streaming.runtime.tasks;

import java.util.Arrays;

/**
 * Combines the watermarks of several channels into one: the minimum over channels that are active
 * and not finished. Idle channels do not hold event time back; when all are idle the input is idle.
 */
final class StatusWatermarkValve {

    /** Returned when the combined watermark did not advance. */
    static final long NO_CHANGE = Long.MIN_VALUE;

    private final long[] watermarks;
    private final boolean[] idle;
    private final boolean[] finished;
    private long lastEmitted = Long.MIN_VALUE;

    StatusWatermarkValve(int numChannels) {
        watermarks = new long[numChannels];
        Arrays.fill(watermarks, Long.MIN_VALUE);
        idle = new boolean[numChannels];
        finished = new boolean[numChannels];
    }

    long inputWatermark(long watermark, int channel) {
        if (watermark > watermarks[channel]) {
            watermarks[channel] = watermark;
        }
        idle[channel] = false;
        return recompute();
    }

    /** Returns the new watermark if marking the channel idle lets event time advance. */
    long markIdle(int channel, boolean isIdle) {
        idle[channel] = isIdle;
        return recompute();
    }

    long markFinished(int channel) {
        finished[channel] = true;
        return recompute();
    }

    boolean allIdle() {
        for (int i = 0; i < idle.length; i++) {
            if (!idle[i] && !finished[i]) {
                return false;
            }
        }
        return true;
    }

    private long recompute() {
        long min = Long.MAX_VALUE;
        boolean any = false;
        for (int i = 0; i < watermarks.length; i++) {
            if (!idle[i] && !finished[i]) {
                min = Math.min(min, watermarks[i]);
                any = true;
            }
        }
        if (!any || min <= lastEmitted) {
            return NO_CHANGE;
        }
        lastEmitted = min;
        return min;
    }
}

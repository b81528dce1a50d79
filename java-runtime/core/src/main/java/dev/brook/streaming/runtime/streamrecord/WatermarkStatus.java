package dev.brook.streaming.runtime.streamrecord;

/**
 * Whether a channel currently produces watermarks. Idle channels are left out when the minimum
 * watermark over all inputs is computed.
 */
public enum WatermarkStatus implements StreamElement {
    ACTIVE,
    IDLE
}

package dev.brook.streaming.runtime.streamrecord;

/**
 * Everything that flows through a channel between operators: records and the control events that
 * travel in-band with them. Because control events share the channel with records, a barrier or
 * watermark can never overtake the records sent before it.
 */
public sealed interface StreamElement
        permits StreamRecord, Watermark, WatermarkStatus, CheckpointBarrier, EndOfPartition {}

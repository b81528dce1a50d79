package dev.brook.streaming.runtime.streamrecord;

/** The producer of this channel has finished; nothing follows on it. */
public enum EndOfPartition implements StreamElement {
    INSTANCE
}

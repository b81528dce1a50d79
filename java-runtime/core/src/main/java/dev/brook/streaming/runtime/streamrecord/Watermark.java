package dev.brook.streaming.runtime.streamrecord;

/** Event time has advanced to {@code timestamp}: no more records with a smaller timestamp. */
public record Watermark(long timestamp) implements StreamElement {
    public static final Watermark MAX_WATERMARK = new Watermark(Long.MAX_VALUE);
    public static final Watermark UNINITIALIZED = new Watermark(Long.MIN_VALUE);
}

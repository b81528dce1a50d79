package dev.brook.streaming.api.windowing.windows;

/** A group of elements a window function sees together; ends at {@link #maxTimestamp()}. */
public abstract class Window {
    /** The largest timestamp that still belongs to this window. */
    public abstract long maxTimestamp();
}

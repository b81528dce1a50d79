package dev.brook.streaming.api.windowing.assigners;

import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.streaming.api.windowing.triggers.Trigger;
import dev.brook.streaming.api.windowing.windows.Window;
import java.io.Serializable;
import java.util.Collection;

/** Puts each element into zero or more windows. */
public abstract class WindowAssigner<T, W extends Window> implements Serializable {

    private static final long serialVersionUID = 1L;

    public abstract Collection<W> assignWindows(
            T element, long timestamp, WindowAssignerContext context);

    /** The trigger used unless the program sets one. */
    public abstract Trigger<T, W> getDefaultTrigger();

    public abstract TypeSerializer<W> getWindowSerializer();

    /** True if windows are in event time (elements need timestamps and watermarks). */
    public abstract boolean isEventTime();

    /** What an assigner may consult. */
    public abstract static class WindowAssignerContext {
        public abstract long getCurrentProcessingTime();
    }
}

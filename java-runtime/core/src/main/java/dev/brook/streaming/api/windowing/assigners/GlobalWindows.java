package dev.brook.streaming.api.windowing.assigners;

import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.streaming.api.windowing.triggers.Trigger;
import dev.brook.streaming.api.windowing.triggers.TriggerResult;
import dev.brook.streaming.api.windowing.windows.GlobalWindow;
import java.util.Collection;
import java.util.List;

/** Every element of a key goes into the one global window; a trigger must fire it. */
public class GlobalWindows extends WindowAssigner<Object, GlobalWindow> {

    private static final long serialVersionUID = 1L;

    private GlobalWindows() {}

    public static GlobalWindows create() {
        return new GlobalWindows();
    }

    @Override
    public Collection<GlobalWindow> assignWindows(
            Object element, long timestamp, WindowAssignerContext context) {
        return List.of(GlobalWindow.get());
    }

    @Override
    public Trigger<Object, GlobalWindow> getDefaultTrigger() {
        return new NeverTrigger();
    }

    @Override
    public TypeSerializer<GlobalWindow> getWindowSerializer() {
        return new GlobalWindow.Serializer();
    }

    @Override
    public boolean isEventTime() {
        return false;
    }

    @Override
    public String toString() {
        return "GlobalWindows()";
    }

    /** The default trigger of global windows: never fires. */
    public static final class NeverTrigger extends Trigger<Object, GlobalWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public TriggerResult onElement(Object e, long t, GlobalWindow w, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onEventTime(long time, GlobalWindow w, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onProcessingTime(long time, GlobalWindow w, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public void clear(GlobalWindow window, TriggerContext ctx) {}

        @Override
        public boolean canMerge() {
            return true;
        }

        @Override
        public void onMerge(GlobalWindow window, OnMergeContext ctx) {}
    }
}

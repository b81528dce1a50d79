package dev.brook.streaming.api.windowing.triggers;

import dev.brook.api.common.state.MergingState;
import dev.brook.api.common.state.State;
import dev.brook.api.common.state.StateDescriptor;
import dev.brook.streaming.api.windowing.windows.Window;
import java.io.Serializable;

/**
 * Decides when a window is evaluated: on each element, and on the timers it registered. State a
 * trigger keeps (via {@link TriggerContext#getPartitionedState}) is per key and window.
 */
public abstract class Trigger<T, W extends Window> implements Serializable {

    private static final long serialVersionUID = 1L;

    public abstract TriggerResult onElement(T element, long timestamp, W window, TriggerContext ctx)
            throws Exception;

    public abstract TriggerResult onProcessingTime(long time, W window, TriggerContext ctx)
            throws Exception;

    public abstract TriggerResult onEventTime(long time, W window, TriggerContext ctx)
            throws Exception;

    /** True if this trigger supports merging windows (session windows). */
    public boolean canMerge() {
        return false;
    }

    /** Called when windows merged into {@code window}; re-register what the new window needs. */
    public void onMerge(W window, OnMergeContext ctx) throws Exception {
        throw new UnsupportedOperationException(
                getClass().getSimpleName() + " does not support merging windows");
    }

    /** Removes everything this trigger keeps for {@code window} (timers, state). */
    public abstract void clear(W window, TriggerContext ctx) throws Exception;

    /** What a trigger can use. */
    public interface TriggerContext {
        long getCurrentProcessingTime();

        long getCurrentWatermark();

        void registerProcessingTimeTimer(long time);

        void registerEventTimeTimer(long time);

        void deleteProcessingTimeTimer(long time);

        void deleteEventTimeTimer(long time);

        <S extends State> S getPartitionedState(StateDescriptor<S, ?> stateDescriptor);
    }

    /** The context of {@link #onMerge}: can merge the trigger's state of the merged windows. */
    public interface OnMergeContext extends TriggerContext {
        <S extends MergingState<?, ?>> void mergePartitionedState(
                StateDescriptor<S, ?> stateDescriptor);
    }
}

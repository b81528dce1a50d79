package dev.brook.streaming.api.windowing.triggers;

import dev.brook.api.common.state.ValueState;
import dev.brook.api.common.state.ValueStateDescriptor;
import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.streaming.api.functions.windowing.delta.DeltaFunction;
import dev.brook.streaming.api.windowing.windows.Window;
import java.util.Objects;

/**
 * Fires when an element is more than {@code threshold} away from the element that last fired the
 * window (or, before the first fire, from the window's first element), as measured by a {@link
 * DeltaFunction}. The element that fires becomes the new reference. Typical use: every so many
 * metres a car has driven, whatever the time.
 *
 * @param <T> the type of the elements
 */
public final class DeltaTrigger<T, W extends Window> extends Trigger<T, W> {

    private static final long serialVersionUID = 1L;

    private final DeltaFunction<T> deltaFunction;
    private final double threshold;
    private final ValueStateDescriptor<T> lastElementDesc;

    private DeltaTrigger(
            double threshold, DeltaFunction<T> deltaFunction, TypeSerializer<T> stateSerializer) {
        this.deltaFunction = Objects.requireNonNull(deltaFunction, "delta function");
        this.threshold = threshold;
        this.lastElementDesc =
                new ValueStateDescriptor<>(
                        "last-element",
                        Objects.requireNonNull(stateSerializer, "state serializer"));
    }

    /**
     * @param threshold fire when the delta exceeds this
     * @param deltaFunction the delta between the reference element and a new one
     * @param stateSerializer serializes the reference element, which is kept in state
     */
    public static <T, W extends Window> DeltaTrigger<T, W> of(
            double threshold, DeltaFunction<T> deltaFunction, TypeSerializer<T> stateSerializer) {
        return new DeltaTrigger<>(threshold, deltaFunction, stateSerializer);
    }

    @Override
    public TriggerResult onElement(T element, long timestamp, W window, TriggerContext ctx)
            throws Exception {
        ValueState<T> lastElement = ctx.getPartitionedState(lastElementDesc);
        T reference = lastElement.value();
        if (reference == null) {
            lastElement.update(element);
            return TriggerResult.CONTINUE;
        }
        if (deltaFunction.getDelta(reference, element) > threshold) {
            lastElement.update(element);
            return TriggerResult.FIRE;
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public void clear(W window, TriggerContext ctx) {
        ctx.getPartitionedState(lastElementDesc).clear();
    }

    @Override
    public String toString() {
        return "DeltaTrigger(" + deltaFunction + ", " + threshold + ")";
    }
}

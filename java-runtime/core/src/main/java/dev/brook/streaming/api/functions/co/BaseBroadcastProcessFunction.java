package dev.brook.streaming.api.functions.co;

import dev.brook.api.common.functions.AbstractRichFunction;
import dev.brook.api.common.state.BroadcastState;
import dev.brook.api.common.state.MapStateDescriptor;
import dev.brook.api.common.state.ReadOnlyBroadcastState;
import dev.brook.util.OutputTag;

/**
 * What {@link BroadcastProcessFunction} and {@link KeyedBroadcastProcessFunction} share: the
 * broadcast side gets a {@link Context} that can change broadcast state, the other side a {@link
 * ReadOnlyContext} that can only read it. Every parallel instance sees every broadcast element in
 * the same order, so as long as broadcast state changes only from broadcast elements, all instances
 * hold the same broadcast state.
 *
 * <p>The contexts are valid only during the call they are passed to.
 */
public abstract class BaseBroadcastProcessFunction extends AbstractRichFunction {

    private static final long serialVersionUID = 1L;

    /** What both sides can see and do besides emitting. */
    abstract class BaseContext {

        /** The timestamp of the element (or firing timer), or null if it has none. */
        public abstract Long timestamp();

        /** Emits {@code value} to the side output {@code outputTag}. */
        public abstract <X> void output(OutputTag<X> outputTag, X value);

        public abstract long currentProcessingTime();

        public abstract long currentWatermark();
    }

    /** The context of the broadcast side: it may read and change broadcast state. */
    public abstract class Context extends BaseContext {

        /**
         * The broadcast state {@code stateDescriptor} names; it must be one of the descriptors
         * given to {@code DataStream#broadcast}.
         */
        public abstract <K, V> BroadcastState<K, V> getBroadcastState(
                MapStateDescriptor<K, V> stateDescriptor);
    }

    /** The context of the non-broadcast side: it may only read broadcast state. */
    public abstract class ReadOnlyContext extends BaseContext {

        /**
         * A read-only view of the broadcast state {@code stateDescriptor} names; it must be one of
         * the descriptors given to {@code DataStream#broadcast}.
         */
        public abstract <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(
                MapStateDescriptor<K, V> stateDescriptor);
    }
}

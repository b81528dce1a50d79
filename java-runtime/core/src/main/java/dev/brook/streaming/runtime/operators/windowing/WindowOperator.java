package dev.brook.streaming.runtime.operators.windowing;

import dev.brook.api.common.state.AggregatingState;
import dev.brook.api.common.state.AggregatingStateDescriptor;
import dev.brook.api.common.state.AppendingState;
import dev.brook.api.common.state.KeyedStateStore;
import dev.brook.api.common.state.ListState;
import dev.brook.api.common.state.ListStateDescriptor;
import dev.brook.api.common.state.MapState;
import dev.brook.api.common.state.MapStateDescriptor;
import dev.brook.api.common.state.MergingState;
import dev.brook.api.common.state.ReducingState;
import dev.brook.api.common.state.ReducingStateDescriptor;
import dev.brook.api.common.state.State;
import dev.brook.api.common.state.StateDescriptor;
import dev.brook.api.common.state.ValueState;
import dev.brook.api.common.state.ValueStateDescriptor;
import dev.brook.api.common.typeinfo.Types;
import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.api.java.tuple.Tuple2;
import dev.brook.runtime.state.InternalKvState;
import dev.brook.runtime.state.KeyedStateBackend;
import dev.brook.runtime.state.VoidNamespace;
import dev.brook.runtime.state.VoidNamespaceSerializer;
import dev.brook.streaming.api.windowing.assigners.MergingWindowAssigner;
import dev.brook.streaming.api.windowing.assigners.WindowAssigner;
import dev.brook.streaming.api.windowing.evictors.Evictor;
import dev.brook.streaming.api.windowing.triggers.EventTimeTrigger;
import dev.brook.streaming.api.windowing.triggers.Trigger;
import dev.brook.streaming.api.windowing.triggers.TriggerResult;
import dev.brook.streaming.api.windowing.windows.Window;
import dev.brook.streaming.runtime.operators.AbstractOneInputOperator;
import dev.brook.streaming.runtime.operators.OperatorParameters;
import dev.brook.streaming.runtime.operators.TimestampedCollector;
import dev.brook.streaming.runtime.operators.timers.InternalTimer;
import dev.brook.streaming.runtime.operators.timers.InternalTimerService;
import dev.brook.streaming.runtime.operators.timers.Triggerable;
import dev.brook.streaming.runtime.streamrecord.StreamRecord;
import dev.brook.streaming.runtime.streamrecord.Watermark;
import dev.brook.util.OutputTag;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Groups a keyed stream into windows and evaluates them when their trigger fires.
 *
 * <p>Per element: the assigner names its windows (merging sessions where needed), the element is
 * added to each window's state (folded at once for reduce and aggregate), and the trigger decides.
 * Each window also gets a clean-up timer at its end plus the allowed lateness, after which its
 * state is dropped. Elements for windows that are already cleaned up are late: they go to the late
 * side output if there is one, and are dropped otherwise.
 *
 * <p><b>Aligned firing.</b> With the default {@link EventTimeTrigger}, no evictor and windows that
 * do not merge (tumbling and sliding event-time windows), every key with contents in a window fires
 * when the watermark passes the window's end, and is cleaned up when it passes the end plus the
 * allowed lateness. The operator then keeps no timer per key and window: it remembers which windows
 * have contents, and when the watermark passes one it fires the keys that the state backend holds
 * for that window. The results are those of the per-key timers (timers of equal time fire in no
 * defined order in either case); the saving is two timer-set updates per element.
 *
 * @param <X> what the window function receives (the element type, or an aggregate's result)
 */
public final class WindowOperator<K, IN, X, OUT, W extends Window>
        extends AbstractOneInputOperator<IN, OUT> implements Triggerable<K, W> {

    private static final String CONTENTS = "window-contents";
    private static final String MERGING_WINDOWS = "merging-window-set";
    private static final String FIRED = "window-fired";

    private final WindowAssigner<? super IN, W> assigner;
    private final Trigger<? super IN, ? super W> trigger;
    private final WindowContents<IN, X> contents;
    private final InternalWindowFunction<X, OUT, K, W> function;
    private final Evictor<? super IN, ? super W> evictor;
    private final long allowedLateness;
    private final OutputTag<IN> lateDataTag;

    private final KeyedStateBackend<K> backend;
    private final InternalTimerService<K, W> timers;
    private final TimestampedCollector<OUT> collector;
    private final TriggerContextImpl triggerContext = new TriggerContextImpl();
    private final WindowContextImpl windowContext = new WindowContextImpl();
    private final WindowAssigner.WindowAssignerContext assignerContext;
    private InternalKvState<K, W> windowState;

    /**
     * Aligned firing with allowed lateness: marks (key, window) pairs that have fired and wait for
     * clean-up, so a window restored from a checkpoint does not fire a key twice. Null otherwise.
     */
    private InternalKvState<K, W> firedState;

    private ListState<Tuple2<W, W>> mergingWindowsState;

    /** Whether windows fire by aligned firing (see the class comment) instead of timers. */
    private final boolean alignedFiring;

    /**
     * Aligned firing: windows with contents whose end the watermark has not passed, by end. The
     * assigners of aligned firing make windows of one size, so the end identifies the window.
     */
    private final TreeSet<W> windowsToFire =
            new TreeSet<>(Comparator.comparingLong(Window::maxTimestamp));

    /** Aligned firing: fired windows whose clean-up time (end + lateness) is still to come. */
    private final TreeSet<W> windowsToClean =
            new TreeSet<>(Comparator.comparingLong(Window::maxTimestamp));

    /** The window last added to {@link #windowsToFire}: consecutive elements mostly share it. */
    private W lastQueued;

    @SuppressWarnings("unchecked")
    public WindowOperator(
            OperatorParameters<OUT> parameters,
            WindowAssigner<? super IN, W> assigner,
            Trigger<? super IN, ? super W> trigger,
            WindowContents<IN, X> contents,
            InternalWindowFunction<X, OUT, K, W> function,
            Evictor<? super IN, ? super W> evictor,
            long allowedLateness,
            OutputTag<IN> lateDataTag) {
        super(parameters);
        if (allowedLateness < 0) {
            throw new IllegalArgumentException("Allowed lateness must not be negative");
        }
        if (assigner instanceof MergingWindowAssigner && !trigger.canMerge()) {
            throw new UnsupportedOperationException(
                    "The trigger " + trigger + " cannot be used with merging (session) windows.");
        }
        this.assigner = assigner;
        this.trigger = trigger;
        this.contents = contents;
        this.function = function;
        this.evictor = evictor;
        this.allowedLateness = allowedLateness;
        this.lateDataTag = lateDataTag;
        this.backend = (KeyedStateBackend<K>) getKeyedStateBackend();
        this.timers =
                getInternalTimerService("window-timers", assigner.getWindowSerializer(), this);
        this.alignedFiring =
                assigner.isEventTime()
                        && !(assigner instanceof MergingWindowAssigner)
                        && trigger.getClass() == EventTimeTrigger.class
                        && evictor == null
                        // In BATCH mode each key's timers fire at its end, one key at a time.
                        && !parameters.isBatch();
        this.collector = new TimestampedCollector<>(output);
        this.assignerContext =
                new WindowAssigner.WindowAssignerContext() {
                    @Override
                    public long getCurrentProcessingTime() {
                        return timers.currentProcessingTime();
                    }
                };
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void open() throws Exception {
        contents.open(this::openUserFunction);
        function.open(this::openUserFunction);
        StateDescriptor<?, ?> descriptor;
        if (evictor != null || contents.kind() == WindowContents.Kind.LIST) {
            descriptor =
                    evictor != null
                            ? new ListStateDescriptor<>(CONTENTS, (Class) TimestampedValue.class)
                            : new ListStateDescriptor<>(CONTENTS, contents.inputType());
        } else if (contents.kind() == WindowContents.Kind.REDUCE) {
            descriptor =
                    new ReducingStateDescriptor<>(
                            CONTENTS, contents.reduceFunction(), contents.inputType());
        } else {
            descriptor =
                    new AggregatingStateDescriptor<>(
                            CONTENTS, contents.aggregateFunction(), contents.accumulatorType());
        }
        windowState =
                backend.getOrCreateInternalState(
                        (TypeSerializer) assigner.getWindowSerializer(),
                        (StateDescriptor) descriptor);
        if (alignedFiring) {
            if (allowedLateness > 0) {
                firedState =
                        backend.getOrCreateInternalState(
                                assigner.getWindowSerializer(),
                                new ValueStateDescriptor<>(FIRED, Types.BOOLEAN));
            }
            // After a restore: the windows with contents wait for the watermark again; keys that
            // fired before the checkpoint are marked and skipped.
            List<W> restored = backend.getNamespaces(CONTENTS);
            windowsToFire.addAll(restored);
        }
        if (assigner instanceof MergingWindowAssigner) {
            mergingWindowsState =
                    (ListState<Tuple2<W, W>>)
                            (ListState<?>)
                                    backend.getOrCreateKeyedState(
                                            new ListStateDescriptor<>(
                                                    MERGING_WINDOWS,
                                                    Types.TUPLE(
                                                            Types.GENERIC(Object.class),
                                                            Types.GENERIC(Object.class))));
        }
    }

    @Override
    public void close() throws Exception {
        closeTimerServices();
        function.close();
        contents.close();
    }

    private long cleanupTime(W window) {
        if (!assigner.isEventTime()) {
            return window.maxTimestamp();
        }
        long t = window.maxTimestamp() + allowedLateness;
        return t >= window.maxTimestamp() ? t : Long.MAX_VALUE;
    }

    private boolean isWindowLate(W window) {
        return assigner.isEventTime() && cleanupTime(window) <= timers.currentWatermark();
    }

    private void registerCleanupTimer(W window) {
        long t = cleanupTime(window);
        if (t == Long.MAX_VALUE) {
            return;
        }
        if (assigner.isEventTime()) {
            timers.registerEventTimeTimer(window, t);
        } else {
            timers.registerProcessingTimeTimer(window, t);
        }
    }

    private void deleteCleanupTimer(W window) {
        long t = cleanupTime(window);
        if (t == Long.MAX_VALUE) {
            return;
        }
        if (assigner.isEventTime()) {
            timers.deleteEventTimeTimer(window, t);
        } else {
            timers.deleteProcessingTimeTimer(window, t);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void processElement(StreamRecord<IN> element) throws Exception {
        IN value = element.getValue();
        long timestamp = element.hasTimestamp() ? element.getTimestamp() : Long.MIN_VALUE;
        Collection<W> windows =
                ((WindowAssigner<IN, W>) assigner).assignWindows(value, timestamp, assignerContext);
        K key = backend.getCurrentKey();
        boolean skipped = true;
        MergingWindowSet<W> merging =
                assigner instanceof MergingWindowAssigner
                        ? new MergingWindowSet<>(
                                (MergingWindowAssigner<?, W>) assigner, mergingWindowsState)
                        : null;
        for (W window : windows) {
            W actual = window;
            W stateWindow = window;
            if (merging != null) {
                actual =
                        merging.addWindow(
                                window,
                                (result, mergedWindows, stateResult, mergedStateWindows) -> {
                                    if (assigner.isEventTime()
                                            && cleanupTime(result) <= timers.currentWatermark()) {
                                        throw new UnsupportedOperationException(
                                                "A merge made the event-time window "
                                                        + result
                                                        + " end before the current watermark.");
                                    }
                                    triggerContext.key = key;
                                    triggerContext.window = result;
                                    triggerContext.onMerge(mergedWindows);
                                    for (W m : mergedWindows) {
                                        triggerContext.window = m;
                                        triggerContext.clear();
                                        deleteCleanupTimer(m);
                                    }
                                    windowState.mergeNamespaces(stateResult, mergedStateWindows);
                                });
                if (isWindowLate(actual)) {
                    merging.retireWindow(actual);
                    continue;
                }
                stateWindow = merging.getStateWindow(actual);
            } else if (isWindowLate(actual)) {
                continue;
            }
            skipped = false;
            windowState.setCurrentNamespace(stateWindow);
            if (evictor != null) {
                ((ListState<TimestampedValue<IN>>) windowState)
                        .add(
                                element.hasTimestamp()
                                        ? new TimestampedValue<>(value, timestamp)
                                        : new TimestampedValue<>(value));
            } else {
                ((AppendingState<IN, ?>) windowState).add(value);
            }
            if (alignedFiring) {
                queueAligned(actual, key);
                continue;
            }
            triggerContext.key = key;
            triggerContext.window = actual;
            TriggerResult result = triggerContext.onElement(value, timestamp);
            if (result.isFire()) {
                emitWindowContents(actual);
            }
            if (result.isPurge()) {
                ((State) windowState).clear();
            }
            registerCleanupTimer(actual);
        }
        if (merging != null) {
            merging.persist();
        }
        if (skipped
                && assigner.isEventTime()
                && timestamp + allowedLateness <= timers.currentWatermark()) {
            if (lateDataTag != null) {
                output.collect(lateDataTag, element);
            }
        }
    }

    /**
     * Aligned firing of an element's window: as {@link EventTimeTrigger}, a window whose end the
     * watermark has passed (allowed lateness) fires at once for this key.
     */
    @SuppressWarnings("rawtypes")
    private void queueAligned(W window, K key) throws Exception {
        if (window.maxTimestamp() <= timers.currentWatermark()) {
            triggerContext.key = key;
            emitWindowContents(window);
            windowsToClean.add(window);
            if (firedState != null) {
                markFired(window);
            }
            return;
        }
        if (firedState != null) {
            // A key that fired before a restore gets new contents: it fires again, late.
            firedState.setCurrentNamespace(window);
            ((State) firedState).clear();
        }
        if (!window.equals(lastQueued)) {
            lastQueued = window;
            windowsToFire.add(window);
        }
    }

    /**
     * Aligned firing: fires every key of the windows that end at or before the watermark and cleans
     * up those whose clean-up time it has passed, before the timers and the watermark go on.
     */
    @Override
    public void processWatermark(Watermark mark) throws Exception {
        if (alignedFiring) {
            long watermark = mark.timestamp();
            // Functions see the new watermark while its windows fire, as with timers.
            timers.advanceWatermark(watermark);
            while (!windowsToFire.isEmpty() && windowsToFire.first().maxTimestamp() <= watermark) {
                W window = windowsToFire.pollFirst();
                lastQueued = null;
                List<K> keys = backend.getKeys(CONTENTS, window);
                boolean retained = cleanupTime(window) > watermark;
                for (K key : keys) {
                    backend.setCurrentKey(key);
                    if (firedState != null && hasFired(window)) {
                        continue;
                    }
                    windowState.setCurrentNamespace(window);
                    triggerContext.key = key;
                    emitWindowContents(window);
                    if (firedState != null && retained) {
                        markFired(window);
                    }
                }
                if (cleanupTime(window) <= watermark) {
                    cleanUp(window, keys);
                } else if (cleanupTime(window) != Long.MAX_VALUE) {
                    windowsToClean.add(window);
                }
            }
            while (!windowsToClean.isEmpty() && cleanupTime(windowsToClean.first()) <= watermark) {
                W window = windowsToClean.pollFirst();
                cleanUp(window, backend.getKeys(CONTENTS, window));
            }
        }
        super.processWatermark(mark);
    }

    @SuppressWarnings("unchecked")
    private boolean hasFired(W window) throws Exception {
        firedState.setCurrentNamespace(window);
        return ((ValueState<Boolean>) firedState).value() != null;
    }

    @SuppressWarnings("unchecked")
    private void markFired(W window) throws Exception {
        firedState.setCurrentNamespace(window);
        ((ValueState<Boolean>) firedState).update(Boolean.TRUE);
    }

    /**
     * Aligned firing: drops the window's contents and per-window function state of {@code keys}.
     */
    @SuppressWarnings("rawtypes")
    private void cleanUp(W window, List<K> keys) throws Exception {
        windowContext.window = window;
        for (K key : keys) {
            backend.setCurrentKey(key);
            windowState.setCurrentNamespace(window);
            ((State) windowState).clear();
            if (firedState != null) {
                firedState.setCurrentNamespace(window);
                ((State) firedState).clear();
            }
            function.clear(window, windowContext);
        }
    }

    @Override
    public void onEventTime(InternalTimer<K, W> timer) throws Exception {
        onTimer(timer, true);
    }

    @Override
    public void onProcessingTime(InternalTimer<K, W> timer) throws Exception {
        onTimer(timer, false);
    }

    @SuppressWarnings("unchecked")
    private void onTimer(InternalTimer<K, W> timer, boolean eventTime) throws Exception {
        W window = timer.namespace();
        triggerContext.key = timer.key();
        triggerContext.window = window;
        MergingWindowSet<W> merging = null;
        if (assigner instanceof MergingWindowAssigner) {
            merging =
                    new MergingWindowSet<>(
                            (MergingWindowAssigner<?, W>) assigner, mergingWindowsState);
            W stateWindow = merging.getStateWindow(window);
            if (stateWindow == null) {
                return;
            }
            windowState.setCurrentNamespace(stateWindow);
        } else {
            windowState.setCurrentNamespace(window);
        }
        TriggerResult result =
                eventTime
                        ? triggerContext.onEventTime(timer.timestamp())
                        : triggerContext.onProcessingTime(timer.timestamp());
        if (result.isFire()) {
            emitWindowContents(window);
        }
        if (result.isPurge()) {
            ((State) windowState).clear();
        }
        if (eventTime == assigner.isEventTime() && cleanupTime(window) == timer.timestamp()) {
            ((State) windowState).clear();
            triggerContext.clear();
            windowContext.window = window;
            function.clear(window, windowContext);
            if (merging != null) {
                merging.retireWindow(window);
            }
        }
        if (merging != null) {
            merging.persist();
        }
    }

    @SuppressWarnings("unchecked")
    private void emitWindowContents(W window) throws Exception {
        Iterable<X> input;
        if (evictor != null) {
            ListState<TimestampedValue<IN>> list = (ListState<TimestampedValue<IN>>) windowState;
            List<TimestampedValue<IN>> elements = new ArrayList<>();
            list.get().forEach(elements::add);
            if (elements.isEmpty()) {
                return;
            }
            Evictor<IN, W> ev = (Evictor<IN, W>) evictor;
            ev.evictBefore(elements, elements.size(), window, windowContext);
            List<IN> values = new ArrayList<>(elements.size());
            for (TimestampedValue<IN> e : elements) {
                values.add(e.getValue());
            }
            input = (Iterable<X>) fold(values);
            callFunction(window, input);
            ev.evictAfter(elements, elements.size(), window, windowContext);
            list.update(elements);
            return;
        }
        switch (contents.kind()) {
            case LIST -> {
                Iterable<IN> all = ((ListState<IN>) windowState).get();
                if (!all.iterator().hasNext()) {
                    return;
                }
                input = (Iterable<X>) all;
            }
            case REDUCE -> {
                IN v = ((ReducingState<IN>) windowState).get();
                if (v == null) {
                    return;
                }
                input = Collections.singletonList((X) v);
            }
            default -> {
                X r = ((AggregatingState<IN, X>) windowState).get();
                if (r == null) {
                    return;
                }
                input = Collections.singletonList(r);
            }
        }
        callFunction(window, input);
    }

    /** Applies the reduce or aggregate function to evicted-window contents at firing time. */
    private Iterable<?> fold(List<IN> values) throws Exception {
        switch (contents.kind()) {
            case REDUCE -> {
                IN acc = null;
                for (IN v : values) {
                    acc = acc == null ? v : contents.reduceFunction().reduce(acc, v);
                }
                return acc == null ? List.of() : List.of(acc);
            }
            case AGGREGATE -> {
                Object acc = contents.aggregateFunction().createAccumulator();
                for (IN v : values) {
                    acc = contents.aggregateFunction().add(v, acc);
                }
                return List.of(contents.aggregateFunction().getResult(acc));
            }
            default -> {
                return values;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void callFunction(W window, Iterable<X> input) throws Exception {
        collector.setAbsoluteTimestamp(window.maxTimestamp());
        windowContext.window = window;
        function.process((K) triggerContext.key, window, windowContext, input, collector);
    }

    /** State of the current key in the namespace of {@code window}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private <S extends State> S windowScoped(StateDescriptor<S, ?> descriptor, Object window) {
        InternalKvState<K, Object> state =
                backend.getOrCreateInternalState(
                        window == VoidNamespace.INSTANCE
                                ? (TypeSerializer) VoidNamespaceSerializer.INSTANCE
                                : (TypeSerializer) assigner.getWindowSerializer(),
                        (StateDescriptor) descriptor);
        state.setCurrentNamespace(window);
        return (S) state;
    }

    private final class TriggerContextImpl implements Trigger.OnMergeContext {
        Object key;
        W window;
        private Collection<W> mergedWindows;

        @SuppressWarnings("unchecked")
        private Trigger<Object, W> trigger() {
            return (Trigger<Object, W>) (Trigger<?, ?>) trigger;
        }

        TriggerResult onElement(Object value, long timestamp) throws Exception {
            return trigger().onElement(value, timestamp, window, this);
        }

        TriggerResult onEventTime(long time) throws Exception {
            return trigger().onEventTime(time, window, this);
        }

        TriggerResult onProcessingTime(long time) throws Exception {
            return trigger().onProcessingTime(time, window, this);
        }

        void onMerge(Collection<W> merged) throws Exception {
            this.mergedWindows = merged;
            trigger().onMerge(window, this);
        }

        void clear() throws Exception {
            trigger().clear(window, this);
        }

        @Override
        public long getCurrentProcessingTime() {
            return timers.currentProcessingTime();
        }

        @Override
        public long getCurrentWatermark() {
            return timers.currentWatermark();
        }

        @Override
        public void registerProcessingTimeTimer(long time) {
            timers.registerProcessingTimeTimer(window, time);
        }

        @Override
        public void registerEventTimeTimer(long time) {
            timers.registerEventTimeTimer(window, time);
        }

        @Override
        public void deleteProcessingTimeTimer(long time) {
            timers.deleteProcessingTimeTimer(window, time);
        }

        @Override
        public void deleteEventTimeTimer(long time) {
            timers.deleteEventTimeTimer(window, time);
        }

        @Override
        public <S extends State> S getPartitionedState(StateDescriptor<S, ?> descriptor) {
            return windowScoped(descriptor, window);
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public <S extends MergingState<?, ?>> void mergePartitionedState(
                StateDescriptor<S, ?> descriptor) {
            if (mergedWindows == null || mergedWindows.isEmpty()) {
                return;
            }
            InternalKvState<K, Object> state =
                    backend.getOrCreateInternalState(
                            (TypeSerializer) assigner.getWindowSerializer(),
                            (StateDescriptor) descriptor);
            try {
                state.mergeNamespaces(window, (Collection) mergedWindows);
            } catch (Exception e) {
                throw new IllegalStateException("Could not merge trigger state " + descriptor, e);
            }
        }
    }

    private final class WindowContextImpl
            implements InternalWindowFunction.WindowContext, Evictor.EvictorContext {
        W window;

        private final KeyedStateStore perWindow = new StateStore(true);
        private final KeyedStateStore global = new StateStore(false);

        @Override
        public long currentProcessingTime() {
            return timers.currentProcessingTime();
        }

        @Override
        public long getCurrentProcessingTime() {
            return timers.currentProcessingTime();
        }

        @Override
        public long currentWatermark() {
            return timers.currentWatermark();
        }

        @Override
        public long getCurrentWatermark() {
            return timers.currentWatermark();
        }

        @Override
        public KeyedStateStore windowState() {
            return perWindow;
        }

        @Override
        public KeyedStateStore globalState() {
            return global;
        }

        @Override
        public <T> void output(OutputTag<T> outputTag, T value) {
            output.collect(outputTag, new StreamRecord<>(value, window.maxTimestamp()));
        }

        private final class StateStore implements KeyedStateStore {
            private final boolean scopedToWindow;

            StateStore(boolean scopedToWindow) {
                this.scopedToWindow = scopedToWindow;
            }

            private <S extends State> S get(StateDescriptor<S, ?> d) {
                return windowScoped(d, scopedToWindow ? window : VoidNamespace.INSTANCE);
            }

            @Override
            public <T> ValueState<T> getState(ValueStateDescriptor<T> d) {
                return get(d);
            }

            @Override
            public <T> ListState<T> getListState(ListStateDescriptor<T> d) {
                return get(d);
            }

            @Override
            public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> d) {
                return get(d);
            }

            @Override
            public <I, A, O> AggregatingState<I, O> getAggregatingState(
                    AggregatingStateDescriptor<I, A, O> d) {
                return get(d);
            }

            @Override
            public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> d) {
                return get(d);
            }
        }
    }
}

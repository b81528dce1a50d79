package dev.brook.streaming.util;

import dev.brook.api.common.JobID;
import dev.brook.api.java.functions.KeySelector;
import dev.brook.configuration.Configuration;
import dev.brook.runtime.state.KeyGroupRange;
import dev.brook.runtime.state.KeyedStateBackend;
import dev.brook.runtime.state.OperatorStateBackend;
import dev.brook.runtime.state.heap.HeapKeyedStateBackend;
import dev.brook.runtime.state.heap.HeapOperatorStateBackend;
import dev.brook.runtime.taskmanager.JobDescription;
import dev.brook.runtime.taskmanager.SubtaskInfo;
import dev.brook.streaming.runtime.operators.AbstractStreamOperator;
import dev.brook.streaming.runtime.operators.Input;
import dev.brook.streaming.runtime.operators.OperatorFactory;
import dev.brook.streaming.runtime.operators.OperatorParameters;
import dev.brook.streaming.runtime.operators.Output;
import dev.brook.streaming.runtime.operators.StreamOperator;
import dev.brook.streaming.runtime.operators.timers.InternalTimerService;
import dev.brook.streaming.runtime.streamrecord.StreamElement;
import dev.brook.streaming.runtime.streamrecord.StreamRecord;
import dev.brook.streaming.runtime.streamrecord.Watermark;
import dev.brook.streaming.runtime.streamrecord.WatermarkStatus;
import dev.brook.streaming.runtime.tasks.StreamingRuntimeContext;
import dev.brook.util.OutputTag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * What every operator test harness shares: it builds the operator with the {@link
 * OperatorParameters} a task would give it (keyed and operator state, a {@link
 * ManualProcessingTimeService}, mail run at once on the caller's thread), collects what it emits,
 * and moves processing time by hand.
 *
 * <p>Lifecycle: construct, {@link #open()}, feed, optionally {@link #endInput()}, {@link #close()}.
 */
public abstract class AbstractStreamOperatorTestHarness<OUT> implements AutoCloseable {

    private static final int MAX_PARALLELISM = 128;

    private final OperatorFactory<OUT> factory;
    private final KeySelector<?, ?> keySelector1;
    private final KeySelector<?, ?> keySelector2;
    private final ManualProcessingTimeService time = new ManualProcessingTimeService();
    private final OperatorStateBackend operatorStateBackend = new HeapOperatorStateBackend();
    private final List<StreamElement> output = new ArrayList<>();
    private final Map<String, List<StreamRecord<?>>> sideOutputs = new HashMap<>();
    private StreamOperator<OUT> operator;

    /**
     * @param keySelector1 key of input 1, or null when it is not keyed
     * @param keySelector2 key of input 2, or null when it is not keyed (or absent)
     */
    protected AbstractStreamOperatorTestHarness(
            OperatorFactory<OUT> factory,
            KeySelector<?, ?> keySelector1,
            KeySelector<?, ?> keySelector2) {
        this.factory = factory;
        this.keySelector1 = keySelector1;
        this.keySelector2 = keySelector2;
    }

    /** Creates and opens the operator. */
    public void open() throws Exception {
        KeyedStateBackend<?> backend =
                keySelector1 == null && keySelector2 == null
                        ? null
                        : new HeapKeyedStateBackend<>(
                                new KeyGroupRange(0, MAX_PARALLELISM - 1),
                                MAX_PARALLELISM,
                                time::getCurrentProcessingTime);
        StreamingRuntimeContext context =
                new StreamingRuntimeContext(
                        new SubtaskInfo("test operator", MAX_PARALLELISM, 0, 1, 0),
                        new JobDescription(JobID.generate(), "test job"),
                        getClass().getClassLoader(),
                        backend);
        OperatorParameters<OUT> params =
                new OperatorParameters<>(
                        "test operator",
                        new CollectingOutput(),
                        context,
                        backend,
                        operatorStateBackend,
                        keySelector1,
                        keySelector2,
                        time,
                        (action, description) -> {
                            // Mail runs at once on the test's thread; its failure fails the test.
                            try {
                                action.run();
                            } catch (Exception e) {
                                throw new IllegalStateException(
                                        "Mail '" + description + "' failed: " + e, e);
                            }
                        },
                        event -> {
                            throw new UnsupportedOperationException(
                                    "Operators that talk to a coordinator (sources) cannot be"
                                            + " tested with this harness.");
                        },
                        new Configuration(),
                        null,
                        List.of());
        operator = factory.create(params);
        operator.open();
    }

    /** The operator under test; null before {@link #open()}. */
    protected StreamOperator<OUT> operator() {
        return operator;
    }

    /** Sets the key context (on a keyed input) and hands {@code record} to {@code input}. */
    protected static <T> void feed(Input<T> input, StreamRecord<T> record) throws Exception {
        if (input.isKeyed()) {
            input.setKeyContextElement(record);
        }
        input.processElement(record);
    }

    /** The operator state of the operator (list, union list and broadcast states). */
    public OperatorStateBackend getOperatorStateBackend() {
        return operatorStateBackend;
    }

    /** Processing time moves to {@code time}; due processing-time timers fire. */
    public void setProcessingTime(long time) throws Exception {
        this.time.advanceTo(time);
    }

    public long getProcessingTime() {
        return time.getCurrentProcessingTime();
    }

    /** The input has ended: the operator emits what it buffered. */
    public void endInput() throws Exception {
        operator.finish();
    }

    /**
     * Everything emitted to the main output, in order: records (with timestamps), watermarks and
     * watermark statuses.
     */
    public List<StreamElement> getOutput() {
        return new ArrayList<>(output);
    }

    /** The values of the records emitted to the main output, in order. */
    @SuppressWarnings("unchecked")
    public List<OUT> extractOutputValues() {
        List<OUT> values = new ArrayList<>();
        for (StreamElement e : output) {
            if (e instanceof StreamRecord<?> r) {
                values.add((OUT) r.getValue());
            }
        }
        return values;
    }

    /** The timestamps of the watermarks emitted to the main output, in order. */
    public List<Long> extractOutputWatermarks() {
        List<Long> watermarks = new ArrayList<>();
        for (StreamElement e : output) {
            if (e instanceof Watermark w) {
                watermarks.add(w.timestamp());
            }
        }
        return watermarks;
    }

    /** The watermark statuses (idle, active) emitted to the main output, in order. */
    public List<WatermarkStatus> extractOutputWatermarkStatuses() {
        List<WatermarkStatus> statuses = new ArrayList<>();
        for (StreamElement e : output) {
            if (e instanceof WatermarkStatus status) {
                statuses.add(status);
            }
        }
        return statuses;
    }

    /** The operator's event-time timers that have not fired yet, over all keys. */
    public int numEventTimeTimers() {
        return countTimers(timers -> timers.numEventTimeTimers());
    }

    /** The operator's processing-time timers that have not fired yet, over all keys. */
    public int numProcessingTimeTimers() {
        return countTimers(timers -> timers.numProcessingTimeTimers());
    }

    /** The operator's event-time timers of {@code key} that have not fired yet. */
    public int numEventTimeTimers(Object key) {
        return countTimers(timers -> timers.numEventTimeTimers(key));
    }

    /** The operator's processing-time timers of {@code key} that have not fired yet. */
    public int numProcessingTimeTimers(Object key) {
        return countTimers(timers -> timers.numProcessingTimeTimers(key));
    }

    /** Sums {@code count} over the operator's timer services (none on a non-keyed operator). */
    private int countTimers(ToIntFunction<InternalTimerService<?, ?>> count) {
        if (!(operator instanceof AbstractStreamOperator<?> op)) {
            return 0;
        }
        int n = 0;
        for (InternalTimerService<?, ?> timers : op.getTimerServices()) {
            n += count.applyAsInt(timers);
        }
        return n;
    }

    /** The records emitted to the side output {@code tag}, in order. */
    @SuppressWarnings("unchecked")
    public <X> List<StreamRecord<X>> getSideOutput(OutputTag<X> tag) {
        List<StreamRecord<X>> records = new ArrayList<>();
        for (StreamRecord<?> r : sideOutputs.getOrDefault(tag.getId(), List.of())) {
            records.add((StreamRecord<X>) r);
        }
        return records;
    }

    @Override
    public void close() throws Exception {
        if (operator != null) {
            operator.close();
        }
    }

    private static StreamRecord<Object> copy(StreamRecord<?> r) {
        return r.hasTimestamp()
                ? new StreamRecord<>(r.getValue(), r.getTimestamp())
                : new StreamRecord<>(r.getValue());
    }

    /** Keeps what the operator emits; records are copied since the operator reuses wrappers. */
    private final class CollectingOutput implements Output<OUT> {
        @Override
        public void collect(StreamRecord<OUT> record) {
            output.add(copy(record));
        }

        @Override
        public <X> void collect(OutputTag<X> tag, StreamRecord<X> record) {
            sideOutputs.computeIfAbsent(tag.getId(), k -> new ArrayList<>()).add(copy(record));
        }

        @Override
        public void emitWatermark(Watermark mark) {
            output.add(mark);
        }

        @Override
        public void emitWatermarkStatus(WatermarkStatus status) {
            output.add(status);
        }
    }
}

package dev.brook.streaming.util;

import dev.brook.api.common.JobID;
import dev.brook.api.java.functions.KeySelector;
import dev.brook.configuration.Configuration;
import dev.brook.runtime.state.KeyGroupRange;
import dev.brook.runtime.state.KeyedStateBackend;
import dev.brook.runtime.state.heap.HeapKeyedStateBackend;
import dev.brook.runtime.taskmanager.JobDescription;
import dev.brook.runtime.taskmanager.SubtaskInfo;
import dev.brook.streaming.runtime.operators.OneInputStreamOperator;
import dev.brook.streaming.runtime.operators.OperatorFactory;
import dev.brook.streaming.runtime.operators.OperatorParameters;
import dev.brook.streaming.runtime.operators.Output;
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

/**
 * Runs one operator without a cluster, for testing functions: feed elements and watermarks, move
 * processing time by hand, and read what the operator emitted to its main and side outputs. Timers
 * and state work as in a job (state TTL follows the harness's processing time).
 *
 * <p>Lifecycle: construct, {@link #open()}, feed, optionally {@link #endInput()}, {@link #close()}.
 */
public class OneInputStreamOperatorTestHarness<IN, OUT> implements AutoCloseable {

    private static final int MAX_PARALLELISM = 128;

    private final OperatorFactory<OUT> factory;
    private final KeySelector<IN, ?> keySelector;
    private final ManualProcessingTimeService time = new ManualProcessingTimeService();
    private final List<StreamElement> output = new ArrayList<>();
    private final Map<String, List<StreamRecord<?>>> sideOutputs = new HashMap<>();
    private OneInputStreamOperator<IN, OUT> operator;

    public OneInputStreamOperatorTestHarness(OperatorFactory<OUT> factory) {
        this(factory, null);
    }

    protected OneInputStreamOperatorTestHarness(
            OperatorFactory<OUT> factory, KeySelector<IN, ?> keySelector) {
        this.factory = factory;
        this.keySelector = keySelector;
    }

    /** Creates and opens the operator. */
    @SuppressWarnings("unchecked")
    public void open() throws Exception {
        KeyedStateBackend<?> backend =
                keySelector == null
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
                        keySelector,
                        null,
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
                        new Configuration());
        operator = (OneInputStreamOperator<IN, OUT>) factory.create(params);
        operator.open();
    }

    public void processElement(IN value) throws Exception {
        processElement(new StreamRecord<>(value));
    }

    public void processElement(IN value, long timestamp) throws Exception {
        processElement(new StreamRecord<>(value, timestamp));
    }

    public void processElement(StreamRecord<IN> record) throws Exception {
        if (operator.isKeyed()) {
            operator.setKeyContextElement(record);
        }
        operator.processElement(record);
    }

    /** Event time advances to {@code timestamp}; due event-time timers fire. */
    public void processWatermark(long timestamp) throws Exception {
        operator.processWatermark(new Watermark(timestamp));
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

    /** Everything emitted to the main output, records (with timestamps) and watermarks. */
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

package dev.brook.python;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brook.api.common.TaskInfo;
import dev.brook.api.common.typeinfo.BasicTypeInfo;
import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.java.tuple.Tuple2;
import dev.brook.api.java.typeutils.TupleTypeInfo;
import dev.brook.configuration.Configuration;
import dev.brook.streaming.runtime.operators.AbstractStreamOperator;
import dev.brook.streaming.runtime.operators.OperatorParameters;
import dev.brook.streaming.runtime.operators.timers.InternalTimer;
import dev.brook.streaming.runtime.operators.timers.InternalTimerService;
import dev.brook.streaming.runtime.operators.timers.Triggerable;
import dev.brook.streaming.runtime.streamrecord.StreamRecord;
import dev.brook.streaming.runtime.streamrecord.Watermark;
import dev.brook.streaming.runtime.tasks.ProcessingTimeService;
import dev.brook.util.OutputTag;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Runs a fused chain of Python functions in the slot's Python worker: the machinery shared by the
 * one-input {@link PythonFunctionOperator} and the two-input {@link PythonBroadcastOperator}.
 *
 * <p>Records go to the worker in Arrow batches ({@code python.fn-execution.arrow.batch.size} rows)
 * and results come back one OUTPUT frame per batch; at most {@value #MAX_BATCHES_IN_FLIGHT} batches
 * are unanswered at a time, so memory stays bounded when Python is slower than its input. Results
 * are read without waiting on every record; the operator waits only at the end of a bundle, which
 * comes after {@code python.fn-execution.bundle.size} records or {@code
 * python.fn-execution.bundle.time}, before a watermark is forwarded, before a checkpoint barrier,
 * and at the end of input. So every result of the records before a watermark or barrier is emitted
 * before it.
 *
 * <p>Keyed: on a keyed stream of {@code Tuple2(key, value)} (see {@link PythonKeySelector}) the
 * worker receives key and value and hands functions only the value. Python keyed state lives in the
 * operator's Java keyed state ({@link PythonKeyedState}), so checkpoints cover it: the worker
 * declares each state once, reads what a batch needs and it does not have cached with one
 * STATE_REQUEST, and returns the bundle's writes with BUNDLE_DONE. Keys are named by an id local to
 * the bundle, so no key is serialized twice. Timers that Python registers arrive in TIMERS frames
 * and go into the operator's Java timer service (so checkpoints cover them too); a firing timer
 * becomes a row of the input batch, flagged with its time domain, which calls {@code on_timer}. A
 * watermark is forwarded only after the timers it fires have run in Python, including timers those
 * registered at or before it.
 *
 * <p>Broadcast: an operator with a broadcast input ({@code broadcastType} set) sends its elements
 * as rows of the same batches, in a column of their own, flagged by the row's kind; its broadcast
 * states live in the operator state backend ({@link PythonBroadcastState}).
 *
 * <p>Row layouts. Non-keyed: {@code value, timestamp}, with a broadcast input also {@code input} (2
 * on a broadcast element's row, else null) and {@code broadcast}. Keyed: {@code key_id, key, value,
 * timestamp, timer, namespace}, where {@code timer} is null for a record, else the row's kind
 * ({@link #EVENT_TIME}, {@link #PROCESSING_TIME}, {@link #END_OF_KEY}, {@link #BROADCAST}), with a
 * broadcast input also {@code broadcast}.
 *
 * <p>Threading model: everything, including state access for the worker, runs on the task thread.
 */
public abstract class AbstractPythonOperator<OUT> extends AbstractStreamOperator<OUT>
        implements Triggerable<PythonKey, PythonKey> {

    /** Unanswered batches allowed per operator. */
    static final int MAX_BATCHES_IN_FLIGHT = 4;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Function kinds that need keyed state, and so a keyed input. */
    private static final Set<String> KEYED_KINDS = Set.of("reduce", "keyed_process", "window");

    /** Column {@code timer} of the keyed input: the time domain of a firing timer. */
    private static final int EVENT_TIME = 0;

    private static final int PROCESSING_TIME = 1;

    /** Column {@code timer} of a BATCH job's keyed input: the key's input is over. */
    private static final int END_OF_KEY = 2;

    /** Column {@code timer} of a keyed input: an element of the broadcast input. */
    private static final int BROADCAST = 3;

    /** Column {@code input} of a non-keyed input: an element of the broadcast input. */
    private static final int BROADCAST_INPUT = 2;

    /** Operations of a TIMERS frame. */
    private static final byte REGISTER_EVENT_TIME = 0;

    private static final byte REGISTER_PROCESSING_TIME = 1;
    private static final byte DELETE_EVENT_TIME = 2;
    private static final byte DELETE_PROCESSING_TIME = 3;

    private final List<PythonFunctionSpec> chain;
    private final TypeInformation<?> inType;
    private final TypeInformation<?> broadcastType;
    private final List<String> broadcastStateNames;
    private final TypeInformation<OUT> outType;
    private final List<OutputTag<Object>> sideOutputs;
    private final List<StreamRecord<Object>> sideRecords;
    private final int bundleSize;
    private final long bundleTimeMillis;
    private final int batchSize;
    private final long lingerMillis;
    private final boolean metricEnabled;
    private final PythonMetrics metrics;
    private final StreamRecord<OUT> outRecord = new StreamRecord<>(null);

    private BufferAllocator allocator;
    private ArrowBatchEncoder encoder;
    private ArrowBatchDecoder decoder;
    private PythonWorker worker;
    private String slot;
    private PythonWorker.Channel channel;
    private ScheduledFuture<?> bundleTimer;

    private int bundleRecords;
    private long bundleId;
    private int batchesInFlight;

    /** Keyed only: the bundle's keys by id, and their ids. */
    private final List<PythonKey> bundleKeys = new ArrayList<>();

    private final Map<PythonKey, Integer> bundleKeyIds = new HashMap<>();
    private PythonKeyedState keyedState;
    private PythonBroadcastState broadcastState;
    private boolean keyed;

    /** BATCH: keys whose input ended in this bundle; their state is dropped when it ends. */
    private final List<PythonKey> endedKeys = new ArrayList<>();

    private InternalTimerService<PythonKey, PythonKey> timers;

    /** Timers fired since the counter was last reset. */
    private int firedTimers;

    /** A send of the partly filled batch is scheduled ({@code linger} after its first row). */
    private boolean lingerScheduled;

    /** A drain of the frames that arrived from the worker is scheduled; set by gRPC threads. */
    private final AtomicBoolean drainScheduled = new AtomicBoolean();

    private volatile boolean closed;

    /**
     * An operator running {@code chain} on records of {@code inType} (on a keyed stream: {@code
     * Tuple2(key, value)}) and, if {@code broadcastType} is not null, on the elements of a
     * broadcast input with the broadcast states {@code broadcastStateNames}.
     */
    protected AbstractPythonOperator(
            OperatorParameters<OUT> parameters,
            List<PythonFunctionSpec> chain,
            TypeInformation<?> inType,
            TypeInformation<?> broadcastType,
            List<String> broadcastStateNames,
            TypeInformation<OUT> outType,
            List<OutputTag<Object>> sideOutputs) {
        super(parameters);
        this.chain = chain;
        this.inType = inType;
        this.broadcastType = broadcastType;
        this.broadcastStateNames = broadcastStateNames;
        this.outType = outType;
        this.sideOutputs = sideOutputs;
        this.sideRecords = new ArrayList<>(sideOutputs.size());
        for (int i = 0; i < sideOutputs.size(); i++) {
            sideRecords.add(new StreamRecord<>(null));
        }
        Configuration config = parameters.jobConfiguration();
        this.bundleSize = Math.max(1, config.get(PythonOptions.MAX_BUNDLE_SIZE));
        this.bundleTimeMillis = Math.max(1, config.get(PythonOptions.MAX_BUNDLE_TIME).toMillis());
        this.batchSize = Math.max(1, config.get(PythonOptions.MAX_ARROW_BATCH_SIZE));
        this.lingerMillis = Math.max(0, config.get(PythonOptions.ARROW_BATCH_LINGER).toMillis());
        this.metricEnabled = config.get(PythonOptions.METRIC_ENABLED);
        this.metrics = new PythonMetrics(parameters.runtimeContext().getMetricGroup());
    }

    /**
     * Checks what can be checked while the graph is built, not in the task: the chain is not empty,
     * Python can receive and send these types, and each side output has a type. Returns the side
     * outputs as the operator takes them.
     */
    static List<OutputTag<Object>> validate(
            List<PythonFunctionSpec> chain,
            List<TypeInformation<?>> types,
            List<OutputTag<?>> sideOutputs) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("A Python operator needs at least one function");
        }
        for (TypeInformation<?> type : types) {
            PythonTypes.toJson(type);
        }
        List<OutputTag<Object>> tags = new ArrayList<>(sideOutputs.size());
        for (OutputTag<?> tag : sideOutputs) {
            if (tag.getTypeInfo() == null) {
                throw new IllegalArgumentException(
                        "The side output '" + tag.getId() + "' needs a type");
            }
            PythonTypes.toJson(tag.getTypeInfo());
            @SuppressWarnings("unchecked") // emitted values are converted to the tag's type
            OutputTag<Object> anyTag = (OutputTag<Object>) tag;
            tags.add(anyTag);
        }
        return List.copyOf(tags);
    }

    @Override
    public void open() throws Exception {
        keyed = isKeyed1();
        String firstKind = chain.get(0).kind();
        if (KEYED_KINDS.contains(firstKind) && !keyed) {
            throw new IllegalStateException(
                    "The Python function '"
                            + firstKind
                            + "' of '"
                            + getOperatorName()
                            + "' needs a keyed stream: apply it after key_by().");
        }
        TypeInformation<?> keyType = null;
        TypeInformation<?> valueType = inType;
        if (keyed) {
            if (!(inType instanceof TupleTypeInfo<?> pair) || pair.getArity() != 2) {
                throw new IllegalStateException(
                        "A keyed Python operator expects records Tuple2(key, value), got "
                                + inType
                                + " in '"
                                + getOperatorName()
                                + "'");
            }
            keyType = pair.getTypeAt(0);
            valueType = pair.getTypeAt(1);
        }

        allocator = new RootAllocator();
        encoder = inputEncoder(keyType, valueType);
        // Results: value, timestamp and, with side outputs, the index of the side output (null
        // for the main output) and one column per side output.
        ArrowColumn[] resultColumns =
                new ArrowColumn[sideOutputs.isEmpty() ? 2 : 3 + sideOutputs.size()];
        resultColumns[0] = ArrowColumn.forType(outType);
        if (!sideOutputs.isEmpty()) {
            resultColumns[2] = ArrowColumn.forType(BasicTypeInfo.INT_TYPE_INFO);
            for (int i = 0; i < sideOutputs.size(); i++) {
                resultColumns[3 + i] = ArrowColumn.forType(sideOutputs.get(i).getTypeInfo());
            }
        }
        decoder = new ArrowBatchDecoder(allocator, resultColumns);
        if (keyed) {
            keyedState = new PythonKeyedState(getKeyedStateBackend());
            timers = getInternalTimerService("python-timers", PythonKeyedState.BYTES, this);
        }
        if (broadcastType != null) {
            broadcastState =
                    new PythonBroadcastState(getOperatorStateBackend(), broadcastStateNames);
        }

        TaskInfo task = getRuntimeContext().getTaskInfo();
        slot = getRuntimeContext().getJobInfo().getJobId() + "/" + task.getIndexOfThisSubtask();
        // A job submitted to a cluster brings its Python files in a jar of its own.
        Configuration config =
                PythonDependencyBundle.localize(
                        parameters.jobConfiguration(),
                        getRuntimeContext().getUserCodeClassLoader());
        worker = PythonWorkerManager.get().acquire(slot, config);
        channel = worker.openChannel(this::scheduleDrain);
        channel.send(Frames.OPEN, openMessage(task, keyType, valueType));
        if (broadcastState != null) {
            channel.send(Frames.BROADCAST_STATE, broadcastState.contents());
        }
        bundleTimer =
                parameters
                        .processingTimeService()
                        .scheduleAtFixedRate(
                                time -> finishBundle(), bundleTimeMillis, bundleTimeMillis);
    }

    /** The encoder of the input rows; see the row layouts in the class comment. */
    private ArrowBatchEncoder inputEncoder(
            TypeInformation<?> keyType, TypeInformation<?> valueType) {
        Map<String, ArrowColumn> columns = new LinkedHashMap<>();
        ArrowColumn intColumn = ArrowColumn.forType(BasicTypeInfo.INT_TYPE_INFO);
        if (keyed) {
            columns.put("key_id", intColumn);
            columns.put("key", ArrowColumn.forType(keyType));
        }
        columns.put("value", ArrowColumn.forType(valueType));
        columns.put("timestamp", null); // int64
        if (keyed) {
            columns.put("timer", intColumn);
            columns.put("namespace", ArrowColumn.forType(PickledByteArrayTypeInfo.INSTANCE));
        } else if (broadcastType != null) {
            columns.put("input", intColumn);
        }
        if (broadcastType != null) {
            columns.put("broadcast", ArrowColumn.forType(broadcastType));
        }
        return new ArrowBatchEncoder(
                allocator,
                columns.keySet().toArray(String[]::new),
                columns.values().toArray(ArrowColumn[]::new));
    }

    private byte[] openMessage(
            TaskInfo task, TypeInformation<?> keyType, TypeInformation<?> valueType)
            throws IOException {
        ObjectNode open = JSON.createObjectNode();
        ArrayNode functions = open.putArray("functions");
        for (PythonFunctionSpec spec : chain) {
            ObjectNode function =
                    functions
                            .addObject()
                            .put("kind", spec.kind())
                            .put("payload", Base64.getEncoder().encodeToString(spec.payload()));
            if (!spec.options().isEmpty()) {
                ObjectNode options = function.putObject("options");
                spec.options().forEach(options::put);
            }
        }
        open.put("keyed", keyType != null);
        open.put("batch", parameters.isBatch());
        open.set("key_type", keyType == null ? null : PythonTypes.toJsonNode(keyType));
        open.set("input_type", PythonTypes.toJsonNode(valueType));
        if (broadcastType != null) {
            open.set("broadcast_type", PythonTypes.toJsonNode(broadcastType));
            ArrayNode names = open.putArray("broadcast_states");
            broadcastStateNames.forEach(names::add);
        }
        open.set("output_type", PythonTypes.toJsonNode(outType));
        ArrayNode sides = open.putArray("side_outputs");
        for (OutputTag<Object> tag : sideOutputs) {
            sides.addObject()
                    .put("tag", tag.getId())
                    .set("type", PythonTypes.toJsonNode(tag.getTypeInfo()));
        }
        open.put("operator_name", getOperatorName());
        open.put("task_name", task.getTaskName());
        open.put("subtask_index", task.getIndexOfThisSubtask());
        open.put("parallelism", task.getNumberOfParallelSubtasks());
        open.put("max_parallelism", task.getMaxNumberOfParallelSubtasks());
        open.put("attempt_number", task.getAttemptNumber());
        open.put("job_id", getRuntimeContext().getJobInfo().getJobId().toString());
        open.put("metric_enabled", metricEnabled);
        return JSON.writeValueAsBytes(open);
    }

    /** Adds a record of the (first) input; on a keyed stream its key is the current key. */
    protected final void addRecord(StreamRecord<?> element) throws Exception {
        if (keyed) {
            Tuple2<?, ?> pair = (Tuple2<?, ?>) element.getValue();
            keyedRow(
                    (PythonKey) getCurrentKey(),
                    pair.f1,
                    element.getTimestamp(),
                    element.hasTimestamp(),
                    null,
                    null);
        } else {
            encoder.set(0, element.getValue());
            encoder.setLong(1, element.getTimestamp(), element.hasTimestamp());
            if (broadcastType != null) {
                encoder.set(2, null);
                encoder.set(3, null);
            }
            endRow();
        }
        afterRow();
    }

    /** Adds an element of the broadcast input, which belongs to no key. */
    protected final void addBroadcastRecord(StreamRecord<?> element) throws Exception {
        if (keyed) {
            encoder.set(0, null);
            encoder.set(1, null);
            encoder.set(2, null);
            encoder.setLong(3, element.getTimestamp(), element.hasTimestamp());
            encoder.set(4, BROADCAST);
            encoder.set(5, null);
            encoder.set(6, element.getValue());
        } else {
            encoder.set(0, null);
            encoder.setLong(1, element.getTimestamp(), element.hasTimestamp());
            encoder.set(2, BROADCAST_INPUT);
            encoder.set(3, element.getValue());
        }
        endRow();
        afterRow();
    }

    /** Handles what the worker sent meanwhile, and ends the bundle when it is full. */
    private void afterRow() throws Exception {
        for (byte[] frame; (frame = channel.poll()) != null; ) {
            handle(frame);
        }
        if (bundleRecords >= bundleSize) {
            finishBundle();
        }
    }

    private void endRow() throws Exception {
        encoder.endRow();
        bundleRecords++;
        int rows = encoder.rowCount();
        if (rows >= batchSize) {
            sendBatch();
        } else if (rows == 1 && !lingerScheduled) {
            lingerScheduled = true;
            ProcessingTimeService clock = parameters.processingTimeService();
            clock.registerTimer(
                    clock.getCurrentProcessingTime() + lingerMillis,
                    time -> {
                        lingerScheduled = false;
                        if (!closed && encoder.rowCount() > 0) {
                            sendBatch();
                        }
                    });
        }
    }

    /**
     * Called by a gRPC thread when a frame for this operator arrives: the task thread then emits
     * results and applies timers without waiting for more input, which keeps latency low when
     * records are sparse.
     */
    private void scheduleDrain() {
        if (closed || !drainScheduled.compareAndSet(false, true)) {
            return;
        }
        ProcessingTimeService clock = parameters.processingTimeService();
        try {
            clock.registerTimer(clock.getCurrentProcessingTime(), time -> drain());
        } catch (RuntimeException e) {
            // The task is shutting down; whatever arrives now is not needed.
            drainScheduled.set(false);
        }
    }

    private void drain() throws Exception {
        drainScheduled.set(false);
        if (closed) {
            return;
        }
        for (byte[] frame; (frame = channel.poll()) != null; ) {
            handle(frame);
        }
    }

    /** The bundle-local id of {@code key}, assigned on its first row in the bundle. */
    private int keyId(PythonKey key) {
        Integer keyId = bundleKeyIds.get(key);
        if (keyId == null) {
            keyId = bundleKeys.size();
            bundleKeys.add(key);
            bundleKeyIds.put(key, keyId);
        }
        return keyId;
    }

    @Override
    public void onEventTime(InternalTimer<PythonKey, PythonKey> timer) throws Exception {
        addTimerRow(timer, EVENT_TIME);
    }

    @Override
    public void onProcessingTime(InternalTimer<PythonKey, PythonKey> timer) throws Exception {
        addTimerRow(timer, PROCESSING_TIME);
    }

    private void addTimerRow(InternalTimer<PythonKey, PythonKey> timer, int domain)
            throws Exception {
        firedTimers++;
        keyedRow(timer.key(), null, timer.timestamp(), true, domain, timer.namespace().getValue());
    }

    /**
     * Adds a keyed row: a record ({@code timer} null), a firing timer or a key's end. The key
     * column carries the key as it travels to the worker (typed value or pickled bytes).
     */
    private void keyedRow(
            PythonKey key,
            Object value,
            long timestamp,
            boolean hasTimestamp,
            Integer timer,
            Object namespace)
            throws Exception {
        encoder.set(0, keyId(key));
        encoder.set(1, key.getValue());
        encoder.set(2, value);
        encoder.setLong(3, timestamp, hasTimestamp);
        encoder.set(4, timer);
        encoder.set(5, namespace);
        if (broadcastType != null) {
            encoder.set(6, null);
        }
        endRow();
    }

    private void sendBatch() throws Exception {
        channel.send(Frames.BATCH, encoder.encode());
        batchesInFlight++;
        while (batchesInFlight > MAX_BATCHES_IN_FLIGHT) {
            handle(channel.take());
        }
    }

    /**
     * Ends the bundle: sends what is buffered and waits until the worker has returned every result
     * and state write of it, serving its state reads meanwhile.
     */
    private void finishBundle() throws Exception {
        if (bundleRecords == 0) {
            return;
        }
        if (encoder.rowCount() > 0) {
            sendBatch();
        }
        long id = ++bundleId;
        channel.send(Frames.END_BUNDLE, ByteBuffer.allocate(8).putLong(id).array());
        while (true) {
            byte[] frame = channel.take();
            if (handle(frame) && Frames.payload(frame).getLong() == id) {
                break;
            }
        }
        bundleRecords = 0;
        bundleKeys.clear();
        bundleKeyIds.clear();
        if (!endedKeys.isEmpty()) {
            Object currentKey = getCurrentKey();
            for (PythonKey key : endedKeys) {
                setCurrentKey(key);
                getKeyedStateBackend().clearCurrentKey();
            }
            endedKeys.clear();
            restoreKey(currentKey);
        }
    }

    /** Handles one frame from the worker; true if it ended a bundle. */
    private boolean handle(byte[] frame) throws Exception {
        switch (Frames.type(frame)) {
            case Frames.OUTPUT:
                batchesInFlight--;
                emit(frame);
                return false;
            case Frames.STATE_DECLARE:
                keyed(frame).declare(Frames.payloadBytes(frame));
                // The worker waits for this, so the bundle's writes cannot overtake the
                // declaration (they come on the data stream).
                channel.send(Frames.STATE_REPLY, new byte[0]);
                return false;
            case Frames.STATE_REQUEST:
                {
                    Object currentKey = getCurrentKey();
                    byte[] reply = keyed(frame).read(Frames.payload(frame), bundleKeys);
                    restoreKey(currentKey);
                    channel.send(Frames.STATE_REPLY, reply);
                    return false;
                }
            case Frames.TIMERS:
                applyTimers(Frames.payload(frame));
                return false;
            case Frames.METRICS:
                metrics.apply(Frames.payloadBytes(frame));
                return false;
            case Frames.BUNDLE_DONE:
                {
                    ByteBuffer done = Frames.payload(frame);
                    done.getLong();
                    if (keyedState != null) {
                        Object currentKey = getCurrentKey();
                        keyedState.write(done, bundleKeys);
                        restoreKey(currentKey);
                    }
                    if (broadcastState != null) {
                        broadcastState.write(done);
                    }
                    return true;
                }
            case Frames.ERROR:
                throw new PythonException(
                        "A Python function of '"
                                + getOperatorName()
                                + "' (subtask "
                                + (getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() + 1)
                                + "/"
                                + getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks()
                                + ") raised an exception:\n"
                                + Frames.payloadText(frame));
            default:
                throw new IllegalStateException(
                        "Unexpected frame " + Frames.type(frame) + " from the Python worker");
        }
    }

    private void emit(byte[] frame) throws IOException {
        if (frame.length == Frames.HEADER) {
            return;
        }
        try (ArrowBatchDecoder.Batch batch = decoder.open(Frames.payloadBytes(frame))) {
            boolean sides = !sideOutputs.isEmpty();
            for (int row = 0, rows = batch.rows(); row < rows; row++) {
                if (sides && !batch.isNull(2, row)) {
                    int side = (Integer) batch.get(2, row);
                    StreamRecord<Object> record = sideRecords.get(side);
                    record.replace(batch.get(3 + side, row));
                    setTimestamp(record, batch, row);
                    output.collect(sideOutputs.get(side), record);
                    continue;
                }
                @SuppressWarnings("unchecked") // the worker converted results to outType
                OUT value = (OUT) batch.get(0, row);
                outRecord.replace(value);
                setTimestamp(outRecord, batch, row);
                output.collect(outRecord);
            }
        }
    }

    private static void setTimestamp(
            StreamRecord<?> record, ArrowBatchDecoder.Batch batch, int row) {
        if (batch.isNull(1, row)) {
            record.eraseTimestamp();
        } else {
            record.setTimestamp(batch.getLong(1, row));
        }
    }

    private PythonKeyedState keyed(byte[] frame) {
        if (keyedState == null) {
            throw new IllegalStateException(
                    "The Python functions of '"
                            + getOperatorName()
                            + "' use keyed state or timers (frame "
                            + Frames.type(frame)
                            + "), which only exist on a keyed stream: apply them after key_by().");
        }
        return keyedState;
    }

    private void applyTimers(ByteBuffer request) {
        if (timers == null) {
            throw new IllegalStateException(
                    "Timers can only be used on a keyed stream, i.e. after key_by(), in '"
                            + getOperatorName()
                            + "'");
        }
        Object currentKey = getCurrentKey();
        int count = request.getInt();
        for (int i = 0; i < count; i++) {
            byte op = request.get();
            setCurrentKey(bundleKeys.get(request.getInt()));
            long time = request.getLong();
            PythonKey namespace = new PythonKey(Frames.readValue(request));
            switch (op) {
                case REGISTER_EVENT_TIME -> timers.registerEventTimeTimer(namespace, time);
                case REGISTER_PROCESSING_TIME ->
                        timers.registerProcessingTimeTimer(namespace, time);
                case DELETE_EVENT_TIME -> timers.deleteEventTimeTimer(namespace, time);
                case DELETE_PROCESSING_TIME -> timers.deleteProcessingTimeTimer(namespace, time);
                default -> throw new IllegalStateException("Unknown timer operation " + op);
            }
        }
        restoreKey(currentKey);
    }

    private void restoreKey(Object key) {
        if (key != null) {
            setCurrentKey(key);
        }
    }

    /**
     * Ends the bundle, then fires the timers up to the watermark in rounds until none is left (a
     * round's on_timer calls may register more), then forwards the watermark.
     */
    @Override
    public void processWatermark(Watermark mark) throws Exception {
        finishBundle();
        currentWatermark = mark.timestamp();
        channel.send(Frames.WATERMARK, ByteBuffer.allocate(8).putLong(mark.timestamp()).array());
        if (timers != null) {
            fireEventTimers(mark.timestamp());
        }
        output.emitWatermark(mark);
    }

    private void fireEventTimers(long watermark) throws Exception {
        do {
            firedTimers = 0;
            timers.advanceWatermark(watermark);
            finishBundle();
        } while (firedTimers > 0);
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        finishBundle();
    }

    @Override
    public void finish() throws Exception {
        finishBundle();
    }

    /**
     * BATCH mode, sorted keyed input: the key's input is over. An END_OF_KEY row tells the worker,
     * which keeps a BATCH job's timers itself (event time ends per key, processing time never
     * fires) and fires the key's timers on that row, then forgets the key. Its Java state is
     * dropped when the bundle ends, after the worker's last read of it, so keys do not each end a
     * bundle.
     */
    @Override
    public void endOfKey() throws Exception {
        if (!keyed) {
            super.endOfKey();
            return;
        }
        PythonKey key = (PythonKey) getCurrentKey();
        endedKeys.add(key);
        keyedRow(key, null, Long.MAX_VALUE, true, END_OF_KEY, null);
    }

    @Override
    public void close() throws Exception {
        closed = true;
        try {
            if (bundleTimer != null) {
                bundleTimer.cancel(false);
            }
            if (channel != null) {
                try {
                    channel.close();
                } catch (PythonException e) {
                    // The worker already failed; the task reports that failure.
                }
            }
        } finally {
            if (worker != null) {
                PythonWorkerManager.get().release(slot, worker);
                worker = null;
            }
            if (encoder != null) {
                encoder.close();
            }
            if (allocator != null) {
                allocator.close();
            }
            super.close();
        }
    }
}

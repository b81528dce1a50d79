package dev.brook.python;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brook.api.common.TaskInfo;
import dev.brook.api.common.state.ValueState;
import dev.brook.api.common.state.ValueStateDescriptor;
import dev.brook.api.common.typeinfo.BasicTypeInfo;
import dev.brook.api.common.typeinfo.PrimitiveArrayTypeInfo;
import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.java.tuple.Tuple2;
import dev.brook.api.java.typeutils.TupleTypeInfo;
import dev.brook.configuration.Configuration;
import dev.brook.streaming.runtime.operators.AbstractOneInputOperator;
import dev.brook.streaming.runtime.operators.OperatorFactory;
import dev.brook.streaming.runtime.operators.OperatorParameters;
import dev.brook.streaming.runtime.streamrecord.StreamRecord;
import dev.brook.streaming.runtime.streamrecord.Watermark;
import dev.brook.util.OutputTag;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Runs a fused chain of Python functions in the slot's Python worker. Add it with {@code
 * stream.transform(name, outType, PythonFunctionOperator.factory(chain, inType, outType))}.
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
 * worker receives key and value and hands functions only the value. Python keyed state lives in
 * Java keyed state, one {@code ValueState<byte[]>} of pickled values per Python state name, so
 * checkpoints cover it: the worker reads the keys of a batch it does not have cached with one
 * STATE_REQUEST, and returns the bundle's writes with BUNDLE_DONE. Keys are named by an id local to
 * the bundle, so no key is serialized twice.
 *
 * <p>Threading model: everything, including state access for the worker, runs on the task thread.
 */
public final class PythonFunctionOperator<IN, OUT> extends AbstractOneInputOperator<IN, OUT> {

    /** Unanswered batches allowed per operator. */
    static final int MAX_BATCHES_IN_FLIGHT = 4;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Function kinds that need keyed state, and so a keyed input. */
    private static final Set<String> KEYED_KINDS = Set.of("reduce", "keyed_process");

    private final List<PythonFunctionSpec> chain;
    private final TypeInformation<IN> inType;
    private final TypeInformation<OUT> outType;
    private final List<OutputTag<Object>> sideOutputs;
    private final List<StreamRecord<Object>> sideRecords;
    private final int bundleSize;
    private final long bundleTimeMillis;
    private final int batchSize;
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
    private final Map<String, ValueState<byte[]>> states = new HashMap<>();

    private PythonFunctionOperator(
            OperatorParameters<OUT> parameters,
            List<PythonFunctionSpec> chain,
            TypeInformation<IN> inType,
            TypeInformation<OUT> outType,
            List<OutputTag<Object>> sideOutputs) {
        super(parameters);
        this.chain = chain;
        this.inType = inType;
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
    }

    /**
     * The factory of an operator running {@code chain} on records of {@code inType} (on a keyed
     * stream: {@code Tuple2(key, value)}), emitting records of {@code outType}.
     */
    public static <IN, OUT> OperatorFactory<OUT> factory(
            List<PythonFunctionSpec> chain,
            TypeInformation<IN> inType,
            TypeInformation<OUT> outType) {
        return factory(chain, inType, outType, List.of());
    }

    /**
     * As {@link #factory(List, TypeInformation, TypeInformation)}, where a {@code process} function
     * may also emit to {@code sideOutputs} ({@code yield output_tag, value} in Python, matched by
     * tag id; each tag must carry its type). Read them with {@code getSideOutput(tag)}.
     */
    public static <IN, OUT> OperatorFactory<OUT> factory(
            List<PythonFunctionSpec> chain,
            TypeInformation<IN> inType,
            TypeInformation<OUT> outType,
            List<OutputTag<?>> sideOutputs) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("A Python operator needs at least one function");
        }
        // Fail while the graph is built, not in the task, on types Python cannot receive.
        PythonTypes.toJson(inType);
        PythonTypes.toJson(outType);
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
        return new Factory<>(List.copyOf(chain), inType, outType, List.copyOf(tags));
    }

    private record Factory<IN, OUT>(
            List<PythonFunctionSpec> chain,
            TypeInformation<IN> inType,
            TypeInformation<OUT> outType,
            List<OutputTag<Object>> sideOutputs)
            implements OperatorFactory<OUT> {
        @Override
        public PythonFunctionOperator<IN, OUT> create(OperatorParameters<OUT> parameters) {
            return new PythonFunctionOperator<>(parameters, chain, inType, outType, sideOutputs);
        }
    }

    @Override
    public void open() throws Exception {
        boolean keyed = isKeyed();
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
        encoder =
                keyed
                        ? new ArrowBatchEncoder(
                                allocator,
                                new String[] {"key_id", "key", "value", "timestamp"},
                                new ArrowColumn[] {
                                    ArrowColumn.forType(BasicTypeInfo.INT_TYPE_INFO),
                                    ArrowColumn.forType(keyType),
                                    ArrowColumn.forType(valueType),
                                    null
                                })
                        : new ArrowBatchEncoder(
                                allocator,
                                new String[] {"value", "timestamp"},
                                new ArrowColumn[] {ArrowColumn.forType(valueType), null});
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

        TaskInfo task = getRuntimeContext().getTaskInfo();
        slot = getRuntimeContext().getJobInfo().getJobId() + "/" + task.getIndexOfThisSubtask();
        worker = PythonWorkerManager.get().acquire(slot, parameters.jobConfiguration());
        channel = worker.openChannel();
        channel.send(Frames.OPEN, openMessage(task, keyType, valueType));
        bundleTimer =
                parameters
                        .processingTimeService()
                        .scheduleAtFixedRate(
                                time -> finishBundle(), bundleTimeMillis, bundleTimeMillis);
    }

    private byte[] openMessage(
            TaskInfo task, TypeInformation<?> keyType, TypeInformation<?> valueType)
            throws IOException {
        ObjectNode open = JSON.createObjectNode();
        ArrayNode functions = open.putArray("functions");
        for (PythonFunctionSpec spec : chain) {
            functions
                    .addObject()
                    .put("kind", spec.kind())
                    .put("payload", Base64.getEncoder().encodeToString(spec.payload()));
        }
        open.put("keyed", keyType != null);
        open.set("key_type", keyType == null ? null : PythonTypes.toJsonNode(keyType));
        open.set("input_type", PythonTypes.toJsonNode(valueType));
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
        return JSON.writeValueAsBytes(open);
    }

    @Override
    public void processElement(StreamRecord<IN> element) throws Exception {
        if (isKeyed()) {
            Tuple2<?, ?> pair = (Tuple2<?, ?>) element.getValue();
            PythonKey key = (PythonKey) getCurrentKey();
            Integer keyId = bundleKeyIds.get(key);
            if (keyId == null) {
                keyId = bundleKeys.size();
                bundleKeys.add(key);
                bundleKeyIds.put(key, keyId);
            }
            encoder.set(0, keyId);
            encoder.set(1, pair.f0);
            encoder.set(2, pair.f1);
            encoder.setLong(3, element.getTimestamp(), element.hasTimestamp());
        } else {
            encoder.set(0, element.getValue());
            encoder.setLong(1, element.getTimestamp(), element.hasTimestamp());
        }
        encoder.endRow();
        bundleRecords++;
        if (encoder.rowCount() >= batchSize) {
            sendBatch();
        }
        for (byte[] frame; (frame = channel.poll()) != null; ) {
            handle(frame);
        }
        if (bundleRecords >= bundleSize) {
            finishBundle();
        }
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
    }

    /** Handles one frame from the worker; true if it ended a bundle. */
    private boolean handle(byte[] frame) throws Exception {
        switch (Frames.type(frame)) {
            case Frames.OUTPUT:
                batchesInFlight--;
                emit(frame);
                return false;
            case Frames.STATE_REQUEST:
                serveStateRequest(Frames.payload(frame));
                return false;
            case Frames.BUNDLE_DONE:
                applyStateWrites(Frames.payload(frame));
                return true;
            case Frames.ERROR:
                throw new PythonException(Frames.payloadText(frame));
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

    private ValueState<byte[]> state(String name) {
        return states.computeIfAbsent(
                name,
                n ->
                        getKeyedStateBackend()
                                .getOrCreateKeyedState(
                                        new ValueStateDescriptor<>(
                                                n,
                                                PrimitiveArrayTypeInfo
                                                        .BYTE_PRIMITIVE_ARRAY_TYPE_INFO)));
    }

    private void serveStateRequest(ByteBuffer request) throws IOException {
        int requestId = request.getInt();
        int reads = request.getInt();
        Object currentKey = getCurrentKey();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + reads * 32);
        DataOutputStream reply = new DataOutputStream(bytes);
        reply.writeInt(requestId);
        reply.writeInt(reads);
        for (int i = 0; i < reads; i++) {
            int keyId = request.getInt();
            String name = Frames.readName(request);
            setCurrentKey(bundleKeys.get(keyId));
            byte[] value = state(name).value();
            if (value == null) {
                reply.writeInt(-1);
            } else {
                reply.writeInt(value.length);
                reply.write(value);
            }
        }
        restoreKey(currentKey);
        channel.send(Frames.STATE_REPLY, bytes.toByteArray());
    }

    private void applyStateWrites(ByteBuffer done) throws IOException {
        done.getLong();
        int writes = done.getInt();
        if (writes == 0) {
            return;
        }
        Object currentKey = getCurrentKey();
        for (int i = 0; i < writes; i++) {
            int keyId = done.getInt();
            String name = Frames.readName(done);
            byte[] value = Frames.readValue(done);
            setCurrentKey(bundleKeys.get(keyId));
            if (value == null) {
                state(name).clear();
            } else {
                state(name).update(value);
            }
        }
        restoreKey(currentKey);
    }

    private void restoreKey(Object key) {
        if (key != null) {
            setCurrentKey(key);
        }
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        finishBundle();
        super.processWatermark(mark);
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        finishBundle();
    }

    @Override
    public void finish() throws Exception {
        finishBundle();
    }

    /** BATCH mode: the key's results and state writes must be in before its state is dropped. */
    @Override
    public void endOfKey() throws Exception {
        finishBundle();
        super.endOfKey();
    }

    @Override
    public void close() throws Exception {
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

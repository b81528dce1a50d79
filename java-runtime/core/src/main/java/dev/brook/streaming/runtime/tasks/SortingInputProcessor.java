package dev.brook.streaming.runtime.tasks;

import dev.brook.api.common.functions.ReduceFunction;
import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.api.java.functions.KeySelector;
import dev.brook.core.memory.DataInputDeserializer;
import dev.brook.core.memory.DataOutputSerializer;
import dev.brook.metrics.Counter;
import dev.brook.streaming.runtime.operators.AbstractStreamOperator;
import dev.brook.streaming.runtime.operators.Input;
import dev.brook.streaming.runtime.operators.TwoInputStreamOperator;
import dev.brook.streaming.runtime.sort.RecordSorter;
import dev.brook.streaming.runtime.streamrecord.StreamRecord;
import dev.brook.streaming.runtime.streamrecord.Watermark;
import dev.brook.streaming.runtime.streamrecord.WatermarkStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * BATCH execution of a keyed operator: reads the whole input first, sorted by key, then feeds the
 * operator one key at a time. After the last record of a key the operator's {@link
 * AbstractStreamOperator#endOfKey()} runs: event time ends for that key (its event-time timers
 * fire) and its state is dropped, so the operator holds the state of one key at a time. Watermarks
 * from upstream are not needed: after the last key, one final watermark ends event time downstream.
 *
 * <p>Records are sorted by the hash code of their key (stable, so each key's records keep their
 * arrival order); records of a different key with the same hash are set aside and replayed,
 * grouped, after the others of that hash. An input without a key (a broadcast input) is not sorted
 * but processed as it arrives, so all of it comes before the first key.
 *
 * <p>Threading model: task thread only.
 */
final class SortingInputProcessor implements InputProcessor {

    /** Records fed to the operator per step while replaying, so that mail is served in between. */
    private static final int RECORDS_PER_STEP = 512;

    private final NetworkInputProcessor network;
    private final SortingInput<?>[] sortingInputs;
    private final RecordSorter sorter;
    private final AbstractStreamOperator<?> operator;
    private final Input<Object>[] targets;
    private final KeySelector<Object, Object>[] keySelectors;
    private final TypeSerializer<Object>[] serializers;
    private final TwoInputStreamOperator<?, ?, ?> twoInputOperator;

    private RecordSorter.Cursor cursor;
    private boolean inKey;
    private int currentHash;
    private Object currentKey;

    /** Records with the current hash but another key: (input, timestamp, value) serialized. */
    private final List<byte[]> setAside = new ArrayList<>();

    /**
     * Reads the gates into the sorter: keyed inputs add each record to it; an input without a key
     * (the broadcast side of a keyed broadcast operator) goes straight to the operator, so it is
     * processed completely before the first key, as in Flink's BATCH mode.
     *
     * @param targets the operator's own inputs, by logical input
     * @param keySelectors per logical input, null for an input without a key
     * @param combiner an associative reduce function to pre-aggregate each key's records with
     *     before sorting, or null to sort every record
     */
    @SuppressWarnings("unchecked")
    SortingInputProcessor(
            GateReader[] readers,
            int[] channelsPerInput,
            RecordSorter sorter,
            AbstractStreamOperator<?> operator,
            Input<?>[] targets,
            KeySelector<?, ?>[] keySelectors,
            TypeSerializer<?>[] serializers,
            ReduceFunction<?> combiner,
            TwoInputStreamOperator<?, ?, ?> twoInputOperator,
            Counter numRecordsIn) {
        Input<?>[] networkInputs = new Input<?>[targets.length];
        List<SortingInput<?>> sorting = new ArrayList<>();
        for (int i = 0; i < targets.length; i++) {
            if (keySelectors[i] == null) {
                networkInputs[i] = targets[i];
                continue;
            }
            SortingInput<?> input =
                    combiner == null
                            ? new SortingInput<>(i, sorter, keySelectors[i], serializers[i])
                            : new CombiningInput<>(
                                    i, sorter, keySelectors[i], serializers[i], combiner);
            networkInputs[i] = input;
            sorting.add(input);
        }
        this.network =
                new NetworkInputProcessor(
                        readers,
                        networkInputs,
                        channelsPerInput,
                        null,
                        true,
                        barrier -> {
                            throw new IllegalStateException(
                                    "Checkpoint barrier "
                                            + barrier.checkpointId()
                                            + " in BATCH mode, which takes no checkpoints");
                        },
                        numRecordsIn);
        this.sortingInputs = sorting.toArray(new SortingInput<?>[0]);
        this.sorter = sorter;
        this.operator = operator;
        this.targets = (Input<Object>[]) targets;
        this.keySelectors = (KeySelector<Object, Object>[]) keySelectors;
        this.serializers = (TypeSerializer<Object>[]) serializers;
        this.twoInputOperator = twoInputOperator;
    }

    @Override
    public DataInputStatus processInput() throws Exception {
        if (cursor == null) {
            DataInputStatus status = network.processInput();
            if (status != DataInputStatus.END_OF_INPUT) {
                return status;
            }
            for (SortingInput<?> input : sortingInputs) {
                input.flush();
            }
            cursor = sorter.finish();
        }
        DataInputDeserializer record;
        for (int n = 0; n < RECORDS_PER_STEP; n++) {
            if (!cursor.next()) {
                endOfInput();
                return DataInputStatus.END_OF_INPUT;
            }
            record = cursor.record();
            int hash = cursor.sortKey();
            int input = record.readByte();
            StreamRecord<Object> element = readElement(input, record);
            Object key = keySelectors[input].getKey(element.getValue());
            if (inKey && hash == currentHash && !Objects.equals(key, currentKey)) {
                setAside.add(cursor.copy());
                continue;
            }
            if (inKey && hash != currentHash) {
                endOfHash();
            }
            if (!inKey) {
                inKey = true;
                currentHash = hash;
                currentKey = key;
                targets[input].setKeyContextElement(element);
            }
            targets[input].processElement(element);
        }
        return DataInputStatus.MORE_AVAILABLE;
    }

    private StreamRecord<Object> readElement(int input, DataInputDeserializer in)
            throws IOException {
        boolean hasTimestamp = in.readBoolean();
        long timestamp = hasTimestamp ? in.readLong() : 0;
        Object value = serializers[input].deserialize(in);
        return hasTimestamp ? new StreamRecord<>(value, timestamp) : new StreamRecord<>(value);
    }

    /** Ends the current key, then replays the set-aside records of its hash, key by key. */
    private void endOfHash() throws Exception {
        operator.endOfKey();
        inKey = false;
        List<byte[]> pending = new ArrayList<>(setAside);
        setAside.clear();
        DataInputDeserializer in = new DataInputDeserializer();
        while (!pending.isEmpty()) {
            Object groupKey = null;
            List<byte[]> others = new ArrayList<>();
            for (byte[] bytes : pending) {
                in.setBuffer(bytes, 0, bytes.length);
                int input = in.readByte();
                StreamRecord<Object> element = readElement(input, in);
                Object key = keySelectors[input].getKey(element.getValue());
                if (groupKey == null) {
                    // The first record of the group sets the key.
                    groupKey = key;
                    targets[input].setKeyContextElement(element);
                }
                if (Objects.equals(key, groupKey)) {
                    targets[input].processElement(element);
                } else {
                    others.add(bytes);
                }
            }
            operator.endOfKey();
            pending = others;
        }
    }

    private void endOfInput() throws Exception {
        if (inKey) {
            endOfHash();
        }
        Watermark end = new Watermark(Long.MAX_VALUE);
        for (Input<Object> target : targets) {
            target.processWatermark(end);
        }
        if (twoInputOperator != null) {
            twoInputOperator.endInput(1);
            twoInputOperator.endInput(2);
        }
    }

    @Override
    public CompletableFuture<?> getAvailableFuture() {
        return cursor == null
                ? network.getAvailableFuture()
                : CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
        try {
            network.close();
        } finally {
            sorter.close();
        }
    }

    /** Adds the records of one logical input to the sorter: input index, timestamp, value. */
    private static class SortingInput<T> implements Input<T> {
        private final int index;
        private final RecordSorter sorter;
        final KeySelector<T, ?> keySelector;
        private final TypeSerializer<T> serializer;
        private final DataOutputSerializer out = new DataOutputSerializer(256);

        @SuppressWarnings("unchecked")
        SortingInput(
                int index,
                RecordSorter sorter,
                KeySelector<?, ?> keySelector,
                TypeSerializer<?> serializer) {
            this.index = index;
            this.sorter = sorter;
            this.keySelector = (KeySelector<T, ?>) keySelector;
            this.serializer = (TypeSerializer<T>) serializer;
        }

        @Override
        public void processElement(StreamRecord<T> element) throws Exception {
            T value = element.getValue();
            add(keySelector.getKey(value), value, element.hasTimestamp(), element.getTimestamp());
        }

        final void add(Object key, T value, boolean hasTimestamp, long timestamp)
                throws IOException {
            out.clear();
            out.writeByte(index);
            out.writeBoolean(hasTimestamp);
            if (hasTimestamp) {
                out.writeLong(timestamp);
            }
            serializer.serialize(value, out);
            sorter.add(Objects.hashCode(key), out.getSharedBuffer(), out.length());
        }

        /** End of input: adds what is still held back. */
        void flush() throws IOException {}

        /** Event time restarts for every key, so upstream watermarks are not used. */
        @Override
        public void processWatermark(Watermark mark) {}

        @Override
        public void processWatermarkStatus(WatermarkStatus status) {}

        @Override
        public void setKeyContextElement(StreamRecord<T> record) {}

        @Override
        public boolean isKeyed() {
            return false;
        }
    }

    /**
     * Reduces each key's records as they arrive and adds only the partial results to the sorter,
     * for associative aggregations (the sorted replay then reduces the partials, in arrival order).
     * At most {@link #MAX_KEYS} keys are held; beyond that the partials go to the sorter and the
     * next ones start afresh, so memory stays bounded. Partial results carry no timestamp, like the
     * final results of a BATCH aggregation.
     */
    private static final class CombiningInput<T> extends SortingInput<T> {
        private static final int MAX_KEYS = 1 << 16;

        private final ReduceFunction<T> combiner;
        private final HashMap<Object, T> partials = new HashMap<>();

        @SuppressWarnings("unchecked")
        CombiningInput(
                int index,
                RecordSorter sorter,
                KeySelector<?, ?> keySelector,
                TypeSerializer<?> serializer,
                ReduceFunction<?> combiner) {
            super(index, sorter, keySelector, serializer);
            this.combiner = (ReduceFunction<T>) combiner;
        }

        @Override
        public void processElement(StreamRecord<T> element) throws Exception {
            T value = element.getValue();
            Object key = keySelector.getKey(value);
            T partial = partials.get(key);
            partials.put(key, partial == null ? value : combiner.reduce(partial, value));
            if (partials.size() > MAX_KEYS) {
                flush();
            }
        }

        @Override
        void flush() throws IOException {
            for (Map.Entry<Object, T> partial : partials.entrySet()) {
                add(partial.getKey(), partial.getValue(), false, 0);
            }
            partials.clear();
        }
    }
}

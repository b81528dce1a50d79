package dev.brook.streaming.runtime.tasks;

import dev.brook.core.memory.DataOutputSerializer;
import dev.brook.metrics.Counter;
import dev.brook.runtime.io.network.partition.ResultPartition;
import dev.brook.streaming.runtime.operators.Output;
import dev.brook.streaming.runtime.partitioner.StreamPartitioner;
import dev.brook.streaming.runtime.streamrecord.StreamElement;
import dev.brook.streaming.runtime.streamrecord.StreamElementSerializer;
import dev.brook.streaming.runtime.streamrecord.StreamRecord;
import dev.brook.streaming.runtime.streamrecord.Watermark;
import dev.brook.streaming.runtime.streamrecord.WatermarkStatus;
import dev.brook.util.OutputTag;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Serializes records into a network partition, choosing each record's channel with the edge's
 * partitioner. Control events go to every channel. Records written count into the task's {@code
 * numRecordsOut}.
 */
final class RecordWriterOutput<T> implements Output<T> {

    private final ResultPartition partition;
    private final StreamPartitioner<T> partitioner;
    private final StreamElementSerializer<T> serializer;
    private final OutputTag<?> tag;
    private final DataOutputSerializer buffer = new DataOutputSerializer(128);
    private final boolean broadcast;
    private final Counter numRecordsOut;

    RecordWriterOutput(
            ResultPartition partition,
            StreamPartitioner<T> partitioner,
            StreamElementSerializer<T> serializer,
            OutputTag<?> tag,
            Counter numRecordsOut) {
        this.numRecordsOut = numRecordsOut;
        this.partition = partition;
        this.partitioner = partitioner;
        this.serializer = serializer;
        this.tag = tag;
        this.broadcast = partitioner.isBroadcast();
        partitioner.setup(partition.getNumberOfSubpartitions());
    }

    ResultPartition partition() {
        return partition;
    }

    @Override
    public void collect(StreamRecord<T> record) {
        if (tag == null) {
            write(record);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <X> void collect(OutputTag<X> outputTag, StreamRecord<X> record) {
        if (tag != null && tag.equals(outputTag)) {
            write((StreamRecord<T>) record);
        }
    }

    private void write(StreamRecord<T> record) {
        numRecordsOut.inc();
        buffer.clear();
        try {
            serializer.serializeRecord(record, buffer);
            if (broadcast) {
                partition.broadcast(buffer.getSharedBuffer(), buffer.length());
            } else {
                partition.emit(
                        buffer.getSharedBuffer(),
                        buffer.length(),
                        partitioner.selectChannel(record));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not serialize record " + record.getValue(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskInterruptedException();
        }
    }

    /** Sends a control event to every channel; flushes if {@code flush}. */
    void broadcastEvent(StreamElement event, boolean flush) {
        buffer.clear();
        StreamElementSerializer.serializeEvent(event, buffer);
        try {
            partition.broadcast(buffer.getSharedBuffer(), buffer.length());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskInterruptedException();
        }
        if (flush) {
            partition.flushAll();
        }
    }

    @Override
    public void emitWatermark(Watermark mark) {
        broadcastEvent(mark, false);
    }

    @Override
    public void emitWatermarkStatus(WatermarkStatus status) {
        broadcastEvent(status, false);
    }
}

package dev.brook.streaming.runtime.operators;

import dev.brook.api.common.JobInfo;
import dev.brook.api.common.TaskInfo;
import dev.brook.api.connector.sink2.Sink;
import dev.brook.api.connector.sink2.SinkWriter;
import dev.brook.api.connector.sink2.WriterInitContext;
import dev.brook.streaming.runtime.streamrecord.StreamRecord;
import dev.brook.streaming.runtime.streamrecord.Watermark;

/** Runs the {@link SinkWriter} of a {@link Sink}. */
public final class SinkWriterOperator<IN> extends AbstractOneInputOperator<IN, Void> {

    private final Sink<IN> sink;
    private SinkWriter<IN> writer;
    private final ContextImpl context = new ContextImpl();

    public SinkWriterOperator(OperatorParameters<Void> parameters, Sink<IN> sink) {
        super(parameters);
        this.sink = sink;
    }

    @Override
    public void open() throws Exception {
        writer =
                sink.createWriter(
                        new WriterInitContext() {
                            @Override
                            public TaskInfo getTaskInfo() {
                                return getRuntimeContext().getTaskInfo();
                            }

                            @Override
                            public JobInfo getJobInfo() {
                                return getRuntimeContext().getJobInfo();
                            }

                            @Override
                            public ClassLoader getUserCodeClassLoader() {
                                return getRuntimeContext().getUserCodeClassLoader();
                            }
                        });
    }

    @Override
    public void processElement(StreamRecord<IN> element) throws Exception {
        context.current = element;
        writer.write(element.getValue(), context);
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        currentWatermark = mark.timestamp();
        writer.writeWatermark(new dev.brook.api.common.eventtime.Watermark(mark.timestamp()));
    }

    @Override
    public void finish() throws Exception {
        writer.flush(true);
    }

    /** What the writer buffers goes out before the barrier, so a checkpoint never loses it. */
    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        writer.flush(false);
    }

    @Override
    public void close() throws Exception {
        if (writer != null) {
            writer.close();
        }
    }

    private final class ContextImpl implements SinkWriter.Context {
        StreamRecord<?> current;

        @Override
        public long currentWatermark() {
            return currentWatermark;
        }

        @Override
        public Long timestamp() {
            return current != null && current.hasTimestamp() ? current.getTimestamp() : null;
        }
    }
}

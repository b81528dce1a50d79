package dev.brook.client.python;

import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.connector.sink2.Sink;
import dev.brook.api.connector.sink2.SinkWriter;
import dev.brook.api.connector.sink2.WriterInitContext;
import dev.brook.python.PickledByteArrayTypeInfo;
import dev.brook.runtime.util.DaemonThreadFactory;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The sink of {@code DataStream.execute_and_collect()}: each subtask connects to the {@link
 * CollectServer} of the client that submitted the job and streams its records there, pickled ones
 * as they are, typed ones as the JSON the Python API reads. A frame is a 4-byte length and the
 * bytes; length -1 says the subtask reached the end of its input.
 *
 * <p>Threading model: the task thread writes; a shared flusher thread flushes what is buffered
 * every {@value #FLUSH_INTERVAL_MILLIS} ms; both hold the writer's lock.
 *
 * <p>Records are not replayed after a failover: a job that restarts may deliver some twice.
 */
final class CollectSink implements Sink<Object> {

    private static final long serialVersionUID = 1L;

    /**
     * Buffered records reach the client within this time, also when no more records follow (an
     * unbounded job's last results must not wait for the next record).
     */
    private static final long FLUSH_INTERVAL_MILLIS = 20;

    /** Flushes the writers' buffers; one daemon thread for all writers of this JVM. */
    private static final ScheduledExecutorService FLUSHER =
            Executors.newSingleThreadScheduledExecutor(
                    new DaemonThreadFactory("brook-collect-flusher"));

    /** Where the client listens, and the token that proves a connection belongs to this job. */
    record Target(String host, int port, String token) implements Serializable {}

    private final Target target;
    private final TypeInformation<Object> type;

    CollectSink(Target target, TypeInformation<Object> type) {
        this.target = target;
        this.type = type;
    }

    @Override
    public SinkWriter<Object> createWriter(WriterInitContext context) throws IOException {
        return new Writer(target, type);
    }

    private static final class Writer implements SinkWriter<Object> {
        private final Socket socket;
        private final DataOutputStream out;
        private final TypeInformation<Object> type;
        private final boolean pickled;
        private final ScheduledFuture<?> flusher;
        private boolean unflushed;

        Writer(Target target, TypeInformation<Object> type) throws IOException {
            this.type = type;
            this.pickled = PickledByteArrayTypeInfo.INSTANCE.equals(type);
            socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(target.host(), target.port()), 10_000);
            } catch (IOException e) {
                socket.close();
                throw new IOException(
                        "The collect sink cannot reach the client at "
                                + target.host()
                                + ":"
                                + target.port()
                                + " that waits for the job's records",
                        e);
            }
            out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 1 << 16));
            out.writeUTF(target.token());
            flusher =
                    FLUSHER.scheduleWithFixedDelay(
                            this::flushBuffered,
                            FLUSH_INTERVAL_MILLIS,
                            FLUSH_INTERVAL_MILLIS,
                            TimeUnit.MILLISECONDS);
        }

        private synchronized void flushBuffered() {
            if (unflushed) {
                try {
                    out.flush();
                } catch (IOException e) {
                    // The client is gone; the task's next write reports it.
                }
                unflushed = false;
            }
        }

        @Override
        public synchronized void write(Object element, Context context) throws IOException {
            byte[] bytes =
                    pickled
                            ? (byte[]) element
                            : PythonValues.toJson(element, type)
                                    .toString()
                                    .getBytes(StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.write(bytes);
            unflushed = true;
        }

        @Override
        public synchronized void flush(boolean endOfInput) throws IOException {
            if (endOfInput) {
                out.writeInt(-1);
            }
            out.flush();
        }

        @Override
        public void close() throws IOException {
            flusher.cancel(false);
            synchronized (this) {
                socket.close();
            }
        }
    }
}

package dev.brook.client.python;

import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.connector.sink2.Sink;
import dev.brook.api.connector.sink2.SinkWriter;
import dev.brook.api.connector.sink2.WriterInitContext;
import dev.brook.python.PickledByteArrayTypeInfo;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The sink of {@code DataStream.execute_and_collect()}: each subtask connects to the {@link
 * CollectServer} of the client that submitted the job and streams its records there, pickled ones
 * as they are, typed ones as the JSON the Python API reads. A frame is a 4-byte length and the
 * bytes; length -1 says the subtask reached the end of its input.
 *
 * <p>Records are not replayed after a failover: a job that restarts may deliver some twice.
 */
final class CollectSink implements Sink<Object> {

    private static final long serialVersionUID = 1L;

    /** A streaming job's records reach the client at least this often while they keep coming. */
    private static final long FLUSH_INTERVAL_NANOS = 50_000_000L;

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
        private long lastFlush = System.nanoTime();

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
        }

        @Override
        public void write(Object element, Context context) throws IOException {
            byte[] bytes =
                    pickled
                            ? (byte[]) element
                            : PythonValues.toJson(element, type)
                                    .toString()
                                    .getBytes(StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.write(bytes);
            long now = System.nanoTime();
            if (now - lastFlush > FLUSH_INTERVAL_NANOS) {
                out.flush();
                lastFlush = now;
            }
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            if (endOfInput) {
                out.writeInt(-1);
            }
            out.flush();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}

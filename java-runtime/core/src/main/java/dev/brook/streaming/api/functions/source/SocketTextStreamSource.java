package dev.brook.streaming.api.functions.source;

import dev.brook.api.connector.source.Boundedness;
import dev.brook.api.connector.source.ReaderOutput;
import dev.brook.api.connector.source.Source;
import dev.brook.api.connector.source.SourceReader;
import dev.brook.api.connector.source.SourceReaderContext;
import dev.brook.api.connector.source.SourceSplit;
import dev.brook.api.connector.source.SplitEnumerator;
import dev.brook.api.connector.source.SplitEnumeratorContext;
import dev.brook.api.connector.source.lib.util.FixedVersionSerializer;
import dev.brook.api.connector.source.lib.util.SplitListSerializer;
import dev.brook.api.connector.source.lib.util.StaticSplitEnumerator;
import dev.brook.core.io.InputStatus;
import dev.brook.core.io.SimpleVersionedSerializer;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;

/**
 * Reads delimited text from a TCP socket. A fetcher thread reads the socket so the task thread
 * never blocks; the stream ends when the server closes the connection and no retries are left.
 *
 * <p>Not replayable: a socket cannot be rewound, so a checkpoint stores only that the reader holds
 * the connection, and a restored reader connects again and reads whatever the server sends from
 * then on. Lines received but not yet emitted, and lines sent while the job was down, are lost: at
 * most once on recovery, as Flink's {@code socketTextStream}. Meant for testing.
 */
public final class SocketTextStreamSource
        implements Source<
                String,
                SocketTextStreamSource.SocketSplit,
                Collection<SocketTextStreamSource.SocketSplit>> {

    private static final long serialVersionUID = 1L;
    private static final long RETRY_DELAY_MS = 500;

    private final String hostname;
    private final int port;
    private final String delimiter;
    private final long maxNumRetries;

    /**
     * @param maxNumRetries reconnect attempts after the connection ends; -1 retries forever
     */
    public SocketTextStreamSource(String hostname, int port, String delimiter, long maxNumRetries) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Port " + port + " is not between 0 and 65535");
        }
        if (delimiter == null || delimiter.isEmpty()) {
            throw new IllegalArgumentException("The delimiter must not be empty");
        }
        this.hostname = hostname;
        this.port = port;
        this.delimiter = delimiter;
        this.maxNumRetries = maxNumRetries;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SplitEnumerator<SocketSplit, Collection<SocketSplit>> createEnumerator(
            SplitEnumeratorContext<SocketSplit> context) {
        return new StaticSplitEnumerator<>(context, List.of(new SocketSplit()));
    }

    @Override
    public SplitEnumerator<SocketSplit, Collection<SocketSplit>> restoreEnumerator(
            SplitEnumeratorContext<SocketSplit> context, Collection<SocketSplit> checkpoint) {
        return new StaticSplitEnumerator<>(context, checkpoint);
    }

    @Override
    public SourceReader<String, SocketSplit> createReader(SourceReaderContext context) {
        return new SocketReader(context);
    }

    @Override
    public SimpleVersionedSerializer<SocketSplit> getSplitSerializer() {
        return new FixedVersionSerializer<>(1, "socket split") {
            @Override
            protected void write(SocketSplit split, DataOutputStream out) {}

            @Override
            protected SocketSplit read(DataInputStream in) {
                return new SocketSplit();
            }
        };
    }

    @Override
    public SimpleVersionedSerializer<Collection<SocketSplit>> getEnumeratorCheckpointSerializer() {
        return new SplitListSerializer<>(getSplitSerializer());
    }

    /** The one split: the socket connection. It has no position, since nothing can be replayed. */
    public static final class SocketSplit implements SourceSplit {
        @Override
        public String splitId() {
            return "socket";
        }
    }

    private final class SocketReader implements SourceReader<String, SocketSplit> {
        private static final Object END = new Object();

        private final SourceReaderContext context;
        private final ArrayBlockingQueue<Object> lines = new ArrayBlockingQueue<>(4096);
        private volatile CompletableFuture<Void> available = new CompletableFuture<>();
        private volatile Throwable error;
        private volatile boolean closed;
        private volatile Socket socket;
        private Thread fetcher;
        private boolean ended;

        SocketReader(SourceReaderContext context) {
            this.context = context;
        }

        /** Asks for the connection unless a restored one was added before the start. */
        @Override
        public void start() {
            if (fetcher == null) {
                context.sendSplitRequest();
            }
        }

        @Override
        public void addSplits(List<SocketSplit> splits) {
            if (fetcher == null && !splits.isEmpty()) {
                fetcher = new Thread(this::fetch, "Socket reader " + hostname + ":" + port);
                fetcher.setDaemon(true);
                fetcher.start();
            }
        }

        @Override
        public void notifyNoMoreSplits() {
            if (fetcher == null) {
                ended = true;
            }
            available.complete(null);
        }

        private void fetch() {
            long attempts = 0;
            try {
                while (!closed) {
                    try (Socket s = new Socket()) {
                        socket = s;
                        s.connect(new InetSocketAddress(hostname, port), 10_000);
                        readDelimited(
                                new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        if (closed) {
                            return;
                        }
                        if (attempts == 0 && maxNumRetries == 0) {
                            throw new IOException(
                                    "Could not read from socket "
                                            + hostname
                                            + ":"
                                            + port
                                            + ": "
                                            + e.getMessage()
                                            + ". Is a server listening there (for example"
                                            + " 'nc -lk "
                                            + port
                                            + "')?",
                                    e);
                        }
                    }
                    attempts++;
                    if (maxNumRetries != -1 && attempts > maxNumRetries) {
                        break;
                    }
                    Thread.sleep(RETRY_DELAY_MS);
                }
                put(END);
            } catch (Throwable t) {
                error = t;
                available.complete(null);
            }
        }

        private void readDelimited(Reader in) throws IOException, InterruptedException {
            StringBuilder buffer = new StringBuilder();
            char[] chunk = new char[8192];
            int n;
            while ((n = in.read(chunk)) != -1) {
                buffer.append(chunk, 0, n);
                int idx;
                while ((idx = buffer.indexOf(delimiter)) >= 0) {
                    String line = buffer.substring(0, idx);
                    buffer.delete(0, idx + delimiter.length());
                    if (delimiter.equals("\n") && line.endsWith("\r")) {
                        line = line.substring(0, line.length() - 1);
                    }
                    put(line);
                }
            }
            if (buffer.length() > 0) {
                put(buffer.toString());
            }
        }

        private void put(Object item) throws InterruptedException {
            lines.put(item);
            available.complete(null);
        }

        @Override
        public InputStatus pollNext(ReaderOutput<String> output) throws Exception {
            if (error != null) {
                throw new IOException(error.getMessage(), error);
            }
            if (ended) {
                return InputStatus.END_OF_INPUT;
            }
            for (int i = 0; i < 256; i++) {
                Object item = lines.poll();
                if (item == null) {
                    available = new CompletableFuture<>();
                    if (!lines.isEmpty() || error != null) {
                        available.complete(null);
                    }
                    return InputStatus.NOTHING_AVAILABLE;
                }
                if (item == END) {
                    ended = true;
                    return InputStatus.END_OF_INPUT;
                }
                output.collect((String) item);
            }
            return InputStatus.MORE_AVAILABLE;
        }

        @Override
        public CompletableFuture<Void> isAvailable() {
            return available;
        }

        /**
         * The connection if this reader holds it, so that a restored reader connects again; no
         * position, since the socket cannot be replayed (at most once).
         */
        @Override
        public List<SocketSplit> snapshotState(long checkpointId) {
            return fetcher != null ? List.of(new SocketSplit()) : List.of();
        }

        @Override
        public void close() throws IOException {
            closed = true;
            Socket s = socket;
            if (s != null) {
                s.close();
            }
            if (fetcher != null) {
                fetcher.interrupt();
            }
        }
    }
}

package dev.brook.client.python;

import dev.brook.core.execution.JobClient;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client end of {@code execute_and_collect()}: a server socket the job's {@link CollectSink}
 * subtasks connect to, and the iterator Python pulls batches from. {@link #nextBatch()} returns
 * several records in one byte array (each a 4-byte length and its bytes), so a batch is one Py4J
 * call; {@code null} ends the iteration. A failed job's failure is raised at the end instead.
 *
 * <p>Threading model: one reader thread per sink connection feeds a queue; Python calls {@link
 * #nextBatch()} from one thread.
 */
public final class PythonCollectIterator implements AutoCloseable {

    private static final byte[] END = new byte[0];
    private static final int MAX_BATCH_BYTES = 1 << 20;

    private final ServerSocket server;
    private final String token;
    private final BlockingQueue<byte[]> records = new LinkedBlockingQueue<>(10_000);
    private final AtomicInteger openConnections = new AtomicInteger();
    private volatile JobClient job;
    private final long limit;
    private long delivered;
    private boolean ended;

    PythonCollectIterator(InetAddress bindAddress, long limit) throws IOException {
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(bindAddress, 0));
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        this.token = HexFormat.of().formatHex(secret);
        this.limit = limit;
        Thread acceptor = new Thread(this::accept, "brook-collect-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    CollectSink.Target target(String advertisedHost) {
        return new CollectSink.Target(advertisedHost, server.getLocalPort(), token);
    }

    void attach(JobClient job) {
        this.job = job;
        job.getJobExecutionResult().whenComplete((result, error) -> records.offer(END));
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                openConnections.incrementAndGet();
                Thread reader = new Thread(() -> read(socket), "brook-collect-reader");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void read(Socket socket) {
        try (socket;
                DataInputStream in =
                        new DataInputStream(
                                new java.io.BufferedInputStream(socket.getInputStream()))) {
            if (!token.equals(in.readUTF())) {
                return;
            }
            while (true) {
                int length = in.readInt();
                if (length < 0) {
                    return;
                }
                byte[] record = new byte[length];
                in.readFully(record);
                records.put(record);
            }
        } catch (EOFException | SocketException gone) {
            // the subtask failed or was cancelled; the job's result says why
        } catch (IOException | InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            openConnections.decrementAndGet();
        }
    }

    /** The next records, framed; {@code null} once the job has ended and all were delivered. */
    public byte[] nextBatch() throws Exception {
        if (ended) {
            return null;
        }
        ByteArrayOutputStream batch = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(batch);
        byte[] record = records.take();
        while (true) {
            if (record == END) {
                // The job is over; its sinks' last records may still be in flight on sockets.
                byte[] late;
                while ((late =
                                        records.poll(
                                                openConnections.get() > 0 ? 50 : 0,
                                                TimeUnit.MILLISECONDS))
                                != null
                        || openConnections.get() > 0) {
                    if (late != null && late != END && !limitReached()) {
                        write(out, late);
                    }
                }
                ended = true;
                PythonErrors.await(job.getJobExecutionResult());
                return batch.size() == 0 ? null : batch.toByteArray();
            }
            write(out, record);
            if (limitReached()) {
                ended = true;
                job.cancel();
                return batch.toByteArray();
            }
            if (batch.size() >= MAX_BATCH_BYTES || (record = records.poll()) == null) {
                return batch.toByteArray();
            }
        }
    }

    private void write(DataOutputStream out, byte[] record) throws IOException {
        out.writeInt(record.length);
        out.write(record);
        delivered++;
    }

    private boolean limitReached() {
        return limit > 0 && delivered >= limit;
    }

    @Override
    public void close() throws IOException {
        if (!ended && job != null) {
            ended = true;
            job.cancel();
        }
        server.close();
    }
}

package dev.brook.python;

import dev.brook.util.FileUtils;
import io.grpc.stub.ServerCallStreamObserver;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Python worker process and its stream, shared by the Python operators of one slot. Each
 * operator talks to the worker through its own {@link Channel}: frames to the worker are sent in
 * order on the one stream, frames from the worker are routed by operator id into the channel's
 * queue, which the operator's task thread reads.
 *
 * <p>Lifecycle: started by {@link PythonWorkerManager}, connected when its HELLO arrives, failed
 * when it exits, drops its connection or stops sending heartbeats (every operator then fails with
 * the reason, including the worker's last stderr lines), stopped when its last operator is done.
 *
 * <p>Threading model: task threads use channels; gRPC threads deliver frames; a reader thread per
 * output stream copies the worker's stdout and stderr to the log {@code dev.brook.python.worker}.
 */
final class PythonWorker {

    private static final Logger LOG = LoggerFactory.getLogger(PythonWorker.class);
    private static final Logger WORKER_LOG = LoggerFactory.getLogger("dev.brook.python.worker");

    /** Lines of stderr kept for the failure message of a worker that dies. */
    private static final int STDERR_LINES = 30;

    /** Put into every channel when the worker fails, to wake operators that wait. */
    private static final byte[] FAILED = new byte[0];

    private final String id;
    private final String token;
    private final long heartbeatTimeoutNanos;
    private final Map<Integer, Channel> channels = new ConcurrentHashMap<>();
    private final AtomicInteger nextOperatorId = new AtomicInteger();
    private final CountDownLatch connection = new CountDownLatch(1);
    private final Deque<String> lastStderr = new ArrayDeque<>();
    private volatile ServerCallStreamObserver<byte[]> toWorker;
    private volatile ServerCallStreamObserver<byte[]> toWorkerState;
    private final Object stateLock = new Object();
    private volatile long lastHeardNanos = System.nanoTime();
    private volatile String failure;
    private volatile boolean stopping;
    private Process process;
    private Path workDir;
    private Thread stderrReader;

    PythonWorker(String id, String token, Duration heartbeatTimeout) {
        this.id = id;
        this.token = token;
        this.heartbeatTimeoutNanos = heartbeatTimeout.toNanos();
    }

    String id() {
        return id;
    }

    String token() {
        return token;
    }

    /**
     * Starts the process; its output goes to the log, its exit fails the worker and deletes its
     * working directory (the builder's, made for this worker alone).
     */
    void start(ProcessBuilder builder) throws IOException {
        process = builder.start();
        pipeToLog(process.getInputStream(), "stdout", false);
        stderrReader = pipeToLog(process.getErrorStream(), "stderr", true);
        Path dir = builder.directory().toPath();
        workDir = dir;
        process.onExit()
                .thenRun(
                        () -> {
                            exited();
                            FileUtils.deleteDirectoryQuietly(dir);
                        });
    }

    private Thread pipeToLog(InputStream stream, String name, boolean keep) {
        Thread reader =
                new Thread(
                        () -> {
                            try (BufferedReader lines =
                                    new BufferedReader(
                                            new InputStreamReader(
                                                    stream, StandardCharsets.UTF_8))) {
                                for (String line; (line = lines.readLine()) != null; ) {
                                    WORKER_LOG.info("[{} {}] {}", id, name, line);
                                    if (keep) {
                                        synchronized (lastStderr) {
                                            if (lastStderr.size() == STDERR_LINES) {
                                                lastStderr.removeFirst();
                                            }
                                            lastStderr.addLast(line);
                                        }
                                    }
                                }
                            } catch (IOException e) {
                                LOG.debug("Stopped reading {} of Python worker {}", name, id, e);
                            }
                        },
                        "python-worker-" + id + "-" + name);
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    private void exited() {
        try {
            // The last lines usually say why; let the reader copy them first.
            stderrReader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!stopping) {
            String stderr;
            synchronized (lastStderr) {
                stderr = String.join("\n", lastStderr);
            }
            fail(
                    "Python worker "
                            + id
                            + " exited with code "
                            + process.exitValue()
                            + (stderr.isEmpty() ? "" : ". Its last output on stderr:\n" + stderr));
        }
    }

    /** Waits until the worker has connected, failed, or {@code timeout} has passed. */
    void awaitConnection(Duration timeout) throws InterruptedException {
        if (!connection.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            fail(
                    "Python worker "
                            + id
                            + " did not connect within "
                            + timeout.toSeconds()
                            + " s (see 'python.worker.heartbeat-timeout')");
        }
        String reason = failure;
        if (reason != null) {
            throw new PythonException(reason);
        }
    }

    // ------------------------------------------------------------------ gRPC side

    void connected(ServerCallStreamObserver<byte[]> toWorker) {
        this.toWorker = toWorker;
        lastHeardNanos = System.nanoTime();
        connection.countDown();
    }

    /** The worker's state stream is open; STATE_REPLY frames go there. */
    void stateConnected(ServerCallStreamObserver<byte[]> toWorkerState) {
        this.toWorkerState = toWorkerState;
        lastHeardNanos = System.nanoTime();
    }

    void onFrame(byte[] frame) {
        lastHeardNanos = System.nanoTime();
        if (Frames.type(frame) == Frames.HEARTBEAT) {
            return;
        }
        Channel channel = channels.get(Frames.operatorId(frame));
        if (channel != null) {
            channel.deliver(frame);
        }
    }

    void disconnected(String why) {
        if (stopping) {
            return;
        }
        try {
            // A worker that dies drops its connection first; its exit code and stderr say more.
            if (process != null && process.waitFor(2, TimeUnit.SECONDS)) {
                exited();
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        fail("Python worker " + id + " is gone: " + why);
    }

    /** Fails the worker: every operator using it fails with {@code reason}. */
    void fail(String reason) {
        synchronized (this) {
            if (failure != null) {
                return;
            }
            failure = reason;
        }
        LOG.warn("{}", reason);
        connection.countDown();
        for (Channel channel : channels.values()) {
            channel.deliver(FAILED);
        }
        if (process != null) {
            process.destroyForcibly();
        }
    }

    /**
     * Ends the worker: closing its stdin makes it exit; it is killed if it does not. Its working
     * directory goes once it has exited (here too, since a JVM shutting down may not run the exit
     * callback).
     */
    void stop() {
        stopping = true;
        if (process == null) {
            return;
        }
        try {
            process.getOutputStream().close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            FileUtils.deleteDirectoryQuietly(workDir);
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    boolean isFailed() {
        return failure != null;
    }

    /**
     * A new operator's channel to the worker; {@code onArrival} runs (on a gRPC thread) after each
     * frame for the operator arrives, so the operator can drain it without waiting for input.
     */
    Channel openChannel(Runnable onArrival) {
        int operatorId = nextOperatorId.incrementAndGet();
        Channel channel = new Channel(operatorId, new LinkedBlockingQueue<>(), onArrival);
        channels.put(operatorId, channel);
        if (failure != null) {
            channel.deliver(FAILED);
        }
        return channel;
    }

    /**
     * One operator's view of the worker. Used by the operator's task thread only.
     *
     * <p>Failures surface as {@link PythonException}s from {@link #send}, {@link #poll} and {@link
     * #take}; frames the worker sent before it failed (such as its ERROR) are read first.
     */
    final class Channel implements AutoCloseable {
        private final int operatorId;
        private final BlockingQueue<byte[]> inbox;
        private final Runnable onArrival;

        private Channel(int operatorId, BlockingQueue<byte[]> inbox, Runnable onArrival) {
            this.operatorId = operatorId;
            this.inbox = inbox;
            this.onArrival = onArrival;
        }

        private void deliver(byte[] frame) {
            inbox.add(frame);
            onArrival.run();
        }

        void send(byte type, byte[] payload) {
            ServerCallStreamObserver<byte[]> out = toWorker;
            String reason = failure;
            if (reason != null) {
                throw new PythonException(reason);
            }
            byte[] frame = Frames.frame(type, operatorId, payload);
            if (type == Frames.STATE_REPLY) {
                // Answers a frame that came on the state stream, so that stream is open.
                synchronized (stateLock) {
                    toWorkerState.onNext(frame);
                }
                return;
            }
            synchronized (PythonWorker.this) {
                out.onNext(frame);
            }
        }

        /** The next frame from the worker, or null if none has arrived. */
        byte[] poll() {
            return check(inbox.poll());
        }

        /** The next frame from the worker; waits for it, watching the worker's heartbeats. */
        byte[] take() throws InterruptedException {
            while (true) {
                byte[] frame = inbox.poll(200, TimeUnit.MILLISECONDS);
                if (frame != null) {
                    return check(frame);
                }
                long silentNanos = System.nanoTime() - lastHeardNanos;
                if (silentNanos > heartbeatTimeoutNanos) {
                    fail(
                            "Python worker "
                                    + id
                                    + " sent no heartbeat for "
                                    + TimeUnit.NANOSECONDS.toSeconds(silentNanos)
                                    + " s (limit: 'python.worker.heartbeat-timeout')");
                }
            }
        }

        private byte[] check(byte[] frame) {
            if (frame == FAILED || (frame == null && failure != null)) {
                throw new PythonException(failure);
            }
            return frame;
        }

        /** Tells the worker to drop the operator (when it is still reachable). */
        @Override
        public void close() {
            channels.remove(operatorId);
            if (failure == null && toWorker != null) {
                send(Frames.CLOSE, new byte[0]);
            }
        }
    }
}

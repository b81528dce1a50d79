package dev.brook.runtime.entrypoint;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JobManager or TaskManager process: started once, running until {@link #close()} (on SIGTERM
 * through a shutdown hook), which stops its services once.
 */
public abstract class ClusterProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterProcess.class);

    private final CountDownLatch terminated = new CountDownLatch(1);
    private volatile boolean closed;

    public abstract void start() throws Exception;

    /** Stops what {@link #start()} started; runs once, whatever part of it ran. */
    protected abstract void stopServices();

    protected final boolean isClosed() {
        return closed;
    }

    @Override
    public final synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopServices();
        terminated.countDown();
    }

    public void awaitTermination() {
        try {
            terminated.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The {@code main} of a daemon: starts {@code process} and blocks until it is closed; a failed
     * start exits with status 1 and one line naming {@code what} on standard error.
     */
    public static void runUntilTerminated(ClusterProcess process, String what) {
        try {
            process.start();
        } catch (Exception e) {
            LOG.error("The {} could not start", what, e);
            System.err.println("The " + what + " could not start: " + e.getMessage());
            process.close();
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(process::close, "brook-shutdown"));
        process.awaitTermination();
    }
}

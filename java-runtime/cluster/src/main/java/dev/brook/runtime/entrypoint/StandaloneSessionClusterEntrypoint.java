package dev.brook.runtime.entrypoint;

/**
 * {@code bin/jobmanager.sh start}: a JobManager in session mode, running jobs submitted to it until
 * it is stopped.
 */
public final class StandaloneSessionClusterEntrypoint {

    private StandaloneSessionClusterEntrypoint() {}

    public static void main(String[] args) {
        ClusterEntrypoint entrypoint;
        try {
            entrypoint = new ClusterEntrypoint(ClusterEntrypointArgs.parse(args).configuration());
        } catch (RuntimeException e) {
            System.err.println("The JobManager could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        ClusterProcess.runUntilTerminated(entrypoint, "JobManager");
    }
}

package dev.brook.bench.common;

/** One benchmark job, written against one engine's API. */
@FunctionalInterface
public interface BenchJob {

    /**
     * Builds the job for {@code records} input records at {@code parallelism} and returns the call
     * that runs it, {@code env.execute()}: the part the harness times. For Brook and Flink alike
     * that call starts the engine's local cluster, runs the job to completion and stops the
     * cluster.
     */
    Execution build(int parallelism, long records) throws Exception;

    /** Runs a built job to completion. */
    @FunctionalInterface
    interface Execution {
        void execute() throws Exception;
    }
}

package dev.brook.bench.common;

/** One benchmark job, written against one engine's API. */
@FunctionalInterface
public interface BenchJob {

    /**
     * Builds the job for {@code records} input records at {@code parallelism}, runs it to
     * completion and returns the wall time of {@code env.execute()} in nanoseconds. That time
     * includes starting and stopping the engine's local cluster, for Brook and Flink alike.
     */
    long executeOnce(int parallelism, long records) throws Exception;
}

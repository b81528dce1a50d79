package dev.brook.bench.common;

import java.util.Map;

/**
 * A {@link BenchJob} that runs under engine configuration given on the command line ({@code --conf
 * key=value}), so one job measures several settings, e.g. state backends and checkpointing. The
 * keys are those both engines share ({@code state.backend.type}, {@code
 * execution.checkpointing.interval}, ...).
 */
@FunctionalInterface
public interface ConfigurableBenchJob {

    /** As {@link BenchJob#build}, with {@code configuration} handed to the engine's environment. */
    BenchJob.Execution build(int parallelism, long records, Map<String, String> configuration)
            throws Exception;
}

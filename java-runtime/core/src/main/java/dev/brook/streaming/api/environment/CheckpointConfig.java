package dev.brook.streaming.api.environment;

import dev.brook.configuration.CheckpointingOptions;
import dev.brook.configuration.Configuration;
import dev.brook.configuration.ExternalizedCheckpointRetention;
import dev.brook.core.execution.CheckpointingMode;
import java.time.Duration;

/**
 * The checkpointing settings of a program, as Flink's {@code CheckpointConfig}. A view on the
 * environment's configuration: every setter writes the corresponding {@link CheckpointingOptions}
 * key, so settings made in code and in {@code config.yaml} are one and the same.
 */
public class CheckpointConfig {

    private final Configuration configuration;

    CheckpointConfig(Configuration configuration) {
        this.configuration = configuration;
    }

    public boolean isCheckpointingEnabled() {
        return getCheckpointInterval() > 0;
    }

    /** The interval of periodic checkpoints in milliseconds; -1 when checkpointing is off. */
    public long getCheckpointInterval() {
        return configuration
                .getOptional(CheckpointingOptions.CHECKPOINTING_INTERVAL)
                .map(Duration::toMillis)
                .orElse(-1L);
    }

    public void setCheckpointInterval(long checkpointInterval) {
        if (checkpointInterval < 10) {
            throw new IllegalArgumentException(
                    "Checkpoint interval must be larger than or equal to 10 ms, was "
                            + checkpointInterval
                            + " ms");
        }
        configuration.set(
                CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(checkpointInterval));
    }

    public CheckpointingMode getCheckpointingConsistencyMode() {
        return configuration.get(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE);
    }

    public void setCheckpointingConsistencyMode(CheckpointingMode mode) {
        configuration.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, mode);
    }

    /**
     * @deprecated use {@link #getCheckpointingConsistencyMode()}
     */
    @Deprecated
    public dev.brook.streaming.api.CheckpointingMode getCheckpointingMode() {
        return dev.brook.streaming.api.CheckpointingMode.of(getCheckpointingConsistencyMode());
    }

    /**
     * @deprecated use {@link #setCheckpointingConsistencyMode(CheckpointingMode)}
     */
    @Deprecated
    public void setCheckpointingMode(dev.brook.streaming.api.CheckpointingMode mode) {
        setCheckpointingConsistencyMode(mode.toConsistencyMode());
    }

    public long getCheckpointTimeout() {
        return configuration.get(CheckpointingOptions.CHECKPOINTING_TIMEOUT).toMillis();
    }

    public void setCheckpointTimeout(long checkpointTimeout) {
        if (checkpointTimeout < 1) {
            throw new IllegalArgumentException(
                    "Checkpoint timeout must be at least 1 ms, was " + checkpointTimeout + " ms");
        }
        configuration.set(
                CheckpointingOptions.CHECKPOINTING_TIMEOUT, Duration.ofMillis(checkpointTimeout));
    }

    public long getMinPauseBetweenCheckpoints() {
        return configuration.get(CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS).toMillis();
    }

    public void setMinPauseBetweenCheckpoints(long minPauseBetweenCheckpoints) {
        if (minPauseBetweenCheckpoints < 0) {
            throw new IllegalArgumentException("Pause value must be zero or positive");
        }
        configuration.set(
                CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS,
                Duration.ofMillis(minPauseBetweenCheckpoints));
    }

    public int getMaxConcurrentCheckpoints() {
        return configuration.get(CheckpointingOptions.MAX_CONCURRENT_CHECKPOINTS);
    }

    public void setMaxConcurrentCheckpoints(int maxConcurrentCheckpoints) {
        if (maxConcurrentCheckpoints < 1) {
            throw new IllegalArgumentException(
                    "The maximum number of concurrent attempts must be at least one.");
        }
        configuration.set(
                CheckpointingOptions.MAX_CONCURRENT_CHECKPOINTS, maxConcurrentCheckpoints);
    }

    public int getTolerableCheckpointFailureNumber() {
        return configuration.get(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER);
    }

    public void setTolerableCheckpointFailureNumber(int tolerableCheckpointFailureNumber) {
        if (tolerableCheckpointFailureNumber < 0) {
            throw new IllegalArgumentException(
                    "The tolerable failure checkpoint number must be non-negative.");
        }
        configuration.set(
                CheckpointingOptions.TOLERABLE_FAILURE_NUMBER, tolerableCheckpointFailureNumber);
    }

    public ExternalizedCheckpointRetention getExternalizedCheckpointRetention() {
        return configuration.get(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION);
    }

    public void setExternalizedCheckpointRetention(ExternalizedCheckpointRetention retention) {
        configuration.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION, retention);
    }

    public boolean isExternalizedCheckpointsEnabled() {
        return getExternalizedCheckpointRetention()
                != ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS;
    }

    /**
     * @deprecated use {@link #setExternalizedCheckpointRetention}
     */
    @Deprecated
    public void setExternalizedCheckpointCleanup(ExternalizedCheckpointCleanup cleanup) {
        setExternalizedCheckpointRetention(cleanup.retention);
    }

    /** Stores checkpoints under {@code checkpointDirectory} (a path or a {@code file://} URI). */
    public void setCheckpointStorage(String checkpointDirectory) {
        configuration.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpointDirectory);
    }

    /**
     * What happens to externalized checkpoints when a job is cancelled, under Flink 1.x's name.
     *
     * @deprecated use {@link ExternalizedCheckpointRetention}
     */
    @Deprecated
    public enum ExternalizedCheckpointCleanup {
        DELETE_ON_CANCELLATION(ExternalizedCheckpointRetention.DELETE_ON_CANCELLATION),
        RETAIN_ON_CANCELLATION(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION),
        NO_EXTERNALIZED_CHECKPOINTS(ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS);

        private final ExternalizedCheckpointRetention retention;

        ExternalizedCheckpointCleanup(ExternalizedCheckpointRetention retention) {
            this.retention = retention;
        }
    }
}

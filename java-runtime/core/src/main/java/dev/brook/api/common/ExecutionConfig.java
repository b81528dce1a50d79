package dev.brook.api.common;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;

/** Per-job settings that functions may read at runtime and the environment uses for planning. */
public class ExecutionConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    private int parallelism = -1;
    private int maxParallelism = -1;
    private long autoWatermarkInterval = 200;
    private boolean objectReuse;
    private GlobalJobParameters globalJobParameters = new GlobalJobParameters();

    /** The default parallelism, or -1 when unset. */
    public int getParallelism() {
        return parallelism;
    }

    public ExecutionConfig setParallelism(int parallelism) {
        if (parallelism < 1 && parallelism != -1) {
            throw new IllegalArgumentException(
                    "Parallelism must be at least 1, got " + parallelism);
        }
        this.parallelism = parallelism;
        return this;
    }

    public int getMaxParallelism() {
        return maxParallelism;
    }

    public void setMaxParallelism(int maxParallelism) {
        if (maxParallelism < 1 || maxParallelism > (1 << 15)) {
            throw new IllegalArgumentException(
                    "Max parallelism must be between 1 and 32768, got " + maxParallelism);
        }
        this.maxParallelism = maxParallelism;
    }

    public long getAutoWatermarkInterval() {
        return autoWatermarkInterval;
    }

    public ExecutionConfig setAutoWatermarkInterval(long interval) {
        if (interval < 0) {
            throw new IllegalArgumentException("Watermark interval must not be negative");
        }
        this.autoWatermarkInterval = interval;
        return this;
    }

    public boolean isObjectReuseEnabled() {
        return objectReuse;
    }

    public ExecutionConfig enableObjectReuse() {
        objectReuse = true;
        return this;
    }

    public ExecutionConfig disableObjectReuse() {
        objectReuse = false;
        return this;
    }

    public GlobalJobParameters getGlobalJobParameters() {
        return globalJobParameters;
    }

    public void setGlobalJobParameters(GlobalJobParameters globalJobParameters) {
        this.globalJobParameters = globalJobParameters;
    }

    /** Parameters a program makes visible to all its functions (and the web UI). */
    public static class GlobalJobParameters implements Serializable {
        private static final long serialVersionUID = 1L;

        public Map<String, String> toMap() {
            return Collections.emptyMap();
        }
    }
}

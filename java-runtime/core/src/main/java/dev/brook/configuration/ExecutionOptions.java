package dev.brook.configuration;

import dev.brook.api.common.RuntimeExecutionMode;
import java.time.Duration;

/** Options of how a job executes. */
public final class ExecutionOptions {
    private ExecutionOptions() {}

    public static final ConfigOption<RuntimeExecutionMode> RUNTIME_MODE =
            ConfigOptions.key("execution.runtime-mode")
                    .enumType(RuntimeExecutionMode.class)
                    .defaultValue(RuntimeExecutionMode.STREAMING);

    /**
     * How long output may sit in a partially filled network buffer before it is sent anyway. Zero
     * sends after every record; a task that runs out of input always sends at once.
     */
    public static final ConfigOption<Duration> BUFFER_TIMEOUT =
            ConfigOptions.key("execution.buffer-timeout.interval")
                    .durationType()
                    .defaultValue(Duration.ofMillis(100));

    /**
     * BATCH mode: memory for sorting the input of one keyed operator by key, above which sorted
     * runs spill to disk. Without a value, a quarter of the JVM's maximum heap.
     */
    public static final ConfigOption<MemorySize> SORTED_INPUTS_MEMORY =
            ConfigOptions.key("execution.sorted-inputs.memory").memoryType().noDefaultValue();

    /** When false, partly filled buffers are sent only when a task runs out of input. */
    public static final ConfigOption<Boolean> BUFFER_TIMEOUT_ENABLED =
            ConfigOptions.key("execution.buffer-timeout.enabled").booleanType().defaultValue(true);
}

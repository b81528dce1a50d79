package dev.brook.configuration;

/** Options of TaskManagers. */
public final class TaskManagerOptions {
    private TaskManagerOptions() {}

    public static final ConfigOption<Integer> NUM_TASK_SLOTS =
            ConfigOptions.key("taskmanager.numberOfTaskSlots").intType().defaultValue(1);

    public static final ConfigOption<MemorySize> MEMORY_SEGMENT_SIZE =
            ConfigOptions.key("taskmanager.memory.segment-size")
                    .memoryType()
                    .defaultValue(new MemorySize(32 * 1024));

    public static final ConfigOption<Double> NETWORK_MEMORY_FRACTION =
            ConfigOptions.key("taskmanager.memory.network.fraction").doubleType().defaultValue(0.1);

    public static final ConfigOption<MemorySize> NETWORK_MEMORY_MIN =
            ConfigOptions.key("taskmanager.memory.network.min")
                    .memoryType()
                    .defaultValue(MemorySize.ofMebiBytes(4));

    public static final ConfigOption<MemorySize> NETWORK_MEMORY_MAX =
            ConfigOptions.key("taskmanager.memory.network.max")
                    .memoryType()
                    .defaultValue(MemorySize.ofMebiBytes(256));
}

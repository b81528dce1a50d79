package dev.brook.configuration;

/**
 * Options of TaskManagers: their identity and addresses, their slots, and how their process memory
 * is divided. Keys and descriptions follow Flink's.
 */
public final class TaskManagerOptions {
    private TaskManagerOptions() {}

    /** The address others reach this TaskManager at; without a value it is detected. */
    public static final ConfigOption<String> HOST =
            ConfigOptions.key("taskmanager.host")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "The external address of the network interface where the TaskManager"
                                    + " is exposed; without a value, the address it connects to"
                                    + " the JobManager from.");

    public static final ConfigOption<String> BIND_HOST =
            ConfigOptions.key("taskmanager.bind-host")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "The local address the TaskManager's servers bind to, e.g. 0.0.0.0"
                                    + " for all interfaces; without a value, taskmanager.host.");

    /** A port, a range ({@code 50100-50200}) or a list of both; {@code 0} picks a free port. */
    public static final ConfigOption<String> RPC_PORT =
            ConfigOptions.key("taskmanager.rpc.port")
                    .stringType()
                    .defaultValue("0")
                    .withDescription(
                            "The external RPC port of the TaskManager: a port, a range"
                                    + " (50100-50200) or a list (50100,50101); 0 lets the"
                                    + " operating system choose a free port.");

    /**
     * The port of the TaskManager's data server, which other TaskManagers fetch records from. Flink
     * keeps this key in {@code NettyShuffleEnvironmentOptions}.
     */
    public static final ConfigOption<Integer> DATA_PORT =
            ConfigOptions.key("taskmanager.data.port")
                    .intType()
                    .defaultValue(0)
                    .withDescription(
                            "The TaskManager's port for data exchange; 0 lets the operating"
                                    + " system choose a free port.");

    public static final ConfigOption<String> TASK_MANAGER_RESOURCE_ID =
            ConfigOptions.key("taskmanager.resource-id")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "The TaskManager's ResourceID; without a value, one is generated"
                                    + " from its address, port and a random part.");

    public static final ConfigOption<Integer> NUM_TASK_SLOTS =
            ConfigOptions.key("taskmanager.numberOfTaskSlots")
                    .intType()
                    .defaultValue(1)
                    .withDescription(
                            "The number of parallel operator or user function instances that a"
                                    + " single TaskManager can run.");

    /**
     * Everything the TaskManager's JVM may use: heap (which holds the network buffers), off-heap
     * (direct) memory, metaspace and the JVM's own overhead. The launcher derives the JVM's memory
     * flags from it.
     */
    public static final ConfigOption<MemorySize> TOTAL_PROCESS_MEMORY =
            ConfigOptions.key("taskmanager.memory.process.size")
                    .memoryType()
                    .defaultValue(MemorySize.ofMebiBytes(1728))
                    .withDescription(
                            "Total Process Memory size for the TaskManager: heap, off-heap,"
                                    + " JVM metaspace and JVM overhead.");

    public static final ConfigOption<MemorySize> FRAMEWORK_OFF_HEAP_MEMORY =
            ConfigOptions.key("taskmanager.memory.framework.off-heap.size")
                    .memoryType()
                    .defaultValue(MemorySize.ofMebiBytes(128))
                    .withDescription(
                            "Off-heap (direct) memory reserved for the TaskManager itself, e.g."
                                    + " the buffers of its network connections.");

    public static final ConfigOption<MemorySize> TASK_OFF_HEAP_MEMORY =
            ConfigOptions.key("taskmanager.memory.task.off-heap.size")
                    .memoryType()
                    .defaultValue(MemorySize.ofMebiBytes(0))
                    .withDescription("Off-heap (direct) memory reserved for user code.");

    public static final ConfigOption<MemorySize> JVM_METASPACE =
            ConfigOptions.key("taskmanager.memory.jvm-metaspace.size")
                    .memoryType()
                    .defaultValue(MemorySize.ofMebiBytes(256))
                    .withDescription("JVM Metaspace Size for the TaskManager.");

    public static final ConfigOption<MemorySize> JVM_OVERHEAD_MIN =
            ConfigOptions.key("taskmanager.memory.jvm-overhead.min")
                    .memoryType()
                    .defaultValue(MemorySize.ofMebiBytes(192))
                    .withDescription(
                            "Min JVM Overhead size for the TaskManager: native memory of thread"
                                    + " stacks, code cache, garbage collection and native"
                                    + " libraries such as RocksDB.");

    public static final ConfigOption<MemorySize> JVM_OVERHEAD_MAX =
            ConfigOptions.key("taskmanager.memory.jvm-overhead.max")
                    .memoryType()
                    .defaultValue(MemorySize.ofMebiBytes(1024))
                    .withDescription("Max JVM Overhead size for the TaskManager.");

    public static final ConfigOption<Double> JVM_OVERHEAD_FRACTION =
            ConfigOptions.key("taskmanager.memory.jvm-overhead.fraction")
                    .doubleType()
                    .defaultValue(0.1)
                    .withDescription(
                            "Fraction of the Total Process Memory reserved for JVM Overhead,"
                                    + " clamped to [jvm-overhead.min, jvm-overhead.max].");

    public static final ConfigOption<MemorySize> MEMORY_SEGMENT_SIZE =
            ConfigOptions.key("taskmanager.memory.segment-size")
                    .memoryType()
                    .defaultValue(new MemorySize(32 * 1024))
                    .withDescription("Size of memory buffers used by the network stack.");

    public static final ConfigOption<Double> NETWORK_MEMORY_FRACTION =
            ConfigOptions.key("taskmanager.memory.network.fraction")
                    .doubleType()
                    .defaultValue(0.1)
                    .withDescription(
                            "Fraction of the JVM heap used for network buffers, clamped to"
                                    + " [network.min, network.max].");

    public static final ConfigOption<MemorySize> NETWORK_MEMORY_MIN =
            ConfigOptions.key("taskmanager.memory.network.min")
                    .memoryType()
                    .defaultValue(MemorySize.ofMebiBytes(4))
                    .withDescription("Min network memory size.");

    public static final ConfigOption<MemorySize> NETWORK_MEMORY_MAX =
            ConfigOptions.key("taskmanager.memory.network.max")
                    .memoryType()
                    .defaultValue(MemorySize.ofMebiBytes(256))
                    .withDescription("Max network memory size.");
}

package dev.brook.configuration;

import java.time.Duration;

/**
 * Options of the JobManager: where it is reached, and how much memory its process may use. Keys and
 * descriptions follow Flink's; defaults are those of Flink's shipped {@code config.yaml}, so a
 * JobManager also starts without one.
 */
public final class JobManagerOptions {
    private JobManagerOptions() {}

    public static final ConfigOption<String> ADDRESS =
            ConfigOptions.key("jobmanager.rpc.address")
                    .stringType()
                    .defaultValue("localhost")
                    .withDescription(
                            "The address TaskManagers and clients use to reach the JobManager.");

    /** Where the JobManager listens; without a value, on {@link #ADDRESS}. */
    public static final ConfigOption<String> BIND_HOST =
            ConfigOptions.key("jobmanager.bind-host")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "The local address the JobManager's RPC endpoint binds to, e.g."
                                    + " 0.0.0.0 for all interfaces; without a value,"
                                    + " jobmanager.rpc.address.");

    public static final ConfigOption<Integer> PORT =
            ConfigOptions.key("jobmanager.rpc.port")
                    .intType()
                    .defaultValue(6123)
                    .withDescription("The port of the JobManager's RPC endpoint.");

    /**
     * Everything the JobManager's JVM may use: heap, off-heap (direct) memory, metaspace and the
     * JVM's own overhead. The launcher derives the JVM's memory flags from it.
     */
    public static final ConfigOption<MemorySize> TOTAL_PROCESS_MEMORY =
            ConfigOptions.key("jobmanager.memory.process.size")
                    .memoryType()
                    .defaultValue(MemorySize.ofMebiBytes(1600))
                    .withDescription(
                            "Total Process Memory size for the JobManager: heap, off-heap,"
                                    + " JVM metaspace and JVM overhead.");

    /** An explicit heap size; the process size then only bounds the sum of all parts. */
    public static final ConfigOption<MemorySize> JVM_HEAP_MEMORY =
            ConfigOptions.key("jobmanager.memory.heap.size")
                    .memoryType()
                    .noDefaultValue()
                    .withDescription(
                            "JVM Heap Memory size for the JobManager; without a value, what the"
                                    + " process size leaves after the other parts.");

    public static final ConfigOption<MemorySize> OFF_HEAP_MEMORY =
            ConfigOptions.key("jobmanager.memory.off-heap.size")
                    .memoryType()
                    .defaultValue(MemorySize.ofMebiBytes(128))
                    .withDescription(
                            "Off-heap (direct) memory of the JobManager, for network buffers"
                                    + " of its RPC and REST servers; the JVM's direct memory"
                                    + " limit.");

    public static final ConfigOption<MemorySize> JVM_METASPACE =
            ConfigOptions.key("jobmanager.memory.jvm-metaspace.size")
                    .memoryType()
                    .defaultValue(MemorySize.ofMebiBytes(256))
                    .withDescription("JVM Metaspace Size for the JobManager.");

    public static final ConfigOption<MemorySize> JVM_OVERHEAD_MIN =
            ConfigOptions.key("jobmanager.memory.jvm-overhead.min")
                    .memoryType()
                    .defaultValue(MemorySize.ofMebiBytes(192))
                    .withDescription(
                            "Min JVM Overhead size for the JobManager: native memory of thread"
                                    + " stacks, code cache and garbage collection.");

    public static final ConfigOption<MemorySize> JVM_OVERHEAD_MAX =
            ConfigOptions.key("jobmanager.memory.jvm-overhead.max")
                    .memoryType()
                    .defaultValue(MemorySize.ofMebiBytes(1024))
                    .withDescription("Max JVM Overhead size for the JobManager.");

    public static final ConfigOption<Double> JVM_OVERHEAD_FRACTION =
            ConfigOptions.key("jobmanager.memory.jvm-overhead.fraction")
                    .doubleType()
                    .defaultValue(0.1)
                    .withDescription(
                            "Fraction of the Total Process Memory reserved for JVM Overhead,"
                                    + " clamped to [jvm-overhead.min, jvm-overhead.max].");

    /**
     * Which tasks restart after a task failure: {@code region} (only the failed task's pipelined
     * region, i.e. the tasks connected to it by data exchanges) or {@code full} (the whole job).
     */
    public static final ConfigOption<String> EXECUTION_FAILOVER_STRATEGY =
            ConfigOptions.key("jobmanager.execution.failover-strategy")
                    .stringType()
                    .defaultValue("region")
                    .withDescription(
                            "full (restart every task) or region (restart the tasks connected to"
                                    + " the failed one).");

    /** A job whose slots are not all available within this time fails (and may restart). */
    public static final ConfigOption<Duration> SLOT_REQUEST_TIMEOUT =
            ConfigOptions.key("slot.request.timeout")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(5))
                    .withDescription("The timeout for requesting a slot from the ResourceManager.");
}

package dev.brook.configuration;

/** Options of the JobManager. */
public final class JobManagerOptions {
    private JobManagerOptions() {}

    public static final ConfigOption<String> ADDRESS =
            ConfigOptions.key("jobmanager.rpc.address").stringType().noDefaultValue();

    public static final ConfigOption<Integer> PORT =
            ConfigOptions.key("jobmanager.rpc.port").intType().defaultValue(6123);

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
}

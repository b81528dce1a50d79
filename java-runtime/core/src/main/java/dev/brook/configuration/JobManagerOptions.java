package dev.brook.configuration;

/** Options of the JobManager. */
public final class JobManagerOptions {
    private JobManagerOptions() {}

    public static final ConfigOption<String> ADDRESS =
            ConfigOptions.key("jobmanager.rpc.address").stringType().noDefaultValue();

    public static final ConfigOption<Integer> PORT =
            ConfigOptions.key("jobmanager.rpc.port").intType().defaultValue(6123);
}

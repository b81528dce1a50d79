package dev.brook.python;

import dev.brook.configuration.ConfigOption;
import dev.brook.configuration.ConfigOptions;
import java.time.Duration;

/**
 * Options of Python programs and their UDF workers, under Flink's keys. They live in the core
 * module, not with the worker, so that a configuration file naming them is valid on every process
 * of a cluster, including those that never start a worker.
 */
public final class PythonOptions {
    private PythonOptions() {}

    /** The interpreter that runs UDF workers on the TaskManagers. */
    public static final ConfigOption<String> PYTHON_EXECUTABLE =
            ConfigOptions.key("python.executable").stringType().defaultValue("python3");

    /** The interpreter that runs the Python program on the client. */
    public static final ConfigOption<String> PYTHON_CLIENT_EXECUTABLE =
            ConfigOptions.key("python.client.executable").stringType().defaultValue("python3");

    /** Comma-separated files or directories added to the workers' PYTHONPATH. */
    public static final ConfigOption<String> PYTHON_FILES =
            ConfigOptions.key("python.files").stringType().noDefaultValue();

    /** Comma-separated archives extracted into the workers' working directory. */
    public static final ConfigOption<String> PYTHON_ARCHIVES =
            ConfigOptions.key("python.archives").stringType().noDefaultValue();

    /** A requirements file (optionally "file#cache-dir") installed for the workers. */
    public static final ConfigOption<String> PYTHON_REQUIREMENTS =
            ConfigOptions.key("python.requirements").stringType().noDefaultValue();

    /** Extra entries for the workers' PYTHONPATH, separated by the platform's path separator. */
    public static final ConfigOption<String> PYTHON_PATH =
            ConfigOptions.key("python.pythonpath").stringType().noDefaultValue();

    /** Records after which a bundle ends and its results and state writes return to Java. */
    public static final ConfigOption<Integer> MAX_BUNDLE_SIZE =
            ConfigOptions.key("python.fn-execution.bundle.size").intType().defaultValue(100_000);

    /** Time after which an open bundle ends, bounding the latency that bundling adds. */
    public static final ConfigOption<Duration> MAX_BUNDLE_TIME =
            ConfigOptions.key("python.fn-execution.bundle.time")
                    .durationType()
                    .defaultValue(Duration.ofMillis(1000));

    /**
     * Whether the metrics of Python functions ({@code get_metrics_group()}) are reported. When off
     * they still work for the functions, but the worker sends none and never calls their gauges.
     */
    public static final ConfigOption<Boolean> METRIC_ENABLED =
            ConfigOptions.key("python.metric.enabled").booleanType().defaultValue(true);

    /** Rows per Arrow batch sent to a worker. */
    public static final ConfigOption<Integer> MAX_ARROW_BATCH_SIZE =
            ConfigOptions.key("python.fn-execution.arrow.batch.size").intType().defaultValue(1000);

    /**
     * How long a partly filled Arrow batch waits for more rows before it goes to the worker anyway
     * (Brook's own key): short enough that a record at a low rate is not held back, long enough
     * that a busy stream still sends full batches.
     */
    public static final ConfigOption<Duration> ARROW_BATCH_LINGER =
            ConfigOptions.key("python.fn-execution.arrow.batch.linger")
                    .durationType()
                    .defaultValue(Duration.ofMillis(1));

    /**
     * How long a worker may stay silent (it sends a heartbeat every second) before the tasks using
     * it fail: a worker stuck outside user code, e.g. swapping, must not hang the job forever.
     */
    public static final ConfigOption<Duration> WORKER_HEARTBEAT_TIMEOUT =
            ConfigOptions.key("python.worker.heartbeat-timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(30));
}

package dev.brook.configuration;

/** Options every job and cluster reads. */
public final class CoreOptions {
    private CoreOptions() {}

    public static final ConfigOption<Integer> DEFAULT_PARALLELISM =
            ConfigOptions.key("parallelism.default")
                    .intType()
                    .defaultValue(1)
                    .withDescription("Parallelism of operators that set none.");

    /**
     * Directories for local files (state backends' working files, sort spills). Flink's key; the
     * first directory is used.
     */
    public static final ConfigOption<String> TMP_DIRS =
            ConfigOptions.key("io.tmp.dirs")
                    .stringType()
                    .defaultValue(System.getProperty("java.io.tmpdir"))
                    .withDescription(
                            "Directories for temporary files, separated by ',' or the path"
                                    + " separator; the first one is used.");

    // Read by the launcher scripts (bin/config.sh), not by Java code: they shape the JVM command
    // line and where a daemon's pid and log files go. Environment variables of Flink's names
    // (FLINK_ENV_JAVA_OPTS, FLINK_LOG_DIR, FLINK_PID_DIR, FLINK_SSH_OPTS) take precedence.

    public static final ConfigOption<String> FLINK_JVM_OPTIONS =
            ConfigOptions.key("env.java.opts.all")
                    .stringType()
                    .defaultValue("")
                    .withDeprecatedKeys("env.java.opts")
                    .withDescription("Java options to start the JVM of all Brook processes with.");

    public static final ConfigOption<String> FLINK_JM_JVM_OPTIONS =
            ConfigOptions.key("env.java.opts.jobmanager")
                    .stringType()
                    .defaultValue("")
                    .withDescription("Java options to start the JVM of the JobManager with.");

    public static final ConfigOption<String> FLINK_TM_JVM_OPTIONS =
            ConfigOptions.key("env.java.opts.taskmanager")
                    .stringType()
                    .defaultValue("")
                    .withDescription("Java options to start the JVM of the TaskManager with.");

    public static final ConfigOption<String> FLINK_LOG_DIR =
            ConfigOptions.key("env.log.dir")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Directory of the daemons' log files; without a value, log/ of the"
                                    + " Brook distribution.");

    public static final ConfigOption<Integer> FLINK_LOG_MAX =
            ConfigOptions.key("env.log.max")
                    .intType()
                    .defaultValue(10)
                    .withDescription("The maximum number of old log files to keep.");

    public static final ConfigOption<String> FLINK_PID_DIR =
            ConfigOptions.key("env.pid.dir")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Directory of the daemons' pid files; without a value, log/ of the"
                                    + " Brook distribution.");

    public static final ConfigOption<String> FLINK_SSH_OPTIONS =
            ConfigOptions.key("env.ssh.opts")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Additional command line options of ssh when start-cluster.sh and"
                                    + " stop-cluster.sh start or stop daemons on other hosts.");

    /** The first directory of {@link #TMP_DIRS}. */
    public static java.nio.file.Path firstTmpDirectory(Configuration configuration) {
        String dirs = configuration.get(TMP_DIRS);
        String first =
                dirs.split("[," + java.util.regex.Pattern.quote(java.io.File.pathSeparator) + "]")[
                        0];
        return java.nio.file.Path.of(first.trim());
    }
}

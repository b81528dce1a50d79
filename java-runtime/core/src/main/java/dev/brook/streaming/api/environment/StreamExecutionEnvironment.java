package dev.brook.streaming.api.environment;

import dev.brook.annotation.Internal;
import dev.brook.annotation.PublicEvolving;
import dev.brook.api.common.ExecutionConfig;
import dev.brook.api.common.JobExecutionException;
import dev.brook.api.common.JobExecutionResult;
import dev.brook.api.common.RuntimeExecutionMode;
import dev.brook.api.common.eventtime.WatermarkStrategy;
import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.common.typeinfo.Types;
import dev.brook.api.connector.source.Source;
import dev.brook.api.connector.source.lib.FromElementsSource;
import dev.brook.api.connector.source.lib.NumberSequenceSource;
import dev.brook.api.java.typeutils.ResultTypeQueryable;
import dev.brook.api.java.typeutils.TypeExtractor;
import dev.brook.configuration.Configuration;
import dev.brook.configuration.CoreOptions;
import dev.brook.configuration.ExecutionOptions;
import dev.brook.configuration.PipelineOptions;
import dev.brook.connector.file.src.FileSource;
import dev.brook.connector.file.src.reader.TextLineInputFormat;
import dev.brook.core.execution.JobClient;
import dev.brook.core.execution.PipelineExecutor;
import dev.brook.core.fs.Path;
import dev.brook.runtime.jobgraph.JobGraph;
import dev.brook.runtime.minicluster.MiniClusterExecutor;
import dev.brook.runtime.plan.JobGraphGenerator;
import dev.brook.runtime.plan.SourceTransformation;
import dev.brook.runtime.plan.Transformation;
import dev.brook.runtime.state.StateBackend;
import dev.brook.streaming.api.datastream.DataStreamSource;
import dev.brook.streaming.api.functions.source.SocketTextStreamSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;

/**
 * The entry point of a streaming program: creates sources, collects the program's operations, and
 * runs them with {@link #execute()}.
 *
 * <p>Operations are recorded lazily; nothing runs until {@code execute()} (or {@code
 * executeAsync()}) turns them into a job graph and submits it: to an embedded MiniCluster by
 * default, or wherever the context (e.g. {@code bin/flink run -m host:port}) directs.
 */
public class StreamExecutionEnvironment implements AutoCloseable {

    private static StreamExecutionEnvironmentFactory contextEnvironmentFactory;

    private final Configuration configuration;
    private final ExecutionConfig config = new ExecutionConfig();
    private final PipelineExecutor executor;
    private final ClassLoader userClassLoader;
    private final List<Transformation<?>> transformations = new ArrayList<>();
    private RuntimeExecutionMode runtimeMode;
    private long bufferTimeout;
    private boolean chaining;
    private final CheckpointConfig checkpointConfig;
    private StateBackend stateBackend;

    public StreamExecutionEnvironment() {
        this(new Configuration());
    }

    public StreamExecutionEnvironment(Configuration configuration) {
        this(configuration, new MiniClusterExecutor(configuration), defaultClassLoader());
    }

    @Internal
    public StreamExecutionEnvironment(
            Configuration configuration, PipelineExecutor executor, ClassLoader userClassLoader) {
        this.configuration = new Configuration(configuration);
        this.executor = executor;
        this.userClassLoader = userClassLoader;
        configuration
                .getOptional(CoreOptions.DEFAULT_PARALLELISM)
                .ifPresent(config::setParallelism);
        int maxParallelism = configuration.get(PipelineOptions.MAX_PARALLELISM);
        if (maxParallelism > 0) {
            config.setMaxParallelism(maxParallelism);
        }
        config.setAutoWatermarkInterval(
                configuration.get(PipelineOptions.AUTO_WATERMARK_INTERVAL).toMillis());
        if (configuration.get(PipelineOptions.OBJECT_REUSE)) {
            config.enableObjectReuse();
        }
        this.runtimeMode = configuration.get(ExecutionOptions.RUNTIME_MODE);
        this.bufferTimeout =
                configuration.get(ExecutionOptions.BUFFER_TIMEOUT_ENABLED)
                        ? configuration.get(ExecutionOptions.BUFFER_TIMEOUT).toMillis()
                        : -1;
        this.chaining = configuration.get(PipelineOptions.OPERATOR_CHAINING);
        this.checkpointConfig = new CheckpointConfig(this.configuration);
    }

    private static ClassLoader defaultClassLoader() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return cl != null ? cl : StreamExecutionEnvironment.class.getClassLoader();
    }

    // ------------------------------------------------------------------ creation

    /**
     * The environment of the current context: the one the CLI prepared when the program runs under
     * {@code bin/flink run}, else a local environment on an embedded MiniCluster.
     */
    public static StreamExecutionEnvironment getExecutionEnvironment() {
        return getExecutionEnvironment(new Configuration());
    }

    public static StreamExecutionEnvironment getExecutionEnvironment(Configuration configuration) {
        StreamExecutionEnvironmentFactory factory = contextEnvironmentFactory;
        if (factory != null) {
            return factory.createExecutionEnvironment(configuration);
        }
        return createLocalEnvironment(configuration);
    }

    /** A local environment with one parallel instance per CPU core, like Flink's. */
    public static LocalStreamEnvironment createLocalEnvironment() {
        return createLocalEnvironment(Runtime.getRuntime().availableProcessors());
    }

    public static LocalStreamEnvironment createLocalEnvironment(int parallelism) {
        Configuration c = new Configuration();
        c.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        return new LocalStreamEnvironment(c);
    }

    public static LocalStreamEnvironment createLocalEnvironment(Configuration configuration) {
        Configuration c = new Configuration(configuration);
        if (!c.contains(CoreOptions.DEFAULT_PARALLELISM)) {
            c.set(CoreOptions.DEFAULT_PARALLELISM, Runtime.getRuntime().availableProcessors());
        }
        return new LocalStreamEnvironment(c);
    }

    /** Makes {@link #getExecutionEnvironment()} use {@code factory}; used by the CLI. */
    @Internal
    public static synchronized void initializeContextEnvironment(
            StreamExecutionEnvironmentFactory factory) {
        contextEnvironmentFactory = factory;
    }

    /** Whether a context (the CLI) decides where {@link #getExecutionEnvironment()} runs jobs. */
    @Internal
    public static synchronized boolean hasContextEnvironment() {
        return contextEnvironmentFactory != null;
    }

    @Internal
    public static synchronized void resetContextEnvironment() {
        contextEnvironmentFactory = null;
    }

    // ------------------------------------------------------------------ settings

    public ExecutionConfig getConfig() {
        return config;
    }

    /** The configuration this environment was created with (plus settings made since). */
    public Configuration getConfiguration() {
        return configuration;
    }

    public StreamExecutionEnvironment setParallelism(int parallelism) {
        config.setParallelism(parallelism);
        return this;
    }

    /** The default parallelism of operations that set none. */
    public int getParallelism() {
        int p = config.getParallelism();
        return p > 0 ? p : 1;
    }

    public StreamExecutionEnvironment setMaxParallelism(int maxParallelism) {
        config.setMaxParallelism(maxParallelism);
        return this;
    }

    public int getMaxParallelism() {
        return config.getMaxParallelism();
    }

    public StreamExecutionEnvironment setRuntimeMode(RuntimeExecutionMode mode) {
        this.runtimeMode = Objects.requireNonNull(mode);
        return this;
    }

    public RuntimeExecutionMode getRuntimeMode() {
        return runtimeMode;
    }

    /**
     * Longest time (ms) records may wait in a partly filled network buffer: 0 sends every record at
     * once, -1 waits until buffers are full. Tasks with no more input at hand always send.
     */
    public StreamExecutionEnvironment setBufferTimeout(long timeoutMillis) {
        if (timeoutMillis < -1) {
            throw new IllegalArgumentException(
                    "Buffer timeout must be >= -1, got " + timeoutMillis);
        }
        this.bufferTimeout = timeoutMillis;
        return this;
    }

    public long getBufferTimeout() {
        return bufferTimeout;
    }

    // ------------------------------------------------------------------ checkpointing

    /**
     * Takes a checkpoint every {@code interval} milliseconds, exactly once: after a failure the
     * job's state is restored from the latest one and sources replay from their positions in it.
     */
    public StreamExecutionEnvironment enableCheckpointing(long interval) {
        checkpointConfig.setCheckpointInterval(interval);
        return this;
    }

    public StreamExecutionEnvironment enableCheckpointing(
            long interval, dev.brook.core.execution.CheckpointingMode mode) {
        checkpointConfig.setCheckpointInterval(interval);
        checkpointConfig.setCheckpointingConsistencyMode(mode);
        return this;
    }

    /**
     * @deprecated use {@link #enableCheckpointing(long,
     *     dev.brook.core.execution.CheckpointingMode)}
     */
    @Deprecated
    public StreamExecutionEnvironment enableCheckpointing(
            long interval, dev.brook.streaming.api.CheckpointingMode mode) {
        return enableCheckpointing(interval, mode.toConsistencyMode());
    }

    public CheckpointConfig getCheckpointConfig() {
        return checkpointConfig;
    }

    /**
     * Where the job keeps its keyed state: {@code new HashMapStateBackend()} (heap) or {@code new
     * EmbeddedRocksDBStateBackend()}; overrides {@code state.backend.type}.
     */
    @PublicEvolving
    public StreamExecutionEnvironment setStateBackend(StateBackend backend) {
        this.stateBackend = Objects.requireNonNull(backend, "state backend");
        return this;
    }

    /** The state backend set with {@link #setStateBackend}, or null for the configured one. */
    @PublicEvolving
    public StateBackend getStateBackend() {
        return stateBackend;
    }

    public StreamExecutionEnvironment disableOperatorChaining() {
        this.chaining = false;
        return this;
    }

    public boolean isChainingEnabled() {
        return chaining;
    }

    // ------------------------------------------------------------------ sources

    public <OUT> DataStreamSource<OUT> fromSource(
            Source<OUT, ?, ?> source, WatermarkStrategy<OUT> watermarkStrategy, String sourceName) {
        return fromSource(source, watermarkStrategy, sourceName, null);
    }

    @SuppressWarnings("unchecked")
    public <OUT> DataStreamSource<OUT> fromSource(
            Source<OUT, ?, ?> source,
            WatermarkStrategy<OUT> watermarkStrategy,
            String sourceName,
            TypeInformation<OUT> typeInfo) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(
                watermarkStrategy, "watermarkStrategy (use WatermarkStrategy.noWatermarks())");
        TypeInformation<OUT> type = typeInfo;
        if (type == null) {
            type =
                    source instanceof ResultTypeQueryable<?> q
                            ? (TypeInformation<OUT>) q.getProducedType()
                            : TypeExtractor.extractTypeArgument(source, Source.class, 0);
        }
        SourceTransformation<OUT> t =
                new SourceTransformation<>(sourceName, source, watermarkStrategy, type, -1);
        return new DataStreamSource<>(this, t);
    }

    /** The given elements in order, from one parallel instance. */
    @SafeVarargs
    @SuppressWarnings("varargs")
    public final <OUT> DataStreamSource<OUT> fromElements(OUT... data) {
        if (data.length == 0) {
            throw new IllegalArgumentException(
                    "fromElements needs at least one element, or use fromElements(Class, ...).");
        }
        return fromCollection(Arrays.asList(data), TypeExtractor.getForObject(data[0]));
    }

    @SafeVarargs
    @SuppressWarnings("varargs")
    public final <OUT> DataStreamSource<OUT> fromElements(Class<OUT> type, OUT... data) {
        return fromCollection(Arrays.asList(data), TypeInformation.of(type));
    }

    /** Flink 2's name for {@link #fromElements}. */
    @SafeVarargs
    @SuppressWarnings("varargs")
    public final <OUT> DataStreamSource<OUT> fromData(OUT... data) {
        return fromElements(data);
    }

    public <OUT> DataStreamSource<OUT> fromData(Collection<OUT> data) {
        return fromCollection(data);
    }

    public <OUT> DataStreamSource<OUT> fromData(Collection<OUT> data, TypeInformation<OUT> type) {
        return fromCollection(data, type);
    }

    public <OUT> DataStreamSource<OUT> fromCollection(Collection<OUT> data) {
        if (data.isEmpty()) {
            throw new IllegalArgumentException(
                    "Cannot tell the type of an empty collection; use"
                            + " fromCollection(collection, typeInfo).");
        }
        return fromCollection(data, TypeExtractor.getForObject(data.iterator().next()));
    }

    public <OUT> DataStreamSource<OUT> fromCollection(
            Collection<OUT> data, TypeInformation<OUT> typeInfo) {
        FromElementsSource<OUT> source =
                new FromElementsSource<>(typeInfo.createSerializer(), data);
        DataStreamSource<OUT> stream =
                fromSource(source, WatermarkStrategy.noWatermarks(), "Collection Source", typeInfo);
        stream.setParallelism(1);
        return stream;
    }

    /** The numbers {@code from..to} inclusive, split across parallel instances. */
    public DataStreamSource<Long> fromSequence(long from, long to) {
        return fromSource(
                new NumberSequenceSource(from, to),
                WatermarkStrategy.noWatermarks(),
                "Sequence Source",
                Types.LONG);
    }

    /** The lines of a file, or of all files in a directory, read once. */
    public DataStreamSource<String> readTextFile(String filePath) {
        return readTextFile(filePath, "UTF-8");
    }

    public DataStreamSource<String> readTextFile(String filePath, String charsetName) {
        FileSource<String> source =
                FileSource.forRecordStreamFormat(
                                new TextLineInputFormat(charsetName), new Path(filePath))
                        .build();
        return fromSource(source, WatermarkStrategy.noWatermarks(), "File Source", Types.STRING);
    }

    public DataStreamSource<String> socketTextStream(String hostname, int port) {
        return socketTextStream(hostname, port, "\n");
    }

    public DataStreamSource<String> socketTextStream(String hostname, int port, String delimiter) {
        return socketTextStream(hostname, port, delimiter, 0);
    }

    /**
     * Lines from a TCP server; {@code maxRetry} reconnects after the connection ends (-1: forever,
     * 0: end the stream).
     */
    public DataStreamSource<String> socketTextStream(
            String hostname, int port, String delimiter, long maxRetry) {
        DataStreamSource<String> stream =
                fromSource(
                        new SocketTextStreamSource(hostname, port, delimiter, maxRetry),
                        WatermarkStrategy.noWatermarks(),
                        "Socket Stream",
                        Types.STRING);
        stream.setParallelism(1);
        return stream;
    }

    // ------------------------------------------------------------------ plan & execution

    /** Adds an operation to the plan; called by the DataStream API. */
    @Internal
    public void addOperator(Transformation<?> transformation) {
        transformations.add(Objects.requireNonNull(transformation));
    }

    private JobGraphGenerator.Settings settings(String jobName) {
        Configuration jobConf = new Configuration(configuration);
        jobConf.set(PipelineOptions.OBJECT_REUSE, config.isObjectReuseEnabled());
        jobConf.set(
                PipelineOptions.AUTO_WATERMARK_INTERVAL,
                Duration.ofMillis(config.getAutoWatermarkInterval()));
        if (bufferTimeout < 0) {
            jobConf.set(ExecutionOptions.BUFFER_TIMEOUT_ENABLED, false);
        } else {
            jobConf.set(ExecutionOptions.BUFFER_TIMEOUT_ENABLED, true);
            jobConf.set(ExecutionOptions.BUFFER_TIMEOUT, Duration.ofMillis(bufferTimeout));
        }
        return new JobGraphGenerator.Settings(
                jobName,
                getParallelism(),
                config.getMaxParallelism(),
                chaining,
                config.getAutoWatermarkInterval(),
                runtimeMode,
                stateBackend,
                jobConf);
    }

    private String defaultJobName() {
        return configuration.getOptional(PipelineOptions.NAME).orElse("Brook Streaming Job");
    }

    /** The job graph for the operations defined so far; clears them. */
    @Internal
    public JobGraph getJobGraph(String jobName) {
        JobGraph jobGraph = JobGraphGenerator.generate(transformations, settings(jobName));
        transformations.clear();
        return jobGraph;
    }

    public JobExecutionResult execute() throws Exception {
        return execute(defaultJobName());
    }

    public JobExecutionResult execute(String jobName) throws Exception {
        JobClient client = executeAsync(jobName);
        try {
            return client.getJobExecutionResult().get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof JobExecutionException jee) {
                throw jee;
            }
            throw new JobExecutionException(
                    client.getJobID(), "Job execution failed: " + cause, cause);
        }
    }

    public JobClient executeAsync() throws Exception {
        return executeAsync(defaultJobName());
    }

    public JobClient executeAsync(String jobName) throws Exception {
        JobGraph jobGraph = getJobGraph(jobName);
        try {
            return executor.execute(jobGraph, userClassLoader).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
    }

    /** The plan as JSON, in the shape of Flink's execution plan. */
    public String getExecutionPlan() {
        return JobGraphGenerator.executionPlanJson(transformations, settings(defaultJobName()));
    }

    @Override
    public void close() {
        transformations.clear();
    }
}

package dev.brook.client.python;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brook.api.common.eventtime.WatermarkStrategy;
import dev.brook.api.common.functions.MapFunction;
import dev.brook.api.common.functions.Partitioner;
import dev.brook.api.common.serialization.SimpleStringEncoder;
import dev.brook.api.common.state.MapStateDescriptor;
import dev.brook.api.common.typeinfo.BasicTypeInfo;
import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.java.functions.KeySelector;
import dev.brook.api.java.tuple.Tuple2;
import dev.brook.api.java.typeutils.TupleTypeInfo;
import dev.brook.configuration.MemorySize;
import dev.brook.connector.file.sink.FileSink;
import dev.brook.connector.file.src.FileSource;
import dev.brook.connector.file.src.reader.TextLineInputFormat;
import dev.brook.core.fs.Path;
import dev.brook.python.PickledByteArrayTypeInfo;
import dev.brook.python.PythonBroadcastOperator;
import dev.brook.python.PythonFunctionOperator;
import dev.brook.python.PythonFunctionSpec;
import dev.brook.python.PythonKeySelector;
import dev.brook.python.PythonKeyTypeInfo;
import dev.brook.python.PythonTypes;
import dev.brook.streaming.api.datastream.BroadcastStream;
import dev.brook.streaming.api.datastream.DataStream;
import dev.brook.streaming.api.datastream.DataStreamSink;
import dev.brook.streaming.api.datastream.KeyedStream;
import dev.brook.streaming.api.datastream.SingleOutputStreamOperator;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import dev.brook.streaming.api.functions.sink.filesystem.OutputFileConfig;
import dev.brook.streaming.api.functions.sink.filesystem.rollingpolicies.DefaultRollingPolicy;
import dev.brook.util.OutputTag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the plan a Python program built (JSON, see {@code python/pyflink/datastream/_plan.py}) into
 * Brook transformations on a {@link StreamExecutionEnvironment}.
 *
 * <p>Consecutive Python functions are fused into one {@link PythonFunctionOperator} when the later
 * one is the only consumer of the earlier one, runs at the same parallelism and does not start a
 * keyed operation: their records then never leave the worker in between. A {@code key_by} runs its
 * key selector at the end of the upstream chain (records become {@code (key, value)}) and keys the
 * stream by that key in Java.
 *
 * <p>Threading model: one translator per plan, used by one thread.
 */
final class PlanTranslator {

    /** A chain of Python functions not yet turned into an operator: later ones may join it. */
    private static final class PendingChain {
        final DataStream<Object> input;
        final TypeInformation<Object> inputType;
        final List<PythonFunctionSpec> functions = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        final List<OutputTag<?>> sideOutputs = new ArrayList<>();
        final int parallelism;
        String uid;
        TypeInformation<Object> outputType;

        /** A broadcast operator's chain: its broadcast input and the states it keeps. */
        DataStream<Object> broadcastInput;

        List<String> broadcastStates = List.of();

        PendingChain(DataStream<Object> input, int parallelism) {
            this.input = input;
            this.inputType = input.getType();
            this.parallelism = parallelism;
        }
    }

    private final StreamExecutionEnvironment env;
    private final Map<Integer, JsonNode> nodes = new LinkedHashMap<>();
    private final Map<Integer, Integer> consumers = new HashMap<>();
    private final Map<Integer, DataStream<Object>> streams = new HashMap<>();
    private final Map<Integer, PendingChain> pending = new HashMap<>();

    /** The kind of a node's reader (of its last one, which matters only when it is the only). */
    private final Map<Integer, String> readerKinds = new HashMap<>();

    /** Unions only a key_by reads: the key_by keys each of their inputs where it runs. */
    private final Map<Integer, JsonNode> unionsToKey = new HashMap<>();

    private final Map<Integer, KeyedStream<Object, Object>> keyed = new HashMap<>();

    /** The collect sinks of the plan, in plan order; {@link #translate} fills it. */
    final List<CollectSink> collectSinks = new ArrayList<>();

    private final CollectSink.Target collectTarget;

    PlanTranslator(StreamExecutionEnvironment env, CollectSink.Target collectTarget) {
        this.env = env;
        this.collectTarget = collectTarget;
    }

    void translate(JsonNode plan) {
        for (JsonNode node : plan.path("transformations")) {
            int id = node.path("id").asInt();
            nodes.put(id, node);
            for (JsonNode input : node.path("inputs")) {
                consumers.merge(input.asInt(), 1, Integer::sum);
                readerKinds.put(input.asInt(), node.path("kind").asText());
            }
        }
        for (JsonNode node : nodes.values()) {
            translateNode(node);
        }
    }

    private void translateNode(JsonNode node) {
        String kind = node.path("kind").asText();
        int id = node.path("id").asInt();
        switch (kind) {
            case "from_collection" -> streams.put(id, fromCollection(node));
            case "number_sequence" ->
                    streams.put(
                            id,
                            configure(
                                    untyped(
                                            env.fromSequence(
                                                    node.path("from").asLong(),
                                                    node.path("to").asLong())),
                                    node));
            case "file_source" -> streams.put(id, fileSource(node));
            case "python" -> python(node);
            case "broadcast_process" -> broadcastProcess(node);
            case "key_by" -> keyBy(node);
            case "assign_timestamps_and_watermarks" -> streams.put(id, watermarks(node));
            case "side_output" -> streams.put(id, sideOutput(node));
            case "union" -> union(node);
            case "partition_custom" -> streams.put(id, customPartition(node));
            case "forward", "rebalance", "rescale", "shuffle", "broadcast", "global" ->
                    streams.put(id, partition(kind, input(node, 0)));
            case "print" -> print(node);
            case "file_sink" -> fileSink(node);
            case "collect" -> collect(node);
            default ->
                    throw new UnsupportedOperationException(
                            "The operation '"
                                    + kind
                                    + "' ("
                                    + node.path("name").asText()
                                    + ") is not supported by Brook's Python API yet");
        }
    }

    // ------------------------------------------------------------------ sources

    private DataStream<Object> fromCollection(JsonNode node) {
        TypeInformation<Object> type = type(node.path("output_type"));
        List<Object> elements = new ArrayList<>();
        if (PickledByteArrayTypeInfo.INSTANCE.equals(type)) {
            for (JsonNode pickled : node.path("elements")) {
                elements.add(decode(pickled.asText()));
            }
        } else {
            for (JsonNode value : node.path("values_json")) {
                elements.add(PythonValues.fromJson(value, type));
            }
        }
        if (elements.isEmpty()) {
            throw new IllegalArgumentException("from_collection needs at least one element");
        }
        return configure(untyped(env.fromData(elements, type)), node);
    }

    private DataStream<Object> fileSource(JsonNode node) {
        List<Path> paths = new ArrayList<>();
        for (JsonNode p : node.path("paths")) {
            paths.add(new Path(p.asText()));
        }
        FileSource.Builder<String> builder =
                FileSource.forRecordStreamFormat(
                        new TextLineInputFormat(node.path("charset").asText("UTF-8")),
                        paths.toArray(Path[]::new));
        if (node.hasNonNull("monitor_interval_ms")) {
            builder.monitorContinuously(
                    Duration.ofMillis(node.path("monitor_interval_ms").asLong()));
        }
        return configure(
                untyped(
                        env.fromSource(
                                builder.build(),
                                WatermarkStrategy.noWatermarks(),
                                node.path("name").asText("FileSource"))),
                node);
    }

    // ------------------------------------------------------------------ Python functions

    private void python(JsonNode node) {
        int parallelism = node.path("parallelism").asInt(-1);
        addFunction(
                node.path("keyed").asBoolean(false)
                        ? new PendingChain(keyedInput(node), parallelism)
                        : chainAfter(node, parallelism),
                node);
    }

    /** Adds the node's function to {@code chain}, which is then the node's pending result. */
    private void addFunction(PendingChain chain, JsonNode node) {
        JsonNode function = node.path("function");
        chain.functions.add(
                new PythonFunctionSpec(
                        function.path("kind").asText(), decode(function.path("payload").asText())));
        chain.names.add(node.path("name").asText());
        for (JsonNode tag : function.path("side_outputs")) {
            chain.sideOutputs.add(
                    new OutputTag<>(tag.path("tag").asText(), type(tag.path("type"))));
        }
        chain.outputType = type(node.path("output_type"));
        if (node.hasNonNull("uid")) {
            chain.uid = node.path("uid").asText();
        }
        pending.put(node.path("id").asInt(), chain);
    }

    /** The keyed stream of the key_by node that {@code node} reads first. */
    private KeyedStream<Object, Object> keyedInput(JsonNode node) {
        KeyedStream<Object, Object> input = keyed.get(node.path("inputs").get(0).asInt());
        if (input == null) {
            throw new IllegalArgumentException(
                    "'" + node.path("name").asText() + "' needs a keyed stream (key_by) input");
        }
        return input;
    }

    /**
     * A broadcast process function starts a chain of its own on two inputs: the non-broadcast
     * stream (keyed if the node is) and the broadcast stream, which Java broadcasts.
     */
    private void broadcastProcess(JsonNode node) {
        DataStream<Object> input =
                node.path("keyed").asBoolean(false) ? keyedInput(node) : input(node, 0);
        PendingChain chain = new PendingChain(input, node.path("parallelism").asInt(-1));
        chain.broadcastInput = input(node, 1);
        List<String> states = new ArrayList<>();
        node.path("broadcast_states").forEach(name -> states.add(name.asText()));
        chain.broadcastStates = List.copyOf(states);
        addFunction(chain, node);
    }

    /**
     * A Python timestamp assigner joins the upstream chain (the worker sets each record's
     * timestamp); Java then generates the watermarks from those timestamps.
     */
    private DataStream<Object> watermarks(JsonNode node) {
        JsonNode strategy = node.path("watermark_strategy");
        DataStream<Object> input;
        if (strategy.hasNonNull("timestamp_assigner")) {
            PendingChain chain = chainAtInputParallelism(node);
            chain.functions.add(
                    new PythonFunctionSpec(
                            "timestamp_assigner",
                            decode(strategy.path("timestamp_assigner").asText())));
            chain.names.add("Timestamps");
            chain.outputType = type(node.path("output_type"));
            input = materialize(chain);
        } else {
            input = input(node, 0);
        }
        WatermarkStrategy<Object> watermarks =
                switch (strategy.path("kind").asText()) {
                    case "monotonous" -> WatermarkStrategy.forMonotonousTimestamps();
                    case "bounded" ->
                            WatermarkStrategy.forBoundedOutOfOrderness(
                                    Duration.ofMillis(
                                            strategy.path("max_out_of_orderness_ms").asLong()));
                    case "no_watermarks" -> WatermarkStrategy.noWatermarks();
                    default ->
                            throw new IllegalArgumentException(
                                    "Unknown watermark strategy '"
                                            + strategy.path("kind").asText()
                                            + "'");
                };
        if (strategy.hasNonNull("idleness_ms")) {
            watermarks =
                    watermarks.withIdleness(
                            Duration.ofMillis(strategy.path("idleness_ms").asLong()));
        }
        SingleOutputStreamOperator<Object> withWatermarks =
                untyped(input.assignTimestampsAndWatermarks(watermarks));
        if (node.path("parallelism").asInt(-1) <= 0 && input.getParallelism() > 0) {
            withWatermarks.setParallelism(input.getParallelism());
        }
        return configure(withWatermarks, node);
    }

    /** The records a Python function of the input's operator emitted to the node's tag. */
    private DataStream<Object> sideOutput(JsonNode node) {
        if (!(input(node, 0) instanceof SingleOutputStreamOperator<Object> operator)) {
            throw new IllegalArgumentException(
                    "get_side_output() needs the result of a Python function");
        }
        return operator.getSideOutput(
                new OutputTag<>(node.path("tag").asText(), type(node.path("output_type"))));
    }

    private void keyBy(JsonNode node) {
        int id = node.path("id").asInt();
        int inputId = node.path("inputs").get(0).asInt();
        TypeInformation<Object> valueType = type(node.path("output_type"));
        TypeInformation<Object> keyType =
                node.hasNonNull("key_type")
                        ? type(node.path("key_type"))
                        : untypedInfo(PickledByteArrayTypeInfo.INSTANCE);
        PythonFunctionSpec selector =
                new PythonFunctionSpec("key_selector", decode(node.path("key_selector").asText()));
        JsonNode union = unionsToKey.remove(inputId);
        List<Integer> sources = new ArrayList<>();
        if (union == null) {
            sources.add(inputId);
        } else {
            union.path("inputs").forEach(input -> sources.add(input.asInt()));
        }
        List<DataStream<Object>> pairs = new ArrayList<>();
        for (int source : sources) {
            PendingChain chain = chainAtParallelismOf(source, id);
            chain.functions.add(selector);
            chain.names.add("KeyBy");
            chain.outputType =
                    untypedInfo(new TupleTypeInfo<Tuple2<Object, Object>>(keyType, valueType));
            pairs.add(materialize(chain));
        }
        DataStream<Object> all = union(pairs);
        keyed.put(id, keyBy(all, keyType));
        streams.put(id, all);
    }

    /**
     * The chain of a key selector or timestamp assigner: like Java's keyBy and
     * assignTimestampsAndWatermarks it runs where its input runs (the upstream chain, else a chain
     * at the input's parallelism), so it neither reorders records nor adds a shuffle.
     */
    private PendingChain chainAtInputParallelism(JsonNode node) {
        return chainAtParallelismOf(node.path("inputs").get(0).asInt(), node.path("id").asInt());
    }

    private PendingChain chainAtParallelismOf(int inputId, int readerId) {
        PendingChain upstream = pending.get(inputId);
        if (upstream != null && consumers.getOrDefault(inputId, 0) == 1) {
            pending.remove(inputId);
            return upstream;
        }
        DataStream<Object> input = stream(inputId, readerId);
        return new PendingChain(input, input.getParallelism());
    }

    /**
     * The chain {@code node}'s function joins: its input's, if the input is a pending chain that
     * only this node reads at the same parallelism, else a new chain on the input.
     */
    private PendingChain chainAfter(JsonNode node, int parallelism) {
        int inputId = node.path("inputs").get(0).asInt();
        PendingChain upstream = pending.get(inputId);
        if (upstream != null
                && consumers.getOrDefault(inputId, 0) == 1
                && upstream.parallelism == parallelism) {
            pending.remove(inputId);
            return upstream;
        }
        return new PendingChain(input(node, 0), parallelism);
    }

    @SuppressWarnings("unchecked") // the keyed stream carries the (key, value) pairs untyped
    private static KeyedStream<Object, Object> keyBy(
            DataStream<Object> pairs, TypeInformation<Object> keyType) {
        DataStream<Tuple2<Object, Object>> typed =
                (DataStream<Tuple2<Object, Object>>) (Object) pairs;
        KeyedStream<?, ?> stream =
                typed.keyBy(
                        new PythonKeySelector<Object, Object>(), new PythonKeyTypeInfo(keyType));
        return (KeyedStream<Object, Object>) stream;
    }

    private DataStream<Object> materialize(PendingChain chain) {
        String name = String.join(", ", chain.names);
        SingleOutputStreamOperator<Object> op;
        if (chain.broadcastInput == null) {
            op =
                    chain.input.transform(
                            name,
                            chain.outputType,
                            PythonFunctionOperator.factory(
                                    chain.functions,
                                    chain.inputType,
                                    chain.outputType,
                                    chain.sideOutputs));
        } else {
            BroadcastStream<Object> broadcast =
                    chain.broadcastInput.broadcast(
                            chain.broadcastStates.stream()
                                    .map(PythonBroadcastOperator::stateDescriptor)
                                    .toArray(MapStateDescriptor<?, ?>[]::new));
            op =
                    chain.input
                            .connect(broadcast)
                            .transform(
                                    name,
                                    chain.outputType,
                                    PythonBroadcastOperator.factory(
                                            chain.functions,
                                            chain.inputType,
                                            chain.broadcastInput.getType(),
                                            chain.broadcastStates,
                                            chain.outputType,
                                            chain.sideOutputs));
        }
        if (chain.parallelism > 0) {
            op.setParallelism(chain.parallelism);
        }
        if (chain.uid != null) {
            op.uid(chain.uid);
        }
        return op;
    }

    // ------------------------------------------------------------------ plumbing

    private DataStream<Object> input(JsonNode node, int index) {
        return stream(node.path("inputs").get(index).asInt(), node.path("id").asInt());
    }

    private DataStream<Object> stream(int inputId, int readerId) {
        PendingChain chain = pending.remove(inputId);
        if (chain != null) {
            streams.put(inputId, materialize(chain));
        }
        DataStream<Object> stream = streams.get(inputId);
        if (stream == null) {
            throw new IllegalArgumentException(
                    "Transformation " + readerId + " reads unknown input " + inputId);
        }
        return stream;
    }

    private void union(JsonNode node) {
        int id = node.path("id").asInt();
        if (consumers.getOrDefault(id, 0) == 1 && "key_by".equals(readerKinds.get(id))) {
            // Keying after the union would put a key selector behind it, which redistributes
            // inputs of another parallelism (reordering a key's records) and cannot fuse.
            unionsToKey.put(id, node);
            return;
        }
        List<DataStream<Object>> inputs = new ArrayList<>();
        for (int i = 0; i < node.path("inputs").size(); i++) {
            inputs.add(input(node, i));
        }
        streams.put(id, union(inputs));
    }

    private static DataStream<Object> union(List<DataStream<Object>> inputs) {
        if (inputs.size() == 1) {
            return inputs.get(0);
        }
        @SuppressWarnings("unchecked") // DataStream.union takes a generic varargs array
        DataStream<Object>[] others = inputs.subList(1, inputs.size()).toArray(DataStream[]::new);
        return inputs.get(0).union(others);
    }

    /**
     * {@code partition_custom}: the Python key selector and partitioner run where the input runs
     * (in its chain) and emit {@code (partition, value)}; Java sends each pair to that partition
     * and drops the partition again. The partitioner needs the number of partitions, which is the
     * parallelism of what reads the node, so the node's readers must agree on it.
     */
    private DataStream<Object> customPartition(JsonNode node) {
        int id = node.path("id").asInt();
        Set<Integer> parallelisms = new TreeSet<>();
        for (JsonNode reader : nodes.values()) {
            for (JsonNode input : reader.path("inputs")) {
                if (input.asInt() == id) {
                    int parallelism = reader.path("parallelism").asInt(-1);
                    parallelisms.add(parallelism > 0 ? parallelism : env.getParallelism());
                }
            }
        }
        if (parallelisms.size() > 1) {
            throw new IllegalArgumentException(
                    "The output of partition_custom() is read by operations of different"
                            + " parallelism "
                            + parallelisms
                            + "; give them the same parallelism");
        }
        int partitions =
                parallelisms.isEmpty() ? env.getParallelism() : parallelisms.iterator().next();
        TypeInformation<Object> valueType = type(node.path("output_type"));
        PendingChain chain = chainAtInputParallelism(node);
        chain.functions.add(
                new PythonFunctionSpec(
                        "custom_partition",
                        decode(node.path("partitioner").asText()),
                        Map.of("num_partitions", partitions)));
        chain.names.add("PartitionCustom");
        chain.outputType =
                untypedInfo(
                        new TupleTypeInfo<Tuple2<Integer, Object>>(
                                BasicTypeInfo.INT_TYPE_INFO, valueType));
        @SuppressWarnings("unchecked") // the chain emits (partition, value) pairs
        DataStream<Tuple2<Integer, Object>> pairs =
                (DataStream<Tuple2<Integer, Object>>) (Object) materialize(chain);
        return untyped(
                pairs.partitionCustom(new ChosenPartition(), new PartitionField())
                        .map(new PairValue(), valueType)
                        .name("PartitionCustom")
                        .setParallelism(partitions));
    }

    /** The partition the Python partitioner chose. */
    private static final class ChosenPartition implements Partitioner<Integer> {
        private static final long serialVersionUID = 1L;

        @Override
        public int partition(Integer key, int numPartitions) {
            return key;
        }
    }

    private static final class PartitionField
            implements KeySelector<Tuple2<Integer, Object>, Integer> {
        private static final long serialVersionUID = 1L;

        @Override
        public Integer getKey(Tuple2<Integer, Object> pair) {
            return pair.f0;
        }
    }

    private static final class PairValue implements MapFunction<Tuple2<Integer, Object>, Object> {
        private static final long serialVersionUID = 1L;

        @Override
        public Object map(Tuple2<Integer, Object> pair) {
            return pair.f1;
        }
    }

    private static DataStream<Object> partition(String kind, DataStream<Object> input) {
        return switch (kind) {
            case "forward" -> input.forward();
            case "rebalance" -> input.rebalance();
            case "rescale" -> input.rescale();
            case "shuffle" -> input.shuffle();
            case "broadcast" -> input.broadcast();
            default -> input.global();
        };
    }

    private void print(JsonNode node) {
        DataStream<Object> input = input(node, 0);
        DataStreamSink<Object> sink;
        String identifier = node.path("sink_identifier").asText(null);
        boolean stderr = node.path("to_stderr").asBoolean(false);
        if (identifier != null) {
            sink = stderr ? input.printToErr(identifier) : input.print(identifier);
        } else {
            sink = stderr ? input.printToErr() : input.print();
        }
        configureSink(sink, node);
    }

    private void fileSink(JsonNode node) {
        DataStream<Object> input = input(node, 0);
        JsonNode rolling = node.path("rolling");
        DefaultRollingPolicy.PolicyBuilder policy = DefaultRollingPolicy.builder();
        if (rolling.has("part_size")) {
            policy.withMaxPartSize(new MemorySize(rolling.path("part_size").asLong()));
        }
        if (rolling.has("rollover_interval_ms")) {
            policy.withRolloverInterval(
                    Duration.ofMillis(rolling.path("rollover_interval_ms").asLong()));
        }
        if (rolling.has("inactivity_interval_ms")) {
            policy.withInactivityInterval(
                    Duration.ofMillis(rolling.path("inactivity_interval_ms").asLong()));
        }
        FileSink<Object> sink =
                FileSink.forRowFormat(
                                new Path(node.path("path").asText()),
                                new SimpleStringEncoder<Object>(
                                        node.path("charset").asText("UTF-8")))
                        .withRollingPolicy(policy.build())
                        .withOutputFileConfig(
                                OutputFileConfig.builder()
                                        .withPartPrefix(node.path("part_prefix").asText("part"))
                                        .withPartSuffix(node.path("part_suffix").asText(""))
                                        .build())
                        .build();
        configureSink(input.sinkTo(sink), node);
    }

    private void collect(JsonNode node) {
        DataStream<Object> input = input(node, 0);
        CollectSink sink = new CollectSink(collectTarget, input.getType());
        collectSinks.add(sink);
        configureSink(input.sinkTo(sink).name(node.path("name").asText("Collect")), node);
    }

    private static void configureSink(DataStreamSink<Object> sink, JsonNode node) {
        int parallelism = node.path("parallelism").asInt(-1);
        if (parallelism > 0) {
            sink.setParallelism(parallelism);
        }
        if (node.hasNonNull("uid")) {
            sink.uid(node.path("uid").asText());
        }
    }

    private static DataStream<Object> configure(
            SingleOutputStreamOperator<Object> stream, JsonNode node) {
        int parallelism = node.path("parallelism").asInt(-1);
        if (parallelism > 0) {
            stream.setParallelism(parallelism);
        }
        if (node.hasNonNull("uid")) {
            stream.uid(node.path("uid").asText());
        }
        if (node.hasNonNull("name")) {
            stream.name(node.path("name").asText());
        }
        return stream;
    }

    private static TypeInformation<Object> type(JsonNode json) {
        return untypedInfo(PythonTypes.fromJson(json.toString()));
    }

    @SuppressWarnings("unchecked") // Python streams are handled untyped on the Java side
    private static TypeInformation<Object> untypedInfo(TypeInformation<?> type) {
        return (TypeInformation<Object>) type;
    }

    @SuppressWarnings("unchecked") // Python streams are handled untyped on the Java side
    private static SingleOutputStreamOperator<Object> untyped(SingleOutputStreamOperator<?> s) {
        return (SingleOutputStreamOperator<Object>) s;
    }

    private static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64);
    }
}

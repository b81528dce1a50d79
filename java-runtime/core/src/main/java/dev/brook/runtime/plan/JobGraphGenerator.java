package dev.brook.runtime.plan;

import dev.brook.api.common.JobID;
import dev.brook.api.common.RuntimeExecutionMode;
import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.api.connector.source.Boundedness;
import dev.brook.api.java.functions.KeySelector;
import dev.brook.configuration.Configuration;
import dev.brook.configuration.ExecutionOptions;
import dev.brook.runtime.jobgraph.DistributionPattern;
import dev.brook.runtime.jobgraph.IntermediateDataSetID;
import dev.brook.runtime.jobgraph.JobEdge;
import dev.brook.runtime.jobgraph.JobGraph;
import dev.brook.runtime.jobgraph.JobVertex;
import dev.brook.runtime.jobgraph.JobVertexID;
import dev.brook.runtime.jobgraph.OperatorConfig;
import dev.brook.runtime.jobgraph.TaskConfig;
import dev.brook.runtime.operators.coordination.OperatorCoordinatorProvider;
import dev.brook.runtime.serialization.JavaSerialization;
import dev.brook.runtime.source.coordinator.SourceCoordinatorProvider;
import dev.brook.runtime.state.KeyGroupRangeAssignment;
import dev.brook.runtime.state.StateBackend;
import dev.brook.runtime.state.StateBackendLoader;
import dev.brook.streaming.runtime.operators.OperatorFactory;
import dev.brook.streaming.runtime.operators.SourceOperator;
import dev.brook.streaming.runtime.partitioner.ForwardPartitioner;
import dev.brook.streaming.runtime.partitioner.KeyGroupStreamPartitioner;
import dev.brook.streaming.runtime.partitioner.RebalancePartitioner;
import dev.brook.streaming.runtime.partitioner.StreamPartitioner;
import dev.brook.util.OutputTag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns the transformations of a program into a {@link JobGraph}: virtual transformations
 * (partitioning, union, side outputs) become properties of edges, and operators connected by a
 * forward edge of equal parallelism are chained into one vertex, run by one thread.
 */
public final class JobGraphGenerator {

    /** Settings of the environment that shape the plan. */
    public record Settings(
            String jobName,
            int defaultParallelism,
            int maxParallelism,
            boolean chainingEnabled,
            long autoWatermarkInterval,
            RuntimeExecutionMode executionMode,
            StateBackend stateBackend,
            Configuration configuration) {}

    /** A physical operator. */
    private static final class Node {
        final Transformation<?> transformation;
        final int id;
        final int parallelism;
        final int maxParallelism;
        final String slotSharingGroup;
        final List<Edge> inEdges = new ArrayList<>();
        final List<Edge> outEdges = new ArrayList<>();
        final String name;
        Chain chain;
        int indexInChain;

        Node(Transformation<?> t, int parallelism, int maxParallelism, String displayName) {
            this.transformation = t;
            this.id = t.getId();
            this.parallelism = parallelism;
            this.maxParallelism = maxParallelism;
            this.slotSharingGroup =
                    t.getSlotSharingGroup() == null ? "default" : t.getSlotSharingGroup();
            this.name = displayName;
        }

        boolean isSource() {
            return transformation instanceof SourceTransformation;
        }

        /** Set for every node once the edges are known; see {@link #assignOperatorIds}. */
        String operatorId;

        String operatorId() {
            return operatorId;
        }
    }

    /** A connection between two physical operators. */
    private record Edge(
            Node source,
            Node target,
            StreamPartitioner<?> partitioner,
            OutputTag<?> tag,
            int typeNumber,
            TypeInformation<?> type) {}

    private static final class Chain {
        final Node head;
        final List<Node> members = new ArrayList<>();
        final List<Edge> outEdges = new ArrayList<>();
        final JobVertexID vertexId = JobVertexID.generate();

        Chain(Node head) {
            this.head = head;
        }
    }

    private final Settings settings;
    private final Map<Integer, Node> nodes = new TreeMap<>();
    private StateBackend stateBackend;

    private JobGraphGenerator(Settings settings) {
        this.settings = settings;
    }

    public static JobGraph generate(List<Transformation<?>> transformations, Settings settings) {
        if (transformations.isEmpty()) {
            throw new IllegalStateException(
                    "No operators defined in streaming topology. Cannot execute.");
        }
        return new JobGraphGenerator(settings).build(transformations);
    }

    private JobGraph build(List<Transformation<?>> transformations) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        stateBackend =
                StateBackendLoader.load(
                        settings.stateBackend(),
                        settings.configuration(),
                        loader != null ? loader : JobGraphGenerator.class.getClassLoader());
        buildNodesAndEdges(transformations);
        List<Chain> chains = buildChains();
        List<JobVertex> vertices = new ArrayList<>();
        Map<Edge, IntermediateDataSetID> dataSets = new LinkedHashMap<>();
        for (Chain chain : chains) {
            for (Edge e : chain.outEdges) {
                dataSets.put(e, new IntermediateDataSetID(chain.vertexId + "-" + dataSets.size()));
            }
        }
        for (Chain chain : chains) {
            vertices.add(createVertex(chain, dataSets));
        }
        RuntimeExecutionMode mode = resolveExecutionMode();
        Configuration jobConfiguration = new Configuration(settings.configuration());
        jobConfiguration.set(ExecutionOptions.RUNTIME_MODE, mode);
        return new JobGraph(JobID.generate(), settings.jobName(), vertices, jobConfiguration, mode);
    }

    /**
     * BATCH or STREAMING: AUTOMATIC becomes BATCH when every source is bounded. BATCH with an
     * unbounded source is a contradiction and fails.
     */
    private RuntimeExecutionMode resolveExecutionMode() {
        Node unbounded = null;
        for (Node n : nodes.values()) {
            if (n.transformation instanceof SourceTransformation<?> st
                    && st.getSource().getBoundedness() != Boundedness.BOUNDED) {
                unbounded = n;
                break;
            }
        }
        RuntimeExecutionMode requested = settings.executionMode();
        if (requested == RuntimeExecutionMode.AUTOMATIC) {
            return unbounded == null ? RuntimeExecutionMode.BATCH : RuntimeExecutionMode.STREAMING;
        }
        if (requested == RuntimeExecutionMode.BATCH && unbounded != null) {
            throw new IllegalStateException(
                    "The source '"
                            + unbounded.name
                            + "' is unbounded, but the job runs in BATCH mode"
                            + " ('execution.runtime-mode'). Use STREAMING or AUTOMATIC for jobs"
                            + " with unbounded sources.");
        }
        return requested;
    }

    private void buildNodesAndEdges(List<Transformation<?>> transformations) {
        List<Transformation<?>> all = new ArrayList<>();
        collect(transformations, all, new HashSet<>());
        all.sort(Comparator.comparingInt(Transformation::getId));
        for (Transformation<?> t : all) {
            if (isPhysical(t)) {
                nodes.put(t.getId(), createNode(t));
            }
        }
        for (Node node : nodes.values()) {
            List<Transformation<?>> inputs = node.transformation.getInputs();
            for (int i = 0; i < inputs.size(); i++) {
                int typeNumber = node.transformation instanceof TwoInputTransformation ? i + 1 : 1;
                for (ResolvedInput r : resolve(inputs.get(i), null, null)) {
                    connect(r, node, typeNumber);
                }
            }
        }
        assignOperatorIds();
    }

    /**
     * Gives every operator the id its state is stored under: {@code uid:<uid>} when the program set
     * one, else a hash of its place in the topology (its inputs' ids and which input they feed, and
     * its rank among operators with the same inputs). So the same program gets the same ids in
     * every run, in any JVM, and a changed topology changes the ids of the operators after the
     * change, whose old state then no longer matches silently. Nodes are visited in creation order,
     * inputs first.
     */
    private void assignOperatorIds() {
        Map<String, Integer> ranks = new HashMap<>();
        for (Node node : nodes.values()) {
            StringBuilder position = new StringBuilder();
            for (Edge e : node.inEdges) {
                position.append(e.source().operatorId)
                        .append('/')
                        .append(e.typeNumber())
                        .append(';');
            }
            String key = position.toString();
            int rank = ranks.merge(key, 1, Integer::sum);
            String uid = node.transformation.getUid();
            node.operatorId = uid != null ? "uid:" + uid : "h-" + sha1(key + "#" + rank);
        }
    }

    private static String sha1(String text) {
        try {
            byte[] digest =
                    java.security.MessageDigest.getInstance("SHA-1")
                            .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JVM", e);
        }
    }

    private static void collect(
            List<? extends Transformation<?>> ts, List<Transformation<?>> out, Set<Integer> seen) {
        for (Transformation<?> t : ts) {
            if (seen.add(t.getId())) {
                out.add(t);
                collect(t.getInputs(), out, seen);
            }
        }
    }

    private static boolean isPhysical(Transformation<?> t) {
        return t instanceof SourceTransformation
                || t instanceof OneInputTransformation
                || t instanceof TwoInputTransformation;
    }

    private Node createNode(Transformation<?> t) {
        int parallelism =
                t.getParallelism() > 0 ? t.getParallelism() : settings.defaultParallelism();
        int maxParallelism = t.getMaxParallelism();
        if (maxParallelism <= 0) {
            maxParallelism =
                    settings.maxParallelism() > 0
                            ? settings.maxParallelism()
                            : KeyGroupRangeAssignment.computeDefaultMaxParallelism(parallelism);
        }
        if (parallelism > maxParallelism) {
            throw new IllegalArgumentException(
                    "The parallelism ("
                            + parallelism
                            + ") of '"
                            + t.getName()
                            + "' is higher than its maximum parallelism ("
                            + maxParallelism
                            + "). Raise the max parallelism or lower the parallelism.");
        }
        String display = t instanceof SourceTransformation ? "Source: " + t.getName() : t.getName();
        return new Node(t, parallelism, maxParallelism, display);
    }

    private record ResolvedInput(Node node, StreamPartitioner<?> partitioner, OutputTag<?> tag) {}

    /** Follows virtual transformations down to physical ones; the outermost partitioner wins. */
    private List<ResolvedInput> resolve(
            Transformation<?> t, StreamPartitioner<?> partitioner, OutputTag<?> tag) {
        if (t instanceof PartitionTransformation<?> p) {
            return resolve(
                    p.getInput(), partitioner != null ? partitioner : p.getPartitioner(), tag);
        }
        if (t instanceof SideOutputTransformation<?> s) {
            return resolve(s.getInput(), partitioner, s.getTag());
        }
        if (t instanceof UnionTransformation<?> u) {
            List<ResolvedInput> all = new ArrayList<>();
            for (Transformation<?> in : u.getInputs()) {
                all.addAll(resolve(in, partitioner, tag));
            }
            return all;
        }
        return List.of(new ResolvedInput(nodes.get(t.getId()), partitioner, tag));
    }

    private void connect(ResolvedInput input, Node target, int typeNumber) {
        Node source = input.node();
        StreamPartitioner<?> partitioner = input.partitioner();
        if (partitioner == null) {
            partitioner =
                    source.parallelism == target.parallelism
                            ? new ForwardPartitioner<>()
                            : new RebalancePartitioner<>();
        } else if (partitioner instanceof ForwardPartitioner
                && source.parallelism != target.parallelism) {
            throw new UnsupportedOperationException(
                    "Forward partitioning does not allow change of parallelism. Upstream operation: "
                            + source.name
                            + " parallelism: "
                            + source.parallelism
                            + ", downstream operation: "
                            + target.name
                            + " parallelism: "
                            + target.parallelism
                            + ". Use another partitioning, such as rebalance, rescale, shuffle,"
                            + " broadcast or global.");
        }
        if (partitioner instanceof KeyGroupStreamPartitioner<?, ?> keyed) {
            partitioner = keyed.withMaxParallelism(target.maxParallelism);
        }
        TypeInformation<?> type =
                input.tag() != null
                        ? input.tag().getTypeInfo()
                        : source.transformation.getOutputType();
        Edge edge = new Edge(source, target, partitioner, input.tag(), typeNumber, type);
        source.outEdges.add(edge);
        target.inEdges.add(edge);
    }

    private boolean isChainable(Edge e) {
        Node up = e.source();
        Node down = e.target();
        return settings.chainingEnabled()
                && down.inEdges.size() == 1
                && e.partitioner() instanceof ForwardPartitioner
                && up.parallelism == down.parallelism
                && up.slotSharingGroup.equals(down.slotSharingGroup)
                && !up.transformation.isChainingDisabled()
                && !down.transformation.isChainingDisabled()
                && !down.transformation.startsNewChain()
                && !down.isSource();
    }

    private List<Chain> buildChains() {
        List<Chain> chains = new ArrayList<>();
        for (Node node : nodes.values()) {
            if (node.inEdges.size() == 1 && isChainable(node.inEdges.get(0))) {
                Chain chain = node.inEdges.get(0).source().chain;
                node.chain = chain;
                node.indexInChain = chain.members.size();
                chain.members.add(node);
            } else {
                Chain chain = new Chain(node);
                node.chain = chain;
                node.indexInChain = 0;
                chain.members.add(node);
                chains.add(chain);
            }
        }
        for (Node node : nodes.values()) {
            for (Edge e : node.outEdges) {
                if (e.target().chain != node.chain) {
                    node.chain.outEdges.add(e);
                }
            }
        }
        return chains;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private JobVertex createVertex(Chain chain, Map<Edge, IntermediateDataSetID> dataSets) {
        List<OperatorConfig> operators = new ArrayList<>();
        List<TaskConfig.PartitionConfig> partitions = new ArrayList<>();
        List<IntermediateDataSetID> produced = new ArrayList<>();
        for (Edge e : chain.outEdges) {
            partitions.add(
                    new TaskConfig.PartitionConfig(e.partitioner(), e.type().createSerializer()));
            produced.add(dataSets.get(e));
        }
        List<OperatorCoordinatorProvider> coordinators = new ArrayList<>();
        for (Node node : chain.members) {
            List<OperatorConfig.ChainedOutput> chained = new ArrayList<>();
            List<OperatorConfig.NetworkOutput> network = new ArrayList<>();
            for (Edge e : node.outEdges) {
                if (e.target().chain == chain) {
                    chained.add(
                            new OperatorConfig.ChainedOutput(
                                    e.target().indexInChain, e.tag(), e.type().createSerializer()));
                } else {
                    network.add(
                            new OperatorConfig.NetworkOutput(chain.outEdges.indexOf(e), e.tag()));
                }
            }
            Transformation<?> t = node.transformation;
            OperatorFactory<?> factory;
            KeySelector<?, ?> key1 = null;
            KeySelector<?, ?> key2 = null;
            TypeInformation<?> keyType = null;
            if (t instanceof SourceTransformation<?> st) {
                factory =
                        sourceFactory(
                                (SourceTransformation) st,
                                settings.autoWatermarkInterval(),
                                settings.configuration());
                coordinators.add(new SourceCoordinatorProvider(node.operatorId(), st.getSource()));
            } else if (t instanceof OneInputTransformation<?, ?> ot) {
                factory = ot.getOperatorFactory();
                key1 = ot.getStateKeySelector();
                keyType = ot.getStateKeyType();
            } else {
                TwoInputTransformation<?, ?, ?> tt = (TwoInputTransformation<?, ?, ?>) t;
                factory = tt.getOperatorFactory();
                key1 = tt.getStateKeySelector1();
                key2 = tt.getStateKeySelector2();
                keyType = tt.getStateKeyType();
            }
            // Serialize each operator on its own first, so a failure names the operator.
            JavaSerialization.serialize(factory, "function of operator '" + node.name + "'");
            if (key1 != null) {
                JavaSerialization.serialize(key1, "key selector of operator '" + node.name + "'");
            }
            if (key2 != null) {
                JavaSerialization.serialize(key2, "key selector of operator '" + node.name + "'");
            }
            operators.add(
                    new OperatorConfig(
                            node.operatorId(),
                            node.name,
                            factory,
                            key1,
                            key2,
                            keyType == null ? null : keyType.createSerializer(),
                            t instanceof TwoInputTransformation,
                            node.isSource(),
                            chained,
                            network));
        }
        List<JobEdge> inputs = new ArrayList<>();
        List<TaskConfig.InputConfig> inputConfigs = new ArrayList<>();
        for (Edge e : chain.head.inEdges) {
            inputs.add(
                    new JobEdge(
                            dataSets.get(e),
                            e.source().chain.vertexId,
                            e.partitioner().isPointwise()
                                    ? DistributionPattern.POINTWISE
                                    : DistributionPattern.ALL_TO_ALL,
                            e.partitioner().toString()));
            inputConfigs.add(
                    new TaskConfig.InputConfig(e.typeNumber(), e.type().createSerializer()));
        }
        TaskConfig config = new TaskConfig(operators, partitions, inputConfigs, stateBackend);
        byte[] serialized = JavaSerialization.serialize(config, "task '" + chainName(chain) + "'");
        return new JobVertex(
                chain.vertexId,
                chainName(chain),
                chain.head.parallelism,
                chain.head.maxParallelism,
                chain.head.slotSharingGroup,
                serialized,
                inputs,
                produced,
                coordinators,
                operators.stream().map(OperatorConfig::operatorId).toList());
    }

    private static <T> OperatorFactory<T> sourceFactory(
            SourceTransformation<T> st, long autoWatermarkInterval, Configuration configuration) {
        var source = st.getSource();
        var strategy = st.getWatermarkStrategy();
        return params ->
                new SourceOperator<>(
                        params, source, strategy, autoWatermarkInterval, configuration);
    }

    private static String chainName(Chain chain) {
        StringBuilder sb = new StringBuilder();
        for (Node n : chain.members) {
            if (sb.length() > 0) {
                sb.append(" -> ");
            }
            sb.append(n.name);
        }
        return sb.toString();
    }

    /** The plan as JSON in the shape of Flink's {@code getExecutionPlan()}. */
    public static String executionPlanJson(
            List<Transformation<?>> transformations, Settings settings) {
        JobGraphGenerator g = new JobGraphGenerator(settings);
        g.buildNodesAndEdges(transformations);
        StringBuilder json = new StringBuilder("{\"nodes\":[");
        boolean firstNode = true;
        for (Node n : g.nodes.values()) {
            if (!firstNode) {
                json.append(',');
            }
            firstNode = false;
            String pact =
                    n.isSource() ? "Data Source" : n.outEdges.isEmpty() ? "Data Sink" : "Operator";
            json.append("{\"id\":")
                    .append(n.id)
                    .append(",\"type\":")
                    .append(quote(n.name))
                    .append(",\"pact\":")
                    .append(quote(pact))
                    .append(",\"contents\":")
                    .append(quote(n.name))
                    .append(",\"parallelism\":")
                    .append(n.parallelism);
            if (!n.inEdges.isEmpty()) {
                json.append(",\"predecessors\":[");
                boolean firstEdge = true;
                for (Edge e : n.inEdges) {
                    if (!firstEdge) {
                        json.append(',');
                    }
                    firstEdge = false;
                    json.append("{\"id\":")
                            .append(e.source().id)
                            .append(",\"ship_strategy\":")
                            .append(quote(e.partitioner().toString()))
                            .append(",\"side\":")
                            .append(quote(e.typeNumber() == 2 ? "second" : "first"))
                            .append('}');
                }
                json.append(']');
            }
            json.append('}');
        }
        return json.append("]}").toString();
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}

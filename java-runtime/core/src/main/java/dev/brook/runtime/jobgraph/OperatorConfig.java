package dev.brook.runtime.jobgraph;

import dev.brook.api.common.typeutils.TypeSerializer;
import dev.brook.api.java.functions.KeySelector;
import dev.brook.streaming.runtime.operators.OperatorFactory;
import dev.brook.util.OutputTag;
import java.io.Serializable;
import java.util.List;

/**
 * One operator of a task's chain, as shipped to the TaskManager.
 *
 * @param operatorId stable identity (the uid when set), used to address coordinator events and,
 *     later, to match state
 * @param keySelector1 key of input 1 when keyed, else null
 * @param keySelector2 key of input 2 when keyed, else null
 * @param keySerializer serializer of the state key when keyed, else null
 * @param chainedOutputs edges to operators later in the same chain
 * @param networkOutputs edges to other job vertices, by index into the task's partitions
 */
public record OperatorConfig(
        String operatorId,
        String name,
        OperatorFactory<?> factory,
        KeySelector<?, ?> keySelector1,
        KeySelector<?, ?> keySelector2,
        TypeSerializer<?> keySerializer,
        boolean twoInput,
        boolean source,
        List<ChainedOutput> chainedOutputs,
        List<NetworkOutput> networkOutputs)
        implements Serializable {

    /** An edge to operator {@code targetIndex} of the chain; {@code tag} null for main output. */
    public record ChainedOutput(int targetIndex, OutputTag<?> tag, TypeSerializer<?> serializer)
            implements Serializable {}

    /** An edge to the task's partition {@code partitionIndex}; {@code tag} null for main output. */
    public record NetworkOutput(int partitionIndex, OutputTag<?> tag) implements Serializable {}
}

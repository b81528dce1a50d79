package dev.brook.runtime.plan;

import dev.brook.streaming.runtime.partitioner.StreamPartitioner;
import java.util.List;

/** Changes how records travel to the next operator; not an operator itself. */
public final class PartitionTransformation<T> extends Transformation<T> {

    private final Transformation<T> input;
    private final StreamPartitioner<T> partitioner;

    public PartitionTransformation(Transformation<T> input, StreamPartitioner<T> partitioner) {
        super("Partition", input.getOutputType(), input.getParallelism());
        this.input = input;
        this.partitioner = partitioner;
    }

    public Transformation<T> getInput() {
        return input;
    }

    public StreamPartitioner<T> getPartitioner() {
        return partitioner;
    }

    @Override
    public List<Transformation<?>> getInputs() {
        return List.of(input);
    }
}

package dev.brook.runtime.plan;

import dev.brook.api.common.typeinfo.TypeInformation;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A node of the logical plan that the DataStream API builds lazily: an operation with its inputs
 * and settings. {@code execute()} turns the transformations into a job graph.
 */
public abstract class Transformation<T> {

    private static final AtomicInteger ID_COUNTER = new AtomicInteger();

    private final int id = ID_COUNTER.incrementAndGet();
    private String name;
    private String uid;
    private String description;
    private TypeInformation<T> outputType;
    private int parallelism = -1;
    private int maxParallelism = -1;
    private String slotSharingGroup;
    private boolean chainingDisabled;
    private boolean startsNewChain;

    protected Transformation(String name, TypeInformation<T> outputType, int parallelism) {
        this.name = name;
        this.outputType = outputType;
        this.parallelism = parallelism;
    }

    /** Ids grow with creation order, so inputs always have smaller ids than their consumers. */
    public int getId() {
        return id;
    }

    public abstract List<Transformation<?>> getInputs();

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getUid() {
        return uid;
    }

    public void setUid(String uid) {
        this.uid = uid;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public TypeInformation<T> getOutputType() {
        return outputType;
    }

    public void setOutputType(TypeInformation<T> outputType) {
        this.outputType = outputType;
    }

    /** The parallelism, or -1 for the environment's default. */
    public int getParallelism() {
        return parallelism;
    }

    public void setParallelism(int parallelism) {
        if (parallelism < 1 && parallelism != -1) {
            throw new IllegalArgumentException(
                    "Parallelism of '" + name + "' must be at least 1, got " + parallelism);
        }
        this.parallelism = parallelism;
    }

    public int getMaxParallelism() {
        return maxParallelism;
    }

    public void setMaxParallelism(int maxParallelism) {
        if (maxParallelism < 1 || maxParallelism > (1 << 15)) {
            throw new IllegalArgumentException(
                    "Max parallelism of '"
                            + name
                            + "' must be between 1 and 32768, got "
                            + maxParallelism);
        }
        this.maxParallelism = maxParallelism;
    }

    public String getSlotSharingGroup() {
        return slotSharingGroup;
    }

    public void setSlotSharingGroup(String slotSharingGroup) {
        this.slotSharingGroup = slotSharingGroup;
    }

    public boolean isChainingDisabled() {
        return chainingDisabled;
    }

    public void disableChaining() {
        this.chainingDisabled = true;
    }

    public boolean startsNewChain() {
        return startsNewChain;
    }

    public void startNewChain() {
        this.startsNewChain = true;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{id=" + id + ", name='" + name + "'}";
    }
}

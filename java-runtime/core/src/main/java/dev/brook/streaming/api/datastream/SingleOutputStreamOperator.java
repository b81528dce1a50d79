package dev.brook.streaming.api.datastream;

import dev.brook.annotation.Internal;
import dev.brook.api.common.typeinfo.TypeHint;
import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.runtime.plan.SideOutputTransformation;
import dev.brook.runtime.plan.Transformation;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import dev.brook.util.OutputTag;
import java.util.HashMap;
import java.util.Map;

/** The output of one operation, whose settings (name, parallelism, ...) can still be changed. */
public class SingleOutputStreamOperator<T> extends DataStream<T> {

    private final Map<String, TypeInformation<?>> sideOutputTypes = new HashMap<>();

    @Internal
    public SingleOutputStreamOperator(
            StreamExecutionEnvironment environment, Transformation<T> transformation) {
        super(environment, transformation);
    }

    public String getName() {
        return transformation.getName();
    }

    public SingleOutputStreamOperator<T> name(String name) {
        transformation.setName(name);
        return this;
    }

    /** A stable id for the operation, used to match its state when a job is restored. */
    public SingleOutputStreamOperator<T> uid(String uid) {
        transformation.setUid(uid);
        return this;
    }

    public SingleOutputStreamOperator<T> setDescription(String description) {
        transformation.setDescription(description);
        return this;
    }

    public SingleOutputStreamOperator<T> setParallelism(int parallelism) {
        transformation.setParallelism(parallelism);
        return this;
    }

    public SingleOutputStreamOperator<T> setMaxParallelism(int maxParallelism) {
        transformation.setMaxParallelism(maxParallelism);
        return this;
    }

    /** Runs this operation in its own thread, never chained to its neighbours. */
    public SingleOutputStreamOperator<T> disableChaining() {
        transformation.disableChaining();
        return this;
    }

    /** Starts a new chain at this operation (it may still chain to what follows). */
    public SingleOutputStreamOperator<T> startNewChain() {
        transformation.startNewChain();
        return this;
    }

    public SingleOutputStreamOperator<T> slotSharingGroup(String slotSharingGroup) {
        transformation.setSlotSharingGroup(slotSharingGroup);
        return this;
    }

    /** Declares the output type where it cannot be inferred (or to replace the inferred one). */
    public SingleOutputStreamOperator<T> returns(TypeInformation<T> typeInfo) {
        transformation.setOutputType(typeInfo);
        return this;
    }

    public SingleOutputStreamOperator<T> returns(Class<T> typeClass) {
        return returns(TypeInformation.of(typeClass));
    }

    public SingleOutputStreamOperator<T> returns(TypeHint<T> typeHint) {
        return returns(TypeInformation.of(typeHint));
    }

    /** The records this operation emitted to the side output {@code sideOutputTag}. */
    public <X> DataStream<X> getSideOutput(OutputTag<X> sideOutputTag) {
        TypeInformation<?> previous =
                sideOutputTypes.putIfAbsent(sideOutputTag.getId(), sideOutputTag.getTypeInfo());
        if (previous != null && !previous.equals(sideOutputTag.getTypeInfo())) {
            throw new IllegalArgumentException(
                    "The side output '"
                            + sideOutputTag.getId()
                            + "' was already requested with type "
                            + previous
                            + "; it cannot also have type "
                            + sideOutputTag.getTypeInfo());
        }
        return new DataStream<>(
                environment, new SideOutputTransformation<>(transformation, sideOutputTag));
    }
}

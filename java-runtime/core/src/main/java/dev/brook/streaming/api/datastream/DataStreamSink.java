package dev.brook.streaming.api.datastream;

import dev.brook.annotation.Internal;
import dev.brook.runtime.plan.Transformation;

/** A sink at the end of a stream; its settings can still be changed. */
public class DataStreamSink<T> {

    private final Transformation<Void> transformation;

    @Internal
    public DataStreamSink(Transformation<Void> transformation) {
        this.transformation = transformation;
    }

    public DataStreamSink<T> name(String name) {
        transformation.setName(name);
        return this;
    }

    public DataStreamSink<T> uid(String uid) {
        transformation.setUid(uid);
        return this;
    }

    public DataStreamSink<T> setParallelism(int parallelism) {
        transformation.setParallelism(parallelism);
        return this;
    }

    public DataStreamSink<T> setMaxParallelism(int maxParallelism) {
        transformation.setMaxParallelism(maxParallelism);
        return this;
    }

    public DataStreamSink<T> disableChaining() {
        transformation.disableChaining();
        return this;
    }

    public DataStreamSink<T> slotSharingGroup(String slotSharingGroup) {
        transformation.setSlotSharingGroup(slotSharingGroup);
        return this;
    }

    public DataStreamSink<T> setDescription(String description) {
        transformation.setDescription(description);
        return this;
    }

    @Internal
    public Transformation<Void> getTransformation() {
        return transformation;
    }
}

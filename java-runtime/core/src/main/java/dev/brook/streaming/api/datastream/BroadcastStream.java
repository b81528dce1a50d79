package dev.brook.streaming.api.datastream;

import dev.brook.annotation.Internal;
import dev.brook.api.common.state.MapStateDescriptor;
import dev.brook.api.common.typeinfo.TypeInformation;
import dev.brook.runtime.plan.Transformation;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import java.util.List;

/**
 * A stream whose every element goes to every parallel instance of the operation it is connected to,
 * together with the broadcast states that operation keeps. Created by {@link
 * DataStream#broadcast(MapStateDescriptor[])}; connect a stream with {@link
 * DataStream#connect(BroadcastStream)} to use it.
 */
public class BroadcastStream<T> {

    private final StreamExecutionEnvironment environment;
    private final DataStream<T> broadcastStream;
    private final List<MapStateDescriptor<?, ?>> broadcastStateDescriptors;

    BroadcastStream(
            StreamExecutionEnvironment environment,
            DataStream<T> broadcastStream,
            List<MapStateDescriptor<?, ?>> broadcastStateDescriptors) {
        this.environment = environment;
        this.broadcastStream = broadcastStream;
        this.broadcastStateDescriptors = List.copyOf(broadcastStateDescriptors);
    }

    public TypeInformation<T> getType() {
        return broadcastStream.getType();
    }

    @Internal
    public Transformation<T> getTransformation() {
        return broadcastStream.getTransformation();
    }

    /** The broadcast states of the operation this stream will be connected to. */
    public List<MapStateDescriptor<?, ?>> getBroadcastStateDescriptors() {
        return broadcastStateDescriptors;
    }

    public StreamExecutionEnvironment getEnvironment() {
        return environment;
    }
}

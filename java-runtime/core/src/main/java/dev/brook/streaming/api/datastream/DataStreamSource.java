package dev.brook.streaming.api.datastream;

import dev.brook.annotation.Internal;
import dev.brook.runtime.plan.Transformation;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;

/** The stream a source produces. */
public class DataStreamSource<T> extends SingleOutputStreamOperator<T> {

    @Internal
    public DataStreamSource(
            StreamExecutionEnvironment environment, Transformation<T> transformation) {
        super(environment, transformation);
    }

    @Override
    public DataStreamSource<T> setParallelism(int parallelism) {
        super.setParallelism(parallelism);
        return this;
    }
}

package dev.brook.api.java.typeutils;

import java.io.Serializable;

/**
 * Stand-ins for Brook's function interfaces, shaped like them (serializable, one abstract method,
 * output as return value or through a collector), so the extractor can be tested on its own.
 */
public final class TestFunctions {

    private TestFunctions() {}

    public interface Function extends Serializable {}

    public interface Collector<T> {
        void collect(T record);
    }

    @FunctionalInterface
    public interface MapFunction<IN, OUT> extends Function {
        OUT map(IN value) throws Exception;
    }

    @FunctionalInterface
    public interface FlatMapFunction<IN, OUT> extends Function {
        void flatMap(IN value, Collector<OUT> out) throws Exception;
    }

    @FunctionalInterface
    public interface KeySelector<IN, KEY> extends Function {
        KEY getKey(IN value) throws Exception;
    }

    public interface CoMapFunction<IN1, IN2, OUT> extends Function {
        OUT map1(IN1 value) throws Exception;

        OUT map2(IN2 value) throws Exception;
    }

    /** A lambda-able interface whose parameters are in a different order than its base's. */
    @FunctionalInterface
    public interface SourceFunction<OUT> extends Function {
        void run(Collector<OUT> out) throws Exception;
    }

    public abstract static class AbstractRichFunction implements Function {
        private static final long serialVersionUID = 1L;
    }

    public abstract static class RichMapFunction<IN, OUT> extends AbstractRichFunction
            implements MapFunction<IN, OUT> {
        private static final long serialVersionUID = 1L;
    }

    public abstract static class ProcessFunction<I, O> extends AbstractRichFunction {
        private static final long serialVersionUID = 1L;

        public abstract void processElement(I value, Collector<O> out) throws Exception;
    }

    public abstract static class KeyedProcessFunction<K, I, O> extends AbstractRichFunction {
        private static final long serialVersionUID = 1L;

        public abstract void processElement(I value, Collector<O> out) throws Exception;
    }
}

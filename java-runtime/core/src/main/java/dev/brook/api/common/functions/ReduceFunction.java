package dev.brook.api.common.functions;

/** Combines two values of the same type into one; applied per key, incrementally. */
@FunctionalInterface
public interface ReduceFunction<T> extends Function {
    T reduce(T value1, T value2) throws Exception;
}

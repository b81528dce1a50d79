package dev.brook.streaming.runtime.operators;

import java.io.Serializable;

/**
 * Creates an operator instance in a task. The factory travels inside the job graph, so it holds
 * only serializable configuration (user functions, types), never runtime objects.
 */
@FunctionalInterface
public interface OperatorFactory<OUT> extends Serializable {
    StreamOperator<OUT> create(OperatorParameters<OUT> parameters) throws Exception;
}

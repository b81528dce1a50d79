package dev.brook.streaming.runtime.operators;

import dev.brook.api.common.functions.Function;
import dev.brook.streaming.runtime.streamrecord.StreamRecord;

/**
 * Base of the two-input operators that hand their function a context per element: it keeps the
 * element being processed, so the contexts can tell its timestamp, and the collector that emits
 * with that timestamp.
 *
 * <p>Subclasses bracket each call into the function with {@link #startElement} and {@link
 * #endElement}, on the task thread.
 */
public abstract class AbstractCoProcessOperator<IN1, IN2, OUT, F extends Function>
        extends AbstractTwoInputUdfOperator<IN1, IN2, OUT, F> {

    protected final TimestampedCollector<OUT> collector;
    private StreamRecord<?> current;

    protected AbstractCoProcessOperator(OperatorParameters<OUT> parameters, F userFunction) {
        super(parameters, userFunction);
        this.collector = new TimestampedCollector<>(output);
    }

    /** {@code element} is about to be handed to the function. */
    protected final void startElement(StreamRecord<?> element) {
        current = element;
        collector.setTimestamp(element);
    }

    /** The function has returned from the element given to {@link #startElement}. */
    protected final void endElement() {
        current = null;
    }

    /** The timestamp of the element being processed, or null if it has none or there is none. */
    protected final Long elementTimestamp() {
        return current != null && current.hasTimestamp() ? current.getTimestamp() : null;
    }

    /**
     * The task's processing time. Not named {@code currentProcessingTime()}: inside a context class
     * with a method of that name, a call to it would reach the context's own method.
     */
    protected final long getCurrentProcessingTime() {
        return parameters.processingTimeService().getCurrentProcessingTime();
    }
}

package dev.brook.runtime.operators.coordination;

/** An operator instance that receives events from its coordinator (on the task thread). */
public interface OperatorEventHandler {
    void handleOperatorEvent(OperatorEvent event) throws Exception;
}

package dev.brook.streaming.runtime.operators;

import dev.brook.runtime.operators.coordination.OperatorEvent;

/** Sends events from an operator instance to its coordinator in the JobMaster. */
@FunctionalInterface
public interface OperatorEventGateway {
    void sendEventToCoordinator(OperatorEvent event);
}

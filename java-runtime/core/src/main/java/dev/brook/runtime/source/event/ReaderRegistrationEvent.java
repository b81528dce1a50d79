package dev.brook.runtime.source.event;

import dev.brook.runtime.operators.coordination.OperatorEvent;

/** A source reader has started and can receive splits. */
public record ReaderRegistrationEvent(int subtaskId, String location) implements OperatorEvent {}

package dev.brook.runtime.source.event;

import dev.brook.runtime.operators.coordination.OperatorEvent;

/** The enumerator will send this reader no more splits. */
public record NoMoreSplitsEvent() implements OperatorEvent {}

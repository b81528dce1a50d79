package dev.brook.runtime.source.event;

import dev.brook.runtime.operators.coordination.OperatorEvent;

/** A source reader asks for a split. */
public record RequestSplitEvent(String hostName) implements OperatorEvent {}

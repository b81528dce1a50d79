package dev.brook.runtime.source.event;

import dev.brook.api.connector.source.SourceEvent;
import dev.brook.runtime.operators.coordination.OperatorEvent;

/** A connector's own event between enumerator and reader. */
public record SourceEventWrapper(SourceEvent sourceEvent) implements OperatorEvent {}

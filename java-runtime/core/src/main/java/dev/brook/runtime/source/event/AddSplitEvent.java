package dev.brook.runtime.source.event;

import dev.brook.runtime.operators.coordination.OperatorEvent;
import java.util.List;

/** Splits for a reader, serialized with the source's split serializer at {@code version}. */
public record AddSplitEvent(int version, List<byte[]> splits) implements OperatorEvent {}

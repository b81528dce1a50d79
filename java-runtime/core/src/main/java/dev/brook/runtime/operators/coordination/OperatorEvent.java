package dev.brook.runtime.operators.coordination;

import java.io.Serializable;

/**
 * A message between an operator's parallel instances and its coordinator in the JobMaster (e.g. a
 * source reader asking its enumerator for a split). Events may cross process boundaries, so they
 * carry only serializable data; user objects inside them are pre-serialized bytes.
 */
public interface OperatorEvent extends Serializable {}

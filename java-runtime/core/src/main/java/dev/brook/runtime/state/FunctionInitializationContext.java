package dev.brook.runtime.state;

import dev.brook.annotation.PublicEvolving;

/**
 * The context of {@code CheckpointedFunction#initializeState}: lives in a runtime package, as in
 * Flink, so that programs port by rewriting imports.
 */
@PublicEvolving
public interface FunctionInitializationContext extends ManagedInitializationContext {}

package dev.brook.metrics;

import dev.brook.annotation.PublicEvolving;

/** A value a running job exposes for monitoring: a counter, gauge, meter or histogram. */
@PublicEvolving
public interface Metric {}

package dev.brook.api.common.eventtime;

import java.io.Serializable;

/** A {@link TimestampAssigner} that can travel in the job graph; use it for lambdas. */
@FunctionalInterface
public interface SerializableTimestampAssigner<T> extends TimestampAssigner<T>, Serializable {}

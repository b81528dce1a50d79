package dev.brook.api.common.functions;

import java.io.Serializable;

/**
 * Base of all user functions. Functions are serialized into the job graph when the job is built and
 * every parallel subtask deserializes its own copy, so fields of a function are per subtask.
 */
public interface Function extends Serializable {}

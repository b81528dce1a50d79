package dev.brook.streaming.api.environment;

import dev.brook.configuration.Configuration;

/** Creates the environment {@code getExecutionEnvironment()} returns in a given context. */
@FunctionalInterface
public interface StreamExecutionEnvironmentFactory {
    StreamExecutionEnvironment createExecutionEnvironment(Configuration configuration);
}

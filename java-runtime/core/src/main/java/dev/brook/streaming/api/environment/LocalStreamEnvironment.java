package dev.brook.streaming.api.environment;

import dev.brook.configuration.Configuration;

/** An environment that runs jobs on an embedded MiniCluster in this JVM. */
public class LocalStreamEnvironment extends StreamExecutionEnvironment {

    public LocalStreamEnvironment() {
        this(new Configuration());
    }

    public LocalStreamEnvironment(Configuration configuration) {
        super(configuration);
    }
}

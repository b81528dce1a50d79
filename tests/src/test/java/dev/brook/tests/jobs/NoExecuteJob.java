package dev.brook.tests.jobs;

import dev.brook.streaming.api.environment.StreamExecutionEnvironment;

/** Defines a pipeline but forgets to call execute(). */
public class NoExecuteJob {
    public static void main(String[] args) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromElements(1, 2, 3).print();
    }
}

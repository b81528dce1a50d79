package dev.brook.tests.jobs;

import dev.brook.streaming.api.environment.StreamExecutionEnvironment;

/** Prints three numbers. */
public class TrivialJob {
    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromElements(1, 2, 3).print();
        env.execute("trivial");
    }
}

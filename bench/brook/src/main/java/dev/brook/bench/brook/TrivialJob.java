package dev.brook.bench.brook;

import dev.brook.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The smallest useful job: prints three numbers. {@code bench/run.sh} times the whole process, from
 * JVM start to exit, so this measures class loading and local cluster start and stop.
 */
public final class TrivialJob {

    private TrivialJob() {}

    // fromElements is the call the target names; Flink 2.x deprecates it in favour of fromData.
    @SuppressWarnings("deprecation")
    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromElements(1, 2, 3).print();
        env.execute("Trivial job");
    }
}

package dev.brook.tests.jobs;

import dev.brook.api.common.functions.MapFunction;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;

/** A job whose map function throws on the fifth record. */
public class ThrowingJob {
    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromSequence(1, 100).map(new Exploding()).print();
        env.execute("throwing job");
    }

    static final class Exploding implements MapFunction<Long, Long> {
        @Override
        public Long map(Long value) {
            if (value == 5) {
                throw new IllegalStateException("record 5 is cursed");
            }
            return value;
        }
    }
}

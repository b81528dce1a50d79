package dev.brook.tests.jobs;

import dev.brook.api.common.functions.MapFunction;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;

/** A job whose function holds a field that cannot be serialized. */
public class NotSerializableJob {

    /** Not serializable on purpose. */
    static final class Connection {
        String send(String s) {
            return s;
        }
    }

    static final class UsesConnection implements MapFunction<String, String> {
        private final Connection connection = new Connection();

        @Override
        public String map(String value) {
            return connection.send(value);
        }
    }

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromElements("a", "b").map(new UsesConnection()).print();
        env.execute("not serializable");
    }
}

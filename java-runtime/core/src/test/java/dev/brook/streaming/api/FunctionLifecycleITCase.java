package dev.brook.streaming.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brook.api.common.functions.OpenContext;
import dev.brook.api.common.functions.RichMapFunction;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import dev.brook.test.util.CollectingSink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rich function lifecycle: in every subtask {@code open} once before the first record, then the
 * records, then {@code close} once, also when the job fails; and the runtime context describes the
 * subtask.
 */
class FunctionLifecycleITCase {

    /** Events per function instance, shared through a static registry. */
    private static final Map<String, ConcurrentLinkedQueue<String>> EVENTS =
            new ConcurrentHashMap<>();

    static final class Recording extends RichMapFunction<Long, Long> {
        private final String id;
        private final long failOn;

        Recording(String id, long failOn) {
            this.id = id;
            this.failOn = failOn;
            EVENTS.put(id, new ConcurrentLinkedQueue<>());
        }

        private void record(String event) {
            EVENTS.get(id).add(getRuntimeContext().getIndexOfThisSubtask() + ":" + event);
        }

        @Override
        public void open(OpenContext openContext) {
            record(
                    "open "
                            + getRuntimeContext().getNumberOfParallelSubtasks()
                            + " "
                            + getRuntimeContext().getTaskInfo().getTaskName());
        }

        @Override
        public Long map(Long value) {
            if (value == failOn) {
                throw new IllegalStateException("fail on " + value);
            }
            record("map");
            return value;
        }

        @Override
        public void close() {
            record("close");
        }
    }

    /** Events per subtask, in order. */
    private static Map<Integer, List<String>> bySubtask(String id) {
        Map<Integer, List<String>> out = new HashMap<>();
        for (String e : EVENTS.get(id)) {
            int colon = e.indexOf(':');
            out.computeIfAbsent(Integer.parseInt(e.substring(0, colon)), k -> new ArrayList<>())
                    .add(e.substring(colon + 1));
        }
        return out;
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2, 4})
    void openOnceThenRecordsThenCloseOnceInEverySubtask(int parallelism) throws Exception {
        String id = UUID.randomUUID().toString();
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        env.fromSequence(0, 999)
                .rebalance()
                .map(new Recording(id, -1))
                .name("recorder")
                .addSink(new CollectingSink<>());
        env.execute("lifecycle");

        Map<Integer, List<String>> events = bySubtask(id);
        assertThat(events).hasSize(parallelism);
        int maps = 0;
        for (List<String> e : events.values()) {
            assertThat(e.get(0)).isEqualTo("open " + parallelism + " recorder");
            assertThat(e.get(e.size() - 1)).isEqualTo("close");
            assertThat(e.subList(1, e.size() - 1)).containsOnly("map");
            maps += e.size() - 2;
        }
        assertThat(maps).isEqualTo(1_000);
    }

    @Test
    void closeIsCalledInEverySubtaskWhenTheJobFails() {
        String id = UUID.randomUUID().toString();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.fromSequence(0, 999)
                .rebalance()
                .map(new Recording(id, 500))
                .addSink(new CollectingSink<>());

        assertThatThrownBy(env::execute).hasStackTraceContaining("fail on 500");

        Map<Integer, List<String>> events = bySubtask(id);
        assertThat(events).hasSize(2);
        for (List<String> e : events.values()) {
            assertThat(e.get(0)).startsWith("open ");
            assertThat(e.get(e.size() - 1)).isEqualTo("close");
            assertThat(e.stream().filter(x -> x.equals("close"))).hasSize(1);
        }
    }
}

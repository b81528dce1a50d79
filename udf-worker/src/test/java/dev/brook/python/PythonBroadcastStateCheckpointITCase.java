package dev.brook.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brook.api.common.typeinfo.BasicTypeInfo;
import dev.brook.python.PythonTestSupport.FailOnceAfterCheckpoint;
import dev.brook.streaming.api.datastream.DataStream;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import dev.brook.test.util.CollectingSink;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The broadcast state of a Python BroadcastProcessFunction is operator state in Java, so
 * checkpoints cover it: the three rules are broadcast at the start of the stream, the job fails
 * once after a checkpoint taken well after them, restarts from it (the rules are not sent again),
 * and every record after the restart still sees all three rules. Had the state been kept only in
 * the worker, the records after the restart would see none.
 */
class PythonBroadcastStateCheckpointITCase {

    private static final long COUNT = 1500;
    private static final long RULES = 3;

    /** Records after this one all come after the rules reached every subtask. */
    private static final long SETTLED = 200;

    @Test
    void broadcastStateSurvivesARestartFromACheckpoint() throws Exception {
        FailOnceAfterCheckpoint.reset();
        StreamExecutionEnvironment env = PythonTestSupport.restartingEnvironment(16);
        // Each record becomes record * 10 + the number of rules its subtask knows.
        PythonFunctionSpec rules =
                PythonTestSupport.spec(
                        "broadcast_process",
                        "type('Rules', (), {"
                                + "'process_broadcast_element': lambda self, rule, ctx:"
                                + " ctx.get_broadcast_state('rules').put(rule, True),"
                                + "'process_element': lambda self, x, ctx:"
                                + " [x * 10 + len(list(ctx.get_broadcast_state('rules').keys()))]"
                                + "})()");
        DataStream<Long> input =
                env.fromSequence(1, COUNT)
                        .setParallelism(1)
                        .map(new FailOnceAfterCheckpoint(COUNT / 3))
                        .setParallelism(1);
        DataStream<Long> ruleStream = input.filter(x -> x <= RULES).setParallelism(1);
        DataStream<Long> results =
                input.rebalance()
                        .connect(
                                ruleStream.broadcast(
                                        PythonBroadcastOperator.stateDescriptor("rules")))
                        .transform(
                                "Python rules",
                                BasicTypeInfo.LONG_TYPE_INFO,
                                PythonBroadcastOperator.factory(
                                        List.of(rules),
                                        BasicTypeInfo.LONG_TYPE_INFO,
                                        BasicTypeInfo.LONG_TYPE_INFO,
                                        List.of("rules"),
                                        BasicTypeInfo.LONG_TYPE_INFO,
                                        List.of()));
        CollectingSink<Long> sink = new CollectingSink<>();
        results.addSink(sink);
        env.execute("python broadcast state with a restart");

        assertThat(FailOnceAfterCheckpoint.failed()).as("the injected failure happened").isTrue();
        Set<Long> settled = new HashSet<>();
        for (long result : sink.getResults()) {
            long record = result / 10;
            if (record > SETTLED) {
                assertThat(result % 10).as("rules seen by record %d", record).isEqualTo(RULES);
                settled.add(record);
            }
        }
        assertThat(settled).hasSize((int) (COUNT - SETTLED));
    }
}

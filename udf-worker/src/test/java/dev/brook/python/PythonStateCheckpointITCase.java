package dev.brook.python;

import static dev.brook.python.PythonTestSupport.pickle;
import static org.assertj.core.api.Assertions.assertThat;

import dev.brook.api.common.typeinfo.BasicTypeInfo;
import dev.brook.python.PythonTestSupport.FailOnceAfterCheckpoint;
import dev.brook.streaming.api.datastream.DataStream;
import dev.brook.streaming.api.environment.StreamExecutionEnvironment;
import dev.brook.test.util.CollectingSink;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The state of a Python reduce is Java keyed state, so checkpoints cover it: the job fails once
 * after a checkpoint taken mid-stream, restarts from it, and every key's final sum is still the sum
 * of all its records. Had the state been lost (say, kept only in the worker), the records replayed
 * after the restart would be summed from zero and the final sums would fall short.
 */
class PythonStateCheckpointITCase {

    private static final long COUNT = 1500;

    @Test
    void reduceStateSurvivesARestartFromACheckpoint() throws Exception {
        FailOnceAfterCheckpoint.reset();
        StreamExecutionEnvironment env = PythonTestSupport.restartingEnvironment(16);
        List<byte[]> f = pickle("lambda x: 'k%d' % (x % 5)", "lambda a, b: a + b");
        DataStream<Long> input =
                env.fromSequence(1, COUNT)
                        .setParallelism(1)
                        .map(new FailOnceAfterCheckpoint(COUNT / 3))
                        .setParallelism(1);
        DataStream<Long> sums =
                PythonTestSupport.keyedPython(
                        input,
                        BasicTypeInfo.STRING_TYPE_INFO,
                        f.get(0),
                        List.of(new PythonFunctionSpec("reduce", f.get(1))),
                        BasicTypeInfo.LONG_TYPE_INFO);
        CollectingSink<Long> sink = new CollectingSink<>();
        sums.addSink(sink);
        env.execute("python reduce with a restart");

        assertThat(FailOnceAfterCheckpoint.failed()).as("the injected failure happened").isTrue();
        Map<Long, Long> expectedTotals = new HashMap<>();
        for (long x = 1; x <= COUNT; x++) {
            expectedTotals.merge(x % 5, x, Long::sum);
        }
        // Each key's last output is the sum of all its records.
        assertThat(sink.getResults()).containsAll(expectedTotals.values());
    }
}

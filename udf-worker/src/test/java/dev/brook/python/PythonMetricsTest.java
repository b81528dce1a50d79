package dev.brook.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brook.runtime.metrics.groups.TaskMetricGroup;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Metrics frames from a worker become metrics of the operator's group. */
class PythonMetricsTest {

    private final TaskMetricGroup task = TaskMetricGroup.unregistered("task");
    private final PythonMetrics metrics = new PythonMetrics(task.addOperator("op", "Map"));

    private void apply(String json) throws Exception {
        metrics.apply(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void countersAndMetersAddTheDeltasOfEachBundle() throws Exception {
        apply(
                "{\"metrics\": [{\"group\": [\"words\"], \"name\": \"seen\", \"type\": \"counter\","
                        + " \"delta\": 0},"
                        + " {\"group\": [], \"name\": \"events\", \"type\": \"meter\", \"delta\": 4,"
                        + " \"time_span\": 10}]}");
        assertThat(task.snapshot()).containsEntry("Map.words.seen", "0").containsKey("Map.events");
        apply(
                "{\"metrics\": [{\"group\": [\"words\"], \"name\": \"seen\", \"type\": \"counter\","
                        + " \"delta\": 5}]}");
        apply(
                "{\"metrics\": [{\"group\": [\"words\"], \"name\": \"seen\", \"type\": \"counter\","
                        + " \"delta\": -2}]}");
        assertThat(task.snapshot()).containsEntry("Map.words.seen", "3");
    }

    @Test
    void gaugesKeepTheLastValueInKeyValueGroups() throws Exception {
        apply(
                "{\"metrics\": [{\"group\": [[\"lang\", \"en\"]], \"name\": \"longest\","
                        + " \"type\": \"gauge\", \"value\": 3}]}");
        apply(
                "{\"metrics\": [{\"group\": [[\"lang\", \"en\"]], \"name\": \"longest\","
                        + " \"type\": \"gauge\", \"value\": 2.5}]}");
        assertThat(task.snapshot()).containsEntry("Map.lang.en.longest", "2.5");
    }

    @Test
    void distributionsAccumulateCountSumMinAndMax() throws Exception {
        String first =
                "{\"metrics\": [{\"group\": [], \"name\": \"len\", \"type\": \"distribution\","
                        + " \"count\": 0, \"sum\": 0, \"min\": 0, \"max\": 0}]}";
        apply(first);
        assertThat(task.snapshot())
                .containsEntry("Map.len", "DistributionResult{sum=0, count=0, min=0, max=0}");
        apply(
                "{\"metrics\": [{\"group\": [], \"name\": \"len\", \"type\": \"distribution\","
                        + " \"count\": 2, \"sum\": 5, \"min\": 2, \"max\": 3}]}");
        apply(
                "{\"metrics\": [{\"group\": [], \"name\": \"len\", \"type\": \"distribution\","
                        + " \"count\": 1, \"sum\": 1.5, \"min\": 1.5, \"max\": 1.5}]}");
        assertThat(task.snapshot())
                .containsEntry("Map.len", "DistributionResult{sum=6.5, count=3, min=1.5, max=3}");
    }

    @Test
    void anUnknownTypeIsAProtocolError() {
        assertThatThrownBy(
                        () ->
                                apply(
                                        "{\"metrics\": [{\"group\": [], \"name\": \"x\","
                                                + " \"type\": \"timer\"}]}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("metric 'x' of an unknown type 'timer'");
    }
}

package dev.brook.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brook.metrics.Counter;
import dev.brook.metrics.Gauge;
import dev.brook.metrics.MeterView;
import dev.brook.metrics.MetricGroup;
import dev.brook.metrics.SimpleCounter;
import dev.brook.runtime.metrics.groups.InternalOperatorMetricGroup;
import dev.brook.runtime.metrics.groups.TaskMetricGroup;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricGroupTest {

    private static TaskMetricGroup task() {
        return TaskMetricGroup.create(
                null, "host1", "tm-1", "jid", "My Job", "vid", "Map -> Sink", 3, 0);
    }

    @Test
    void idsAreTheQueryScopeInsideTheTask() {
        TaskMetricGroup task = task();
        InternalOperatorMetricGroup op = task.addOperator("op1", "Source: My Source");
        op.addGroup("user").counter("seen").inc(7);
        op.addGroup("shard", "a.b").gauge("size", (Gauge<Integer>) () -> 42);
        op.getIOMetricGroup().getNumRecordsOutCounter().inc(5);

        Map<String, String> ids = task.snapshot();
        assertThat(ids)
                .containsEntry("Source__My_Source.user.seen", "7")
                .containsEntry("Source__My_Source.shard.a_b.size", "42")
                .containsEntry("Source__My_Source.numRecordsOut", "5")
                .containsEntry("numRecordsIn", "0")
                .containsKey("numRecordsOutPerSecond");
    }

    @Test
    void scopeAndVariablesNameTheOperatorAndSubtask() {
        InternalOperatorMetricGroup op = task().addOperator("op1", "Filter");
        MetricGroup shard = op.addGroup("shard", "7");
        assertThat(shard.getMetricIdentifier("size"))
                .isEqualTo("host1.taskmanager.tm-1.My Job.Filter.3.shard.7.size");
        assertThat(shard.getAllVariables())
                .containsEntry("<shard>", "7")
                .containsEntry("<operator_name>", "Filter")
                .containsEntry("<subtask_index>", "3")
                .containsEntry("<job_name>", "My Job");
    }

    @Test
    void aTakenNameKeepsTheFirstMetric() {
        TaskMetricGroup task = task();
        InternalOperatorMetricGroup op = task.addOperator("op1", "Map");
        Counter first = op.counter("c");
        Counter second = op.counter("c", new SimpleCounter());
        first.inc(1);
        second.inc(100);
        assertThat(task.snapshot()).containsEntry("Map.c", "1");
        assertThat(op.addGroup("g")).isSameAs(op.addGroup("g"));
    }

    @Test
    void operatorsWithTheSameNameGetDistinctIds() {
        TaskMetricGroup task = task();
        task.addOperator("a", "Map").counter("c").inc();
        task.addOperator("b", "Map").counter("c").inc(2);
        assertThat(task.snapshot()).containsEntry("Map.c", "1").containsEntry("Map_2.c", "2");
    }

    @Test
    void histogramsAreReportedAsTheirStatistics() {
        TaskMetricGroup task = task();
        DescriptiveStatisticsHistogram h =
                task.addOperator("a", "Map")
                        .histogram("latency", new DescriptiveStatisticsHistogram(100));
        for (int i = 1; i <= 100; i++) {
            h.update(i);
        }
        assertThat(task.snapshot())
                .containsEntry("Map.latency_min", "1")
                .containsEntry("Map.latency_max", "100")
                .containsEntry("Map.latency_mean", "50.5")
                .containsEntry("Map.latency_median", "50.5")
                .containsKeys("Map.latency_p99", "Map.latency_p999", "Map.latency_stddev");
    }

    @Test
    void aClosedGroupRegistersNothingAndStopsUpdatingMeters() {
        MetricRegistry registry =
                new MetricRegistry(
                        java.util.concurrent.Executors.newSingleThreadScheduledExecutor());
        try {
            TaskMetricGroup task =
                    TaskMetricGroup.create(registry, "h", "tm", "j", "job", "v", "t", 0, 0);
            InternalOperatorMetricGroup op = task.addOperator("a", "Map");
            task.close();
            op.counter("late").inc();
            assertThat(task.snapshot()).doesNotContainKey("Map.late");
        } finally {
            registry.close();
        }
    }

    @Test
    void emptyNamesAreRefused() {
        InternalOperatorMetricGroup op = task().addOperator("a", "Map");
        assertThatThrownBy(() -> op.counter(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("non-empty name");
        assertThatThrownBy(() -> op.addGroup(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("non-empty name");
    }

    @Test
    void meterViewRateIsTheGrowthOverItsTimeSpan() {
        SimpleCounter counter = new SimpleCounter();
        MeterView meter = new MeterView(counter, 10);
        assertThat(meter.getRate()).isZero();
        counter.inc(100);
        meter.update();
        assertThat(meter.getRate()).isEqualTo(10.0);
        counter.inc(100);
        meter.update();
        assertThat(meter.getRate()).isEqualTo(20.0);
        counter.inc(50);
        meter.update();
        // Only the last 10 seconds (two updates) count: 250 - 100.
        assertThat(meter.getRate()).isEqualTo(15.0);
        meter.update();
        assertThat(meter.getRate()).isEqualTo(5.0);
        meter.update();
        assertThat(meter.getRate()).isZero();
        assertThat(meter.getCount()).isEqualTo(250);
    }

    @Test
    void histogramKeepsTheLastWindowOfValues() {
        DescriptiveStatisticsHistogram h = new DescriptiveStatisticsHistogram(3);
        for (long v : new long[] {100, 1, 2, 3}) {
            h.update(v);
        }
        assertThat(h.getCount()).isEqualTo(4);
        assertThat(h.getStatistics().getValues()).containsExactly(1, 2, 3);
        assertThat(h.getStatistics().getQuantile(0.5)).isEqualTo(2.0);
        assertThat(h.getStatistics().getMax()).isEqualTo(3);
        assertThat(h.getStatistics().getStdDev()).isEqualTo(1.0);
        assertThatThrownBy(() -> h.getStatistics().getQuantile(1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

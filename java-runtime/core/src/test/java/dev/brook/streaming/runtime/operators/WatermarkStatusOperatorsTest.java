package dev.brook.streaming.runtime.operators;

import static dev.brook.streaming.runtime.streamrecord.WatermarkStatus.ACTIVE;
import static dev.brook.streaming.runtime.streamrecord.WatermarkStatus.IDLE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.brook.api.common.eventtime.WatermarkStrategy;
import dev.brook.streaming.api.functions.co.CoMapFunction;
import dev.brook.streaming.runtime.streamrecord.StreamElement;
import dev.brook.streaming.runtime.streamrecord.StreamRecord;
import dev.brook.streaming.runtime.streamrecord.Watermark;
import dev.brook.streaming.util.OneInputStreamOperatorTestHarness;
import dev.brook.streaming.util.TwoInputStreamOperatorTestHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Idleness in operators, on the harness's manual clock: {@code assignTimestampsAndWatermarks} with
 * {@code withIdleness}, and how one- and two-input operators pass watermark status on.
 */
class WatermarkStatusOperatorsTest {

    static final long INTERVAL = 100;

    static OneInputStreamOperatorTestHarness<Long, Long> assigner(
            WatermarkStrategy<Long> strategy, long interval) throws Exception {
        OneInputStreamOperatorTestHarness<Long, Long> harness =
                new OneInputStreamOperatorTestHarness<>(
                        p -> new TimestampsAndWatermarksOperator<>(p, strategy, interval));
        harness.open();
        return harness;
    }

    static WatermarkStrategy<Long> boundedByTen() {
        return WatermarkStrategy.<Long>forBoundedOutOfOrderness(Duration.ofMillis(10))
                .withTimestampAssigner((value, ts) -> value);
    }

    /** The output as readable tokens: "r<timestamp>", "W<timestamp>", "IDLE", "ACTIVE". */
    static List<String> tokens(List<StreamElement> output) {
        List<String> tokens = new ArrayList<>();
        for (StreamElement e : output) {
            if (e instanceof StreamRecord<?> r) {
                tokens.add("r" + r.getTimestamp());
            } else if (e instanceof Watermark w) {
                tokens.add(w.timestamp() == Long.MAX_VALUE ? "W_MAX" : "W" + w.timestamp());
            } else {
                tokens.add(e.toString());
            }
        }
        return tokens;
    }

    @Test
    void anAssignerWithoutRecordsForTheTimeoutMarksItsOutputIdleAndARecordActiveAgain()
            throws Exception {
        try (var harness = assigner(boundedByTen().withIdleness(Duration.ofMillis(500)), 100)) {
            harness.processElement(100L);
            harness.setProcessingTime(100); // saw the record: activity at 100
            harness.setProcessingTime(599);
            assertThat(tokens(harness.getOutput())).containsExactly("r100", "W89");

            harness.setProcessingTime(600);
            harness.setProcessingTime(2000);
            assertThat(tokens(harness.getOutput())).containsExactly("r100", "W89", "IDLE");

            harness.processElement(200L);
            harness.setProcessingTime(2100);
            assertThat(tokens(harness.getOutput()))
                    .containsExactly("r100", "W89", "IDLE", "r200", "ACTIVE", "W189");
            assertThat(harness.extractOutputWatermarkStatuses()).containsExactly(IDLE, ACTIVE);
        }
    }

    @Test
    void anAssignerDefinesEventTimeSoUpstreamWatermarksAndStatusesStopThere() throws Exception {
        try (var harness = assigner(boundedByTen(), INTERVAL)) {
            harness.processWatermark(1_000);
            harness.processWatermarkStatus(IDLE);
            harness.processWatermarkStatus(ACTIVE);
            assertThat(harness.getOutput()).isEmpty();
        }
    }

    @Test
    void theEndOfInputReachesDownstreamEvenFromAnIdleAssigner() throws Exception {
        try (var harness = assigner(boundedByTen().withIdleness(Duration.ofMillis(50)), 100)) {
            harness.setProcessingTime(100);
            harness.processWatermark(Long.MAX_VALUE);
            assertThat(tokens(harness.getOutput())).containsExactly("IDLE", "ACTIVE", "W_MAX");
        }
    }

    @Test
    void aZeroIntervalTurnsPeriodicEmissionAndWithItIdlenessOff() throws Exception {
        try (var harness = assigner(boundedByTen().withIdleness(Duration.ofMillis(50)), 0)) {
            harness.processElement(100L);
            harness.setProcessingTime(10_000);
            assertThat(tokens(harness.getOutput())).containsExactly("r100");
        }
        try (var harness = assigner(boundedByTen(), 250)) {
            harness.processElement(100L);
            harness.setProcessingTime(249);
            assertThat(tokens(harness.getOutput())).containsExactly("r100");
            harness.setProcessingTime(250);
            assertThat(tokens(harness.getOutput())).containsExactly("r100", "W89");
        }
    }

    @Test
    void aOneInputOperatorForwardsItsInputsStatus() throws Exception {
        try (var harness =
                new OneInputStreamOperatorTestHarness<Long, Long>(
                        p -> new StreamMap<>(p, (Long v) -> v + 1))) {
            harness.open();
            harness.processWatermarkStatus(IDLE);
            harness.processWatermarkStatus(ACTIVE);
            harness.processWatermark(5);
            assertThat(tokens(harness.getOutput())).containsExactly("IDLE", "ACTIVE", "W5");
        }
    }

    static TwoInputStreamOperatorTestHarness<Long, Long, Long> coMap() throws Exception {
        TwoInputStreamOperatorTestHarness<Long, Long, Long> harness =
                new TwoInputStreamOperatorTestHarness<>(
                        p ->
                                new CoStreamMap<>(
                                        p,
                                        new CoMapFunction<Long, Long, Long>() {
                                            @Override
                                            public Long map1(Long value) {
                                                return value;
                                            }

                                            @Override
                                            public Long map2(Long value) {
                                                return value;
                                            }
                                        }));
        harness.open();
        return harness;
    }

    @Test
    void aTwoInputOperatorFollowsTheActiveInputWhileTheOtherIsIdle() throws Exception {
        try (var harness = coMap()) {
            harness.processWatermark1(10);
            harness.processWatermark2(20);
            harness.processWatermarkStatus1(IDLE);
            harness.processWatermark2(30);
            assertThat(tokens(harness.getOutput()))
                    .as(
                            "input 1 idle: event time follows input 2 alone, and the output stays active")
                    .containsExactly("W10", "W20", "W30");
        }
    }

    @Test
    void aTwoInputOperatorIsIdleOnlyWhileBothInputsAre() throws Exception {
        try (var harness = coMap()) {
            harness.processWatermark1(10);
            harness.processWatermark2(5);
            harness.processWatermarkStatus2(IDLE);
            harness.processWatermarkStatus1(IDLE);
            harness.processWatermarkStatus1(IDLE);
            assertThat(tokens(harness.getOutput())).containsExactly("W5", "W10", "IDLE");

            harness.processWatermark2(40);
            harness.processWatermarkStatus2(ACTIVE);
            assertThat(tokens(harness.getOutput()))
                    .as("ACTIVE goes out before the watermark the active input releases")
                    .containsExactly("W5", "W10", "IDLE", "ACTIVE", "W40");
            harness.processWatermarkStatus1(ACTIVE);
            assertThat(harness.extractOutputWatermarkStatuses()).containsExactly(IDLE, ACTIVE);
        }
    }
}

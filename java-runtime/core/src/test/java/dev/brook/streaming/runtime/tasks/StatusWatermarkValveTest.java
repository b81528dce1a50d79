package dev.brook.streaming.runtime.tasks;

import static dev.brook.streaming.runtime.streamrecord.WatermarkStatus.ACTIVE;
import static dev.brook.streaming.runtime.streamrecord.WatermarkStatus.IDLE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.brook.streaming.runtime.operators.Input;
import dev.brook.streaming.runtime.streamrecord.StreamRecord;
import dev.brook.streaming.runtime.streamrecord.Watermark;
import dev.brook.streaming.runtime.streamrecord.WatermarkStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The valve's rules for combining channels, one rule per test. */
class StatusWatermarkValveTest {

    /** Records what the valve hands on: watermark timestamps and statuses, in order. */
    static final class RecordingInput implements Input<Object> {
        final List<Object> received = new ArrayList<>();

        @Override
        public void processElement(StreamRecord<Object> element) {
            throw new AssertionError("the valve never emits records");
        }

        @Override
        public void processWatermark(Watermark mark) {
            received.add(mark.timestamp());
        }

        @Override
        public void processWatermarkStatus(WatermarkStatus status) {
            received.add(status);
        }

        @Override
        public void setKeyContextElement(StreamRecord<Object> record) {}

        @Override
        public boolean isKeyed() {
            return false;
        }

        List<Object> drain() {
            List<Object> copy = new ArrayList<>(received);
            received.clear();
            return copy;
        }
    }

    final RecordingInput out = new RecordingInput();
    final StatusWatermarkValve valve = new StatusWatermarkValve(3);

    void watermark(int channel, long timestamp) throws Exception {
        valve.inputWatermark(timestamp, channel, out);
    }

    void status(int channel, WatermarkStatus status) throws Exception {
        valve.inputWatermarkStatus(status, channel, out);
    }

    @Test
    void theWatermarkIsTheMinimumOverChannelsAndNeverGoesBack() throws Exception {
        watermark(0, 10);
        watermark(1, 20);
        assertThat(out.drain()).as("channel 2 has no watermark yet").isEmpty();
        watermark(2, 5);
        watermark(2, 15);
        watermark(0, 30);
        watermark(2, 3);
        assertThat(out.drain()).containsExactly(5L, 10L, 15L);
    }

    @Test
    void anIdleChannelDoesNotHoldBackAndItsWatermarksAreIgnored() throws Exception {
        watermark(0, 10);
        watermark(1, 20);
        status(2, IDLE);
        assertThat(out.drain()).as("the idle channel no longer holds back").containsExactly(10L);
        watermark(2, 100);
        watermark(0, 50);
        assertThat(out.drain())
                .as("channel 2's watermark was ignored while idle")
                .containsExactly(20L);
    }

    @Test
    void anInputTurnsIdleOnlyWhenAllChannelsAreAndActiveWhenOneIs() throws Exception {
        status(0, IDLE);
        status(1, IDLE);
        status(1, IDLE);
        assertThat(out.drain()).isEmpty();
        status(2, IDLE);
        status(2, IDLE);
        assertThat(out.drain()).containsExactly(IDLE);
        status(1, ACTIVE);
        status(0, ACTIVE);
        assertThat(out.drain()).containsExactly(ACTIVE);
    }

    @Test
    void whenTheLastActiveChannelGoesIdleTheLargestWatermarkIsFlushedFirst() throws Exception {
        watermark(0, 40);
        watermark(1, 30);
        watermark(2, 10);
        status(0, IDLE);
        status(1, IDLE);
        assertThat(out.drain()).containsExactly(10L);
        status(2, IDLE);
        assertThat(out.drain()).containsExactly(40L, IDLE);
    }

    @Test
    void aChannelBackFromIdlenessBehindTheWatermarkDoesNotHoldBackUntilItCatchesUp()
            throws Exception {
        watermark(0, 10);
        watermark(1, 10);
        watermark(2, 10);
        status(2, IDLE);
        watermark(0, 50);
        watermark(1, 60);
        assertThat(out.drain()).containsExactly(10L, 50L);

        status(2, ACTIVE);
        watermark(2, 20);
        watermark(0, 70);
        assertThat(out.drain())
                .as("channel 2 (at 20) is behind 50, so it is not waited for")
                .containsExactly(60L);
        watermark(2, 65);
        watermark(1, 90);
        assertThat(out.drain()).as("caught up at 65, it holds back again").containsExactly(65L);
    }

    @Test
    void aFinishedChannelNoLongerTakesPart() throws Exception {
        watermark(0, 10);
        watermark(1, 20);
        watermark(2, 30);
        valve.inputEndOfPartition(0, out);
        assertThat(out.drain()).containsExactly(10L, 20L);
        status(1, IDLE);
        assertThat(out.drain()).containsExactly(30L);
        valve.inputEndOfPartition(2, out);
        assertThat(out.drain())
                .as("only an idle channel is left, so the input is idle")
                .containsExactly(IDLE);
    }

    @Test
    void theEndOfEveryChannelIsNotAnnouncedAsIdleness() throws Exception {
        StatusWatermarkValve single = new StatusWatermarkValve(1);
        single.inputWatermark(Long.MAX_VALUE, 0, out);
        single.inputEndOfPartition(0, out);
        assertThat(out.drain()).containsExactly(Long.MAX_VALUE);
    }
}

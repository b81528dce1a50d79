package dev.brook.streaming.runtime.operators;

import dev.brook.streaming.api.TimerService;
import dev.brook.streaming.runtime.tasks.ProcessingTimeService;

/** The timer service of a non-keyed function: it tells time but cannot hold timers. */
final class NonKeyedTimerService implements TimerService {

    private final ProcessingTimeService clock;
    private final AbstractStreamOperator<?> operator;

    NonKeyedTimerService(ProcessingTimeService clock, AbstractStreamOperator<?> operator) {
        this.clock = clock;
        this.operator = operator;
    }

    @Override
    public long currentProcessingTime() {
        return clock.getCurrentProcessingTime();
    }

    @Override
    public long currentWatermark() {
        return operator.getCurrentWatermark();
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
        throw new UnsupportedOperationException(UNSUPPORTED_REGISTER_TIMER_MSG);
    }

    @Override
    public void registerEventTimeTimer(long time) {
        throw new UnsupportedOperationException(UNSUPPORTED_REGISTER_TIMER_MSG);
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
        throw new UnsupportedOperationException(UNSUPPORTED_DELETE_TIMER_MSG);
    }

    @Override
    public void deleteEventTimeTimer(long time) {
        throw new UnsupportedOperationException(UNSUPPORTED_DELETE_TIMER_MSG);
    }
}

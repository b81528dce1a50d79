package dev.brook.streaming.runtime.operators.timers;

import dev.brook.runtime.state.VoidNamespace;
import dev.brook.streaming.api.TimerService;

/** The {@link TimerService} of a keyed function: timers for the current key. */
public final class KeyedTimerService implements TimerService {

    private final InternalTimerService<?, VoidNamespace> timers;

    public KeyedTimerService(InternalTimerService<?, VoidNamespace> timers) {
        this.timers = timers;
    }

    @Override
    public long currentProcessingTime() {
        return timers.currentProcessingTime();
    }

    @Override
    public long currentWatermark() {
        return timers.currentWatermark();
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
        timers.registerProcessingTimeTimer(VoidNamespace.INSTANCE, time);
    }

    @Override
    public void registerEventTimeTimer(long time) {
        timers.registerEventTimeTimer(VoidNamespace.INSTANCE, time);
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
        timers.deleteProcessingTimeTimer(VoidNamespace.INSTANCE, time);
    }

    @Override
    public void deleteEventTimeTimer(long time) {
        timers.deleteEventTimeTimer(VoidNamespace.INSTANCE, time);
    }
}

package dev.brook.api.common.eventtime;

import java.time.Duration;

/** For timestamps that never decrease: bounded out-of-orderness with a bound of zero. */
public class AscendingTimestampsWatermarks<T> extends BoundedOutOfOrdernessWatermarks<T> {
    public AscendingTimestampsWatermarks() {
        super(Duration.ZERO);
    }
}

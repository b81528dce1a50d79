package dev.brook.runtime.minicluster;

import dev.brook.configuration.Configuration;
import java.time.Duration;

/**
 * How to build a {@link MiniCluster}.
 *
 * @param configuration cluster configuration (network memory, ...)
 * @param numTaskManagers TaskManagers to start
 * @param slotsPerTaskManager slots each TaskManager offers
 * @param slotRequestTimeout how long a job waits for slots
 */
public record MiniClusterConfiguration(
        Configuration configuration,
        int numTaskManagers,
        int slotsPerTaskManager,
        Duration slotRequestTimeout) {

    public static MiniClusterConfiguration withSlots(Configuration configuration, int slots) {
        return new MiniClusterConfiguration(configuration, 1, slots, Duration.ofSeconds(300));
    }
}

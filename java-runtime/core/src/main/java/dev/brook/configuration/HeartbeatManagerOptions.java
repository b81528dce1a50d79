package dev.brook.configuration;

import java.time.Duration;

/**
 * How the JobManager and TaskManagers watch each other: each side sends heartbeats at an interval
 * and declares the other lost when none arrived within the timeout. Keys follow Flink's.
 */
public final class HeartbeatManagerOptions {
    private HeartbeatManagerOptions() {}

    public static final ConfigOption<Duration> HEARTBEAT_INTERVAL =
            ConfigOptions.key("heartbeat.interval")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(10))
                    .withDescription("Time interval between heartbeat RPC requests.");

    /** Must be larger than the interval, or every peer is lost between two heartbeats. */
    public static final ConfigOption<Duration> HEARTBEAT_TIMEOUT =
            ConfigOptions.key("heartbeat.timeout")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(50))
                    .withDescription(
                            "Timeout for requesting and receiving heartbeats for both sender and"
                                    + " receiver sides.");
}

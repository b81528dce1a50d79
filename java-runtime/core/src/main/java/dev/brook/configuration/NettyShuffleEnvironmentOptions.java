package dev.brook.configuration;

/**
 * The network stack between TaskManagers: credits of remote input channels. Keys follow Flink's.
 */
public final class NettyShuffleEnvironmentOptions {
    private NettyShuffleEnvironmentOptions() {}

    /**
     * A remote channel's exclusive buffers, which are also the credit its producer may send ahead.
     * Flink has 2 per channel plus 8 floating buffers per gate; Brook has no floating buffers, so
     * its default gives each channel what a busy channel of a small gate gets in Flink.
     */
    public static final ConfigOption<Integer> NETWORK_BUFFERS_PER_CHANNEL =
            ConfigOptions.key("taskmanager.network.memory.buffers-per-channel")
                    .intType()
                    .defaultValue(4)
                    .withDescription(
                            "Number of exclusive network buffers of each remote input channel: how"
                                    + " many buffers its producer may have in flight to it.");
}

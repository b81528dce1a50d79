package dev.brook.configuration;

import java.time.Duration;

/** Options of a job's pipeline. */
public final class PipelineOptions {
    private PipelineOptions() {}

    public static final ConfigOption<String> NAME =
            ConfigOptions.key("pipeline.name").stringType().noDefaultValue();

    public static final ConfigOption<Integer> MAX_PARALLELISM =
            ConfigOptions.key("pipeline.max-parallelism").intType().defaultValue(-1);

    public static final ConfigOption<Duration> AUTO_WATERMARK_INTERVAL =
            ConfigOptions.key("pipeline.auto-watermark-interval")
                    .durationType()
                    .defaultValue(Duration.ofMillis(200));

    public static final ConfigOption<Boolean> OPERATOR_CHAINING =
            ConfigOptions.key("pipeline.operator-chaining.enabled")
                    .booleanType()
                    .defaultValue(true);

    public static final ConfigOption<Boolean> OBJECT_REUSE =
            ConfigOptions.key("pipeline.object-reuse").booleanType().defaultValue(false);
}

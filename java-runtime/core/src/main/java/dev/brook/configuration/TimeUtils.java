package dev.brook.configuration;

import java.time.Duration;
import java.util.Locale;

/**
 * Parses durations in Flink's notation: {@code 100}, {@code 100 ms}, {@code 10s}, {@code 5 min}.
 */
public final class TimeUtils {

    private TimeUtils() {}

    public static Duration parseDuration(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i == 0) {
            throw new IllegalArgumentException("A duration starts with a number: '" + text + "'");
        }
        long value = Long.parseLong(s.substring(0, i));
        String unit = s.substring(i).trim();
        return switch (unit) {
            case "", "ms", "milli", "millis", "millisecond", "milliseconds" ->
                    Duration.ofMillis(value);
            case "us", "micro", "micros", "microsecond", "microseconds" ->
                    Duration.ofNanos(value * 1000);
            case "ns", "nano", "nanos", "nanosecond", "nanoseconds" -> Duration.ofNanos(value);
            case "s", "sec", "secs", "second", "seconds" -> Duration.ofSeconds(value);
            case "m", "min", "mins", "minute", "minutes" -> Duration.ofMinutes(value);
            case "h", "hour", "hours" -> Duration.ofHours(value);
            case "d", "day", "days" -> Duration.ofDays(value);
            default ->
                    throw new IllegalArgumentException(
                            "Unknown time unit '" + unit + "' in '" + text + "'");
        };
    }
}

"""Event-time windows on Brook: per sensor, the average, minimum and maximum temperature of
every minute (tumbling one-minute windows over the readings' own timestamps). An
AggregateFunction folds each reading into the window's accumulator as it arrives; a
ProcessWindowFunction labels the result with the sensor and the minute when the watermark
passes the window's end. Readings arrive up to 10 seconds out of order.

Run with ``bin/flink run -py examples/python/datastream/windowing.py`` or
``python examples/python/datastream/windowing.py``."""

import logging
import sys
from datetime import datetime, timezone

from pyflink.common import Duration, Types, WatermarkStrategy
from pyflink.common.watermark_strategy import TimestampAssigner
from pyflink.datastream import (
    ProcessWindowFunction,
    StreamExecutionEnvironment,
    TumblingEventTimeWindows,
)
from pyflink.datastream.functions import AggregateFunction

START = 1_700_000_040_000  # 2023-11-14 22:14:00 UTC


def at(minute, second):
    return START + minute * 60_000 + second * 1000


# (sensor, degrees Celsius, event time in ms)
READINGS = [
    ("kitchen", 21.0, at(0, 5)),
    ("garage", 8.5, at(0, 12)),
    ("kitchen", 21.4, at(0, 31)),
    ("garage", 8.1, at(0, 44)),
    ("kitchen", 22.0, at(0, 58)),
    ("garage", 7.9, at(1, 3)),
    ("garage", 7.6, at(0, 55)),  # 8 s out of order: within the 10 s the watermark waits
    ("kitchen", 22.6, at(1, 20)),
    ("kitchen", 23.1, at(1, 49)),
    ("garage", 7.2, at(2, 30)),
    ("kitchen", 22.8, at(2, 41)),
]


class ReadingTime(TimestampAssigner):
    def extract_timestamp(self, value, record_timestamp):
        return value[2]


class Stats(AggregateFunction):
    """Accumulates (count, sum, min, max) of the temperatures."""

    def create_accumulator(self):
        return (0, 0.0, float("inf"), float("-inf"))

    def add(self, reading, acc):
        degrees = reading[1]
        return (acc[0] + 1, acc[1] + degrees, min(acc[2], degrees), max(acc[3], degrees))

    def get_result(self, acc):
        return (acc[0], acc[1] / acc[0], acc[2], acc[3])

    def merge(self, a, b):
        return (a[0] + b[0], a[1] + b[1], min(a[2], b[2]), max(a[3], b[3]))


class Report(ProcessWindowFunction):
    def process(self, sensor, context, results):
        window = context.window()
        count, average, low, high = next(iter(results))
        yield "%s %s-%s: avg %.2f C, min %.1f, max %.1f (%d reading%s)" % (
            sensor,
            minute(window.start),
            minute(window.end),
            average,
            low,
            high,
            count,
            "" if count == 1 else "s",
        )


def minute(millis):
    return datetime.fromtimestamp(millis / 1000, timezone.utc).strftime("%H:%M")


def main():
    env = StreamExecutionEnvironment.get_execution_environment()
    env.set_parallelism(2)
    strategy = WatermarkStrategy.for_bounded_out_of_orderness(
        Duration.of_seconds(10)
    ).with_timestamp_assigner(ReadingTime())
    (
        env.from_collection(READINGS)
        .assign_timestamps_and_watermarks(strategy)
        .key_by(lambda reading: reading[0])
        .window(TumblingEventTimeWindows.of(Duration.of_minutes(1)))
        .aggregate(Stats(), Report(), output_type=Types.STRING())
        .print()
    )
    env.execute("windowing")


if __name__ == "__main__":
    logging.basicConfig(stream=sys.stdout, level=logging.INFO, format="%(message)s")
    main()

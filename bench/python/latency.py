"""Latency of a record through Python at a low rate, with the engines' default settings.

The only sources both engines' Python APIs offer are collections, number sequences and files, and
none of them emits at a steady rate (a Python map cannot pace records either: a worker returns a
whole batch at once). So the records are made by Java's clock: a keyed Python process function,
on the one line of the trigger file, registers a processing-time timer every --period-ms for
--ticks ticks, starting --lead-ms later. Each timer fires in Java, reaches Python as a timer, and
its on_timer emits the timer's time; a Python map appends the time it saw the record, and print()
writes "<timer ms> <map ns>". The harness reads standard out and notes when each line arrives, so a
record's latency is arrival - timer time: Java -> Python -> Java -> standard out, as for any record
a Python function handles. Parallelism 1. The job is unbounded (the source monitors --input-dir):
the harness stops it.
"""

import argparse
import time

from pyflink.common import Duration, Types, WatermarkStrategy
from pyflink.datastream import KeyedProcessFunction, StreamExecutionEnvironment
from pyflink.datastream.connectors.file_system import FileSource, StreamFormat


class Ticker(KeyedProcessFunction):
    """Registers all ticks on the trigger line; emits each tick's time when its timer fires."""

    def __init__(self, ticks: int, period_ms: int, lead_ms: int) -> None:
        self._ticks = ticks
        self._period_ms = period_ms
        self._lead_ms = lead_ms

    def process_element(self, value, ctx: KeyedProcessFunction.Context):
        timers = ctx.timer_service()
        first = timers.current_processing_time() + self._lead_ms
        for i in range(self._ticks):
            timers.register_processing_time_timer(first + i * self._period_ms)

    def on_timer(self, timestamp: int, ctx: KeyedProcessFunction.OnTimerContext):
        yield str(timestamp)


def stamp(line: str) -> str:
    return "%s %d" % (line, time.time_ns())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--input-dir", required=True, help="directory with the trigger file")
    parser.add_argument("--ticks", type=int, default=2400)
    parser.add_argument("--period-ms", type=int, default=5)
    parser.add_argument("--lead-ms", type=int, default=2000)
    args = parser.parse_args()

    env = StreamExecutionEnvironment.get_execution_environment()
    env.set_parallelism(1)
    source = (
        FileSource.for_record_stream_format(StreamFormat.text_line_format(), args.input_dir)
        .monitor_continuously(Duration.of_seconds(1))
        .build()
    )
    trigger = env.from_source(source, WatermarkStrategy.no_watermarks(), "trigger")
    ticks = trigger.key_by(lambda line: 0, key_type=Types.INT()).process(
        Ticker(args.ticks, args.period_ms, args.lead_ms), output_type=Types.STRING()
    )
    ticks.map(stamp, output_type=Types.STRING()).print()
    env.execute("python-latency")


if __name__ == "__main__":
    main()

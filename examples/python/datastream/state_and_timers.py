"""Keyed state and timers on Brook: per user, counts the clicks of each visit and reports the
visit when the user has been idle for 30 seconds of event time (a KeyedProcessFunction with a
ValueState, a MapState and an event-time timer that each click moves forward).

Run with ``bin/flink run -py examples/python/datastream/state_and_timers.py`` or
``python examples/python/datastream/state_and_timers.py``."""

import logging
import sys

from pyflink.common import Duration, Types, WatermarkStrategy
from pyflink.common.watermark_strategy import TimestampAssigner
from pyflink.datastream import KeyedProcessFunction, StreamExecutionEnvironment
from pyflink.datastream.state import MapStateDescriptor, ValueStateDescriptor

IDLE_MS = 30_000

# (user, page, event time in ms)
CLICKS = [
    ("alice", "home", 0),
    ("bob", "home", 2_000),
    ("alice", "search", 5_000),
    ("alice", "item", 12_000),
    ("bob", "item", 15_000),
    ("alice", "cart", 20_000),
    ("bob", "home", 90_000),
    ("alice", "home", 100_000),
    ("alice", "item", 110_000),
]


class ClickTime(TimestampAssigner):
    def extract_timestamp(self, value, record_timestamp):
        return value[2]


class Visits(KeyedProcessFunction):
    def open(self, runtime_context):
        self.started = runtime_context.get_state(ValueStateDescriptor("started", Types.LONG()))
        self.timer = runtime_context.get_state(ValueStateDescriptor("timer", Types.LONG()))
        self.pages = runtime_context.get_map_state(
            MapStateDescriptor("pages", Types.STRING(), Types.INT())
        )

    def process_element(self, click, ctx):
        user, page, time = click
        end = self.timer.value()
        if end is not None and time >= end:
            # The previous visit ended before this click; its timer has not fired yet because
            # the watermark lags behind the clicks.
            ctx.timer_service().delete_event_time_timer(end)
            yield self.report(ctx.get_current_key(), end)
            end = None
        if self.started.value() is None:
            self.started.update(time)
        self.pages.put(page, (self.pages.get(page) or 0) + 1)
        # Each click moves the end of the visit: drop the old timer, set a new one.
        if end is not None:
            ctx.timer_service().delete_event_time_timer(end)
        self.timer.update(time + IDLE_MS)
        ctx.timer_service().register_event_time_timer(time + IDLE_MS)

    def on_timer(self, timestamp, ctx):
        yield self.report(ctx.get_current_key(), timestamp)

    def report(self, user, end):
        pages = ", ".join("%s x%d" % (p, n) for p, n in sorted(self.pages.items()))
        line = "%s: visit %d-%d s: %s" % (
            user,
            self.started.value() // 1000,
            (end - IDLE_MS) // 1000,
            pages,
        )
        self.started.clear()
        self.timer.clear()
        self.pages.clear()
        return line


def main():
    env = StreamExecutionEnvironment.get_execution_environment()
    env.set_parallelism(2)
    strategy = WatermarkStrategy.for_bounded_out_of_orderness(
        Duration.of_seconds(1)
    ).with_timestamp_assigner(ClickTime())
    (
        env.from_collection(CLICKS)
        .assign_timestamps_and_watermarks(strategy)
        .key_by(lambda click: click[0])
        .process(Visits(), output_type=Types.STRING())
        .print()
    )
    env.execute("state_and_timers")


if __name__ == "__main__":
    logging.basicConfig(stream=sys.stdout, level=logging.INFO, format="%(message)s")
    main()

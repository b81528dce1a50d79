"""A user-defined window, window assigner and trigger (with trigger state), and a built-in
assigner with a user trigger that fires early."""

from _job import main

from pyflink.common import Duration, Types, WatermarkStrategy
from pyflink.common.watermark_strategy import TimestampAssigner
from pyflink.datastream import ProcessWindowFunction, TumblingEventTimeWindows
from pyflink.datastream.state import ValueStateDescriptor
from pyflink.datastream.window import Trigger, TriggerResult, Window, WindowAssigner

DATA = [
    ("a", 3, 100),
    ("a", 15, 200),
    ("b", 4, 300),
    ("a", 11, 400),
    ("a", 5, 500),
    ("a", 9, 600),
    ("b", 2, 700),
    ("a", 12, 800),
    ("a", 13, 900),
]


class Bucket(Window):
    """Values 0-9, 10-19, ...: a window that has nothing to do with time."""

    def __init__(self, tens):
        self.tens = tens

    def max_timestamp(self):
        return 2**63 - 1

    def __eq__(self, other):
        return isinstance(other, Bucket) and self.tens == other.tens

    def __hash__(self):
        return hash(self.tens)


class SumReached(Trigger):
    """Fires and purges a bucket once its values add up to at least 20."""

    def __init__(self):
        self.total = ValueStateDescriptor("total", Types.INT())

    def on_element(self, element, timestamp, window, ctx):
        total = ctx.get_partitioned_state(self.total)
        value = (total.value() or 0) + element[1]
        if value >= 20:
            total.clear()
            return TriggerResult.FIRE_AND_PURGE
        total.update(value)
        return TriggerResult.CONTINUE

    def on_processing_time(self, time, window, ctx):
        return TriggerResult.CONTINUE

    def on_event_time(self, time, window, ctx):
        return TriggerResult.CONTINUE

    def on_merge(self, window, ctx):
        raise AssertionError("buckets never merge")

    def clear(self, window, ctx):
        ctx.get_partitioned_state(self.total).clear()


class ByTens(WindowAssigner):
    def assign_windows(self, element, timestamp, context):
        return [Bucket(element[1] // 10)]

    def get_default_trigger(self, env):
        return SumReached()

    def is_event_time(self):
        return False


class EarlyAndOnTime(Trigger):
    """Fires at the first element of a window and when the watermark passes its end."""

    def __init__(self):
        self.started = ValueStateDescriptor("started", Types.BOOLEAN())

    def on_element(self, element, timestamp, window, ctx):
        ctx.register_event_time_timer(window.max_timestamp())
        started = ctx.get_partitioned_state(self.started)
        if started.value():
            return TriggerResult.CONTINUE
        started.update(True)
        return TriggerResult.FIRE

    def on_processing_time(self, time, window, ctx):
        return TriggerResult.CONTINUE

    def on_event_time(self, time, window, ctx):
        return (
            TriggerResult.FIRE_AND_PURGE
            if time == window.max_timestamp()
            else (TriggerResult.CONTINUE)
        )

    def on_merge(self, window, ctx):
        raise AssertionError("tumbling windows never merge")

    def clear(self, window, ctx):
        ctx.delete_event_time_timer(window.max_timestamp())
        ctx.get_partitioned_state(self.started).clear()


class Values(ProcessWindowFunction):
    def __init__(self, tag):
        self.tag = tag

    def process(self, key, context, elements):
        window = context.window()
        name = window.tens if isinstance(window, Bucket) else window.start
        yield (self.tag, key, name, sorted(e[1] for e in elements))


class EventTime(TimestampAssigner):
    def extract_timestamp(self, value, record_timestamp):
        return value[2]


def build(env):
    strategy = WatermarkStrategy.for_monotonous_timestamps().with_timestamp_assigner(EventTime())
    keyed = (
        env.from_collection(DATA).assign_timestamps_and_watermarks(strategy).key_by(lambda e: e[0])
    )
    buckets = keyed.window(ByTens()).process(Values("bucket"))
    early = (
        keyed.window(TumblingEventTimeWindows.of(Duration.of_seconds(1)))
        .trigger(EarlyAndOnTime())
        .process(Values("early"))
    )
    return buckets.union(early)


if __name__ == "__main__":
    main(build)

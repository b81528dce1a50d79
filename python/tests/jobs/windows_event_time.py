"""Event-time windows: tumbling with reduce (and the results' timestamps), aggregate with a
ProcessWindowFunction, process (window and global state), apply; sliding with reduce and a
WindowFunction; window_all with a ProcessAllWindowFunction."""

from _job import main

from pyflink.common import Duration, Types, WatermarkStrategy
from pyflink.common.watermark_strategy import TimestampAssigner
from pyflink.datastream import (
    AllWindowFunction,
    ProcessAllWindowFunction,
    ProcessFunction,
    ProcessWindowFunction,
    SlidingEventTimeWindows,
    TumblingEventTimeWindows,
    WindowFunction,
)
from pyflink.datastream.functions import AggregateFunction
from pyflink.datastream.state import ValueStateDescriptor

# (key, value, event time in ms)
DATA = [
    ("a", 1, 1000),
    ("b", 2, 1500),
    ("a", 3, 2500),
    ("a", 4, 5200),
    ("b", 5, 6000),
    ("b", 6, 9999),
    ("a", 7, 12000),
]

TUMBLING = TumblingEventTimeWindows.of(Duration.of_seconds(5))


class EventTime(TimestampAssigner):
    def extract_timestamp(self, value, record_timestamp):
        return value[2]


class Stamp(ProcessFunction):
    """Tags each result with its timestamp: window results carry the window's max timestamp."""

    def process_element(self, value, ctx):
        yield ("reduce", value[0], value[1], ctx.timestamp())


class Average(AggregateFunction):
    def create_accumulator(self):
        return (0, 0)

    def add(self, value, accumulator):
        return (accumulator[0] + value[1], accumulator[1] + 1)

    def get_result(self, accumulator):
        return accumulator[0] / accumulator[1]

    def merge(self, a, b):
        return (a[0] + b[0], a[1] + b[1])


class WithWindow(ProcessWindowFunction):
    def process(self, key, context, averages):
        window = context.window()
        yield ("aggregate", key, window.start, window.end, list(averages))


class Describe(ProcessWindowFunction):
    """Counts the key's fired windows in global state and marks each window in window state."""

    def process(self, key, context, elements):
        fired = context.global_state().get_state(ValueStateDescriptor("fired", Types.INT()))
        seen = context.window_state().get_state(ValueStateDescriptor("seen", Types.BOOLEAN()))
        count = (fired.value() or 0) + 1
        fired.update(count)
        first_time = seen.value() is None
        seen.update(True)
        window = context.window()
        yield (
            "process",
            key,
            window.start,
            sorted(e[1] for e in elements),
            count,
            first_time,
            context.current_watermark() >= window.max_timestamp(),
        )

    def clear(self, context):
        context.window_state().get_state(ValueStateDescriptor("seen", Types.BOOLEAN())).clear()


class CountElements(WindowFunction):
    def apply(self, key, window, inputs):
        yield ("apply", key, window.start, len(list(inputs)))


class SlidingSum(WindowFunction):
    def apply(self, key, window, inputs):
        for total in inputs:
            yield ("sliding", key, window.start, window.end, total[1])


class AllValues(ProcessAllWindowFunction):
    def process(self, context, elements):
        yield ("all", context.window().start, sorted(e[1] for e in elements))


class AllCount(AllWindowFunction):
    def apply(self, window, inputs):
        yield ("all_apply", window.start, len(list(inputs)))


def build(env):
    strategy = WatermarkStrategy.for_monotonous_timestamps().with_timestamp_assigner(EventTime())
    events = env.from_collection(DATA).assign_timestamps_and_watermarks(strategy)
    keyed = events.key_by(lambda e: e[0])
    reduced = keyed.window(TUMBLING).reduce(lambda x, y: (x[0], x[1] + y[1], y[2])).process(Stamp())
    averaged = keyed.window(TUMBLING).aggregate(Average(), WithWindow())
    described = keyed.window(TUMBLING).process(Describe())
    counted = keyed.window(TUMBLING).apply(CountElements())
    sliding = keyed.window(
        SlidingEventTimeWindows.of(Duration.of_seconds(10), Duration.of_seconds(5))
    ).reduce(lambda x, y: (x[0], x[1] + y[1]), SlidingSum())
    everything = events.window_all(TUMBLING).process(AllValues())
    all_counted = events.window_all(TUMBLING).apply(AllCount())
    return reduced.union(averaged, described, counted, sliding, everything, all_counted)


if __name__ == "__main__":
    main(build)

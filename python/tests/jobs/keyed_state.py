"""A KeyedProcessFunction with state of every kind and event-time timers."""

from _job import main

from pyflink.common import Types, WatermarkStrategy
from pyflink.common.watermark_strategy import TimestampAssigner
from pyflink.datastream import KeyedProcessFunction
from pyflink.datastream.functions import AggregateFunction
from pyflink.datastream.state import (
    AggregatingStateDescriptor,
    ListStateDescriptor,
    MapStateDescriptor,
    ReducingStateDescriptor,
    ValueStateDescriptor,
)


class SecondField(TimestampAssigner):
    def extract_timestamp(self, value, record_timestamp):
        return value[1]


class Average(AggregateFunction):
    def create_accumulator(self):
        return (0, 0)

    def add(self, value, accumulator):
        return (accumulator[0] + value, accumulator[1] + 1)

    def get_result(self, accumulator):
        return accumulator[0] / accumulator[1]

    def merge(self, a, b):
        return (a[0] + b[0], a[1] + b[1])


class Summary(KeyedProcessFunction):
    """Per key: counts records until its timer (1 s after each record, so only the end of input fires them) fires, then reports
    everything its states hold and resets the count; the other states keep growing."""

    def open(self, runtime_context):
        self.count = runtime_context.get_state(ValueStateDescriptor("count", Types.LONG()))
        self.items = runtime_context.get_list_state(ListStateDescriptor("items", Types.LONG()))
        self.seen = runtime_context.get_map_state(
            MapStateDescriptor("seen", Types.STRING(), Types.LONG())
        )
        self.total = runtime_context.get_reducing_state(
            ReducingStateDescriptor("total", lambda a, b: a + b, Types.LONG())
        )
        self.average = runtime_context.get_aggregating_state(
            AggregatingStateDescriptor("average", Average(), Types.PICKLED_BYTE_ARRAY())
        )

    def process_element(self, value, ctx):
        count = (self.count.value() or 0) + 1
        self.count.update(count)
        self.items.add(value[1])
        self.seen.put("t%d" % value[1], value[1] * 10)
        if "t3" in self.seen:
            self.seen.remove("t3")
        self.total.add(value[1])
        self.average.add(value[1])
        ctx.timer_service().register_event_time_timer(ctx.timestamp() + 1000)
        return []

    def on_timer(self, timestamp, ctx):
        yield (
            ctx.get_current_key(),
            timestamp,
            str(ctx.time_domain()),
            self.count.value(),
            sorted(self.items.get()),
            sorted(self.seen.items()),
            self.total.get(),
            self.average.get(),
        )
        self.count.clear()


def build(env):
    data = [("a", 1), ("b", 2), ("a", 3), ("a", 15), ("b", 30)]
    strategy = WatermarkStrategy.for_monotonous_timestamps().with_timestamp_assigner(
        SecondField()
    )
    return (
        env.from_collection(data)
        .assign_timestamps_and_watermarks(strategy)
        .key_by(lambda t: t[0])
        .process(Summary())
    )


if __name__ == "__main__":
    main(build)

"""Keyed connected streams: a KeyedCoProcessFunction matching orders with their payments (value
and map state, an event-time timeout that reports what stayed unmatched, a deleted timer), and a
keyed CoMap whose two inputs share one count per key."""

from _job import main

from pyflink.common import Types, WatermarkStrategy
from pyflink.common.watermark_strategy import TimestampAssigner
from pyflink.datastream import CoMapFunction, KeyedCoProcessFunction
from pyflink.datastream.state import MapStateDescriptor, ValueStateDescriptor

TIMEOUT = 10

# (order id, amount, event time)
ORDERS = [("o1", 30, 1), ("o2", 50, 2), ("o3", 20, 3), ("o5", 10, 20)]
# (order id, payment id, amount paid, event time)
PAYMENTS = [
    ("o1", "p1", 30, 2),
    ("o2", "p2", 20, 3),
    ("o3", "p4", 5, 4),
    ("o2", "p3", 30, 5),
    ("o4", "p5", 40, 6),
]


class LastField(TimestampAssigner):
    def extract_timestamp(self, value, record_timestamp):
        return value[-1]


class MatchPayments(KeyedCoProcessFunction):
    """Per order id: emits the order once its payments cover it, else reports what is still
    unmatched when the timeout fires. Either side may come first, so the results do not depend
    on how the inputs interleave."""

    def open(self, runtime_context):
        self.order = runtime_context.get_state(
            ValueStateDescriptor("order", Types.PICKLED_BYTE_ARRAY())
        )
        self.deadline = runtime_context.get_state(ValueStateDescriptor("deadline", Types.LONG()))
        self.payments = runtime_context.get_map_state(
            MapStateDescriptor("payments", Types.STRING(), Types.LONG())
        )

    def _start_timeout(self, ctx):
        """The timeout counts from the earliest record of the order id, whichever came first."""
        deadline = ctx.timestamp() + TIMEOUT
        current = self.deadline.value()
        if current is None or deadline < current:
            if current is not None:
                ctx.timer_service().delete_event_time_timer(current)
            self.deadline.update(deadline)
            ctx.timer_service().register_event_time_timer(deadline)

    def _match(self, ctx):
        order = self.order.value()
        if order is not None and sum(self.payments.values()) >= order[1]:
            yield ("paid", ctx.get_current_key(), order[1], sorted(self.payments.keys()))
            ctx.timer_service().delete_event_time_timer(self.deadline.value())
            self.order.clear()
            self.deadline.clear()
            self.payments.clear()

    def process_element1(self, value, ctx):
        self._start_timeout(ctx)
        self.order.update(value)
        yield from self._match(ctx)

    def process_element2(self, value, ctx):
        self._start_timeout(ctx)
        self.payments.put(value[1], value[2])
        yield from self._match(ctx)

    def on_timer(self, timestamp, ctx):
        order = self.order.value()
        key = ctx.get_current_key()
        due = (timestamp, ctx.timestamp() == timestamp, str(ctx.time_domain()))
        if order is None:
            yield ("no order", key, sorted(self.payments.keys())) + due
        else:
            yield ("unpaid", key, order[1], sum(self.payments.values())) + due
        self.order.clear()
        self.deadline.clear()
        self.payments.clear()


class CountVisits(CoMapFunction):
    """Clicks and views of a user share one count; 'skip' views are dropped (None)."""

    def open(self, runtime_context):
        self.count = runtime_context.get_state(ValueStateDescriptor("count", Types.LONG()))

    def _seen(self, user):
        count = (self.count.value() or 0) + 1
        self.count.update(count)
        return ("seen", user, count)

    def map1(self, value):
        return self._seen(value[0])

    def map2(self, value):
        user, item = value.split(":")
        return None if item == "skip" else self._seen(user)


def build(env):
    def timed(data):
        strategy = WatermarkStrategy.for_monotonous_timestamps().with_timestamp_assigner(
            LastField()
        )
        return env.from_collection(data).assign_timestamps_and_watermarks(strategy)

    matched = (
        timed(ORDERS)
        .key_by(lambda order: order[0])
        .connect(timed(PAYMENTS).key_by(lambda payment: payment[0]))
        .process(MatchPayments())
    )
    clicks = env.from_collection([("u1", "a"), ("u2", "b"), ("u1", "c")])
    views = env.from_collection(["u1:x", "u2:skip", "u2:y", "u3:z"], type_info=Types.STRING())
    counted = (
        clicks.connect(views)
        .key_by(lambda click: click[0], lambda view: view.split(":")[0], Types.STRING())
        .map(CountVisits())
    )
    return matched.union(counted)


if __name__ == "__main__":
    main(build)

"""Event-time session windows: merging contents (list, reducing and aggregating state) and trigger
timers when a late-arriving element bridges two sessions; dynamic gaps."""

from _job import main

from pyflink.common import Duration, WatermarkStrategy
from pyflink.common.watermark_strategy import TimestampAssigner
from pyflink.datastream import EventTimeSessionWindows, ProcessWindowFunction
from pyflink.datastream.functions import AggregateFunction
from pyflink.datastream.window import SessionWindowTimeGapExtractor

# (key, value, event time in ms). For "c", 11000 arrives last and joins [10000, 11000) and
# [12000, 13000) into one session.
DATA = [
    ("a", 1, 0),
    ("b", 2, 100),
    ("a", 3, 500),
    ("a", 4, 1200),
    ("b", 5, 3000),
    ("a", 6, 5000),
    ("c", 7, 10000),
    ("c", 8, 12000),
    ("c", 9, 11000),
]


class EventTime(TimestampAssigner):
    def extract_timestamp(self, value, record_timestamp):
        return value[2]


class Session(ProcessWindowFunction):
    def process(self, key, context, elements):
        window = context.window()
        yield ("process", key, window.start, window.end, sorted(e[1] for e in elements))


class Count(AggregateFunction):
    def create_accumulator(self):
        return 0

    def add(self, value, accumulator):
        return accumulator + 1

    def get_result(self, accumulator):
        return accumulator

    def merge(self, a, b):
        return a + b


class GapByKey(SessionWindowTimeGapExtractor):
    """Key "a" closes sessions after 600 ms, the others after 1000 ms."""

    def extract(self, element):
        return 600 if element[0] == "a" else 1000


def build(env):
    strategy = WatermarkStrategy.for_bounded_out_of_orderness(
        Duration.of_seconds(5)
    ).with_timestamp_assigner(EventTime())
    keyed = (
        env.from_collection(DATA).assign_timestamps_and_watermarks(strategy).key_by(lambda e: e[0])
    )
    sessions = EventTimeSessionWindows.with_gap(Duration.of_seconds(1))
    listed = keyed.window(sessions).process(Session())
    counted = keyed.window(sessions).aggregate(Count()).map(lambda n: ("count", n))
    summed = (
        keyed.window(EventTimeSessionWindows.with_dynamic_gap(GapByKey()))
        .reduce(lambda x, y: (x[0], x[1] + y[1]))
        .map(lambda t: ("dynamic",) + t[:2])
    )
    return listed.union(counted, summed)


if __name__ == "__main__":
    main(build)

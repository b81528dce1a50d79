"""Allowed lateness and the late-data side output. The input is fed file by file into a
monitored directory: the next file is written only once the window operator has fired the window
that shows the watermark has passed, so which elements are late does not depend on timing."""

import os
import tempfile
import threading
import time

from _job import main

from pyflink.common import Duration, Types, WatermarkStrategy
from pyflink.common.watermark_strategy import TimestampAssigner
from pyflink.datastream import OutputTag, ProcessWindowFunction, TumblingEventTimeWindows
from pyflink.datastream.connectors.file_system import FileSource, StreamFormat

LATE = OutputTag("late", Types.PICKLED_BYTE_ARRAY())

# Each file goes in once the window that starts at the given time has fired.
FILES = [
    (None, ["a,1,1000", "a,2,2000", "a,4,12000"]),
    # 5000 is behind the watermark (11999) but within the lateness: the window fires again.
    (0, ["a,8,5000", "a,32,25000"]),
    # The watermark is 24999 now: window [0, 10000) is gone, so 3000 is late.
    (10000, ["a,64,3000"]),
]


class EventTime(TimestampAssigner):
    def extract_timestamp(self, value, record_timestamp):
        return value[2]


class Sum(ProcessWindowFunction):
    """Emits the window's sum and leaves a marker file for the feeder."""

    def __init__(self, markers):
        self.markers = markers

    def process(self, key, context, elements):
        start = context.window().start
        yield (key, start, sum(e[1] for e in elements))
        open(os.path.join(self.markers, "fired-%d" % start), "w").close()


def feed(directory, markers):
    for i, (after, lines) in enumerate(FILES):
        if after is not None:
            marker = os.path.join(markers, "fired-%d" % after)
            while not os.path.exists(marker):
                time.sleep(0.05)
        staged = os.path.join(markers, "part-%d.txt" % i)
        with open(staged, "w") as f:
            f.write("\n".join(lines) + "\n")
        os.rename(staged, os.path.join(directory, "part-%d.txt" % i))


def parse(line):
    key, value, timestamp = line.split(",")
    return key, int(value), int(timestamp)


def build(env):
    directory = tempfile.mkdtemp(prefix="brook-late-")
    markers = tempfile.mkdtemp(prefix="brook-late-markers-")
    source = (
        FileSource.for_record_stream_format(StreamFormat.text_line_format(), directory)
        .monitor_continuously(Duration.of_millis(100))
        .build()
    )
    strategy = WatermarkStrategy.for_monotonous_timestamps().with_timestamp_assigner(EventTime())
    windowed = (
        env.from_source(source, WatermarkStrategy.no_watermarks(), "lines")
        .set_parallelism(1)
        .map(parse)
        .set_parallelism(1)
        .assign_timestamps_and_watermarks(strategy)
        .key_by(lambda e: e[0])
        .window(TumblingEventTimeWindows.of(Duration.of_seconds(10)))
        .allowed_lateness(3000)
        .side_output_late_data(LATE)
        .process(Sum(markers))
    )
    late = windowed.get_side_output(LATE).map(lambda e: ("late",) + e)
    threading.Thread(target=feed, args=(directory, markers), daemon=True).start()
    # (a, 0, 3), (a, 0, 11) again with 8, (a, 10000, 4), and the late 64.
    return windowed.union(late), 4


if __name__ == "__main__":
    main(build)

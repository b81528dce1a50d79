"""Processing-time windows (tumbling, and sessions that merge), on a monitored directory so the
job runs while their timers fire."""

import os
import tempfile

from _job import main

from pyflink.common import Duration, WatermarkStrategy
from pyflink.datastream import (
    ProcessingTimeSessionWindows,
    ProcessWindowFunction,
    TumblingProcessingTimeWindows,
)
from pyflink.datastream.connectors.file_system import FileSource, StreamFormat


class Describe(ProcessWindowFunction):
    def process(self, key, context, elements):
        window = context.window()
        fired_after_end = context.current_processing_time() >= window.max_timestamp()
        yield ("tumbling", key, window.end - window.start, len(list(elements)), fired_after_end)


def build(env):
    directory = tempfile.mkdtemp(prefix="brook-processing-time-")
    with open(os.path.join(directory, "keys.txt"), "w") as f:
        # One element per "t" key, so each lands in exactly one tumbling window.
        f.write("t1\nt2\ns1\ns1\ns2\n")
    source = (
        FileSource.for_record_stream_format(StreamFormat.text_line_format(), directory)
        .monitor_continuously(Duration.of_millis(100))
        .build()
    )
    lines = env.from_source(source, WatermarkStrategy.no_watermarks(), "keys")
    tumbling = (
        lines.filter(lambda k: k.startswith("t"))
        .key_by(lambda k: k)
        .window(TumblingProcessingTimeWindows.of(Duration.of_millis(300)))
        .process(Describe())
    )
    sessions = (
        lines.filter(lambda k: k.startswith("s"))
        .map(lambda k: (k, 1))
        .key_by(lambda e: e[0])
        .window(ProcessingTimeSessionWindows.with_gap(Duration.of_seconds(1)))
        .reduce(lambda x, y: (x[0], x[1] + y[1]))
        .map(lambda e: ("session",) + e)
    )
    return tumbling.union(sessions), 4


if __name__ == "__main__":
    main(build)

"""Processing-time timers, timer deletion, the current watermark, and side outputs."""

import os
import tempfile

from _job import main

from pyflink.common import Duration, Types, WatermarkStrategy
from pyflink.datastream import KeyedProcessFunction, OutputTag, ProcessFunction
from pyflink.datastream.connectors.file_system import FileSource, StreamFormat

SMALL = OutputTag("small", Types.INT())


class Split(ProcessFunction):
    def process_element(self, value, ctx):
        if value < 3:
            yield SMALL, value
        else:
            yield value


class Echo(KeyedProcessFunction):
    """Each record sets a processing-time timer 20 ms ahead and one it deletes at once."""

    def process_element(self, value, ctx):
        now = ctx.timer_service().current_processing_time()
        ctx.timer_service().register_processing_time_timer(now + 20)
        ctx.timer_service().register_processing_time_timer(now + 30)
        ctx.timer_service().delete_processing_time_timer(now + 30)
        yield ("record", value, ctx.timer_service().current_watermark() < 0)

    def on_timer(self, timestamp, ctx):
        yield ("timer", ctx.get_current_key(), str(ctx.time_domain()), ctx.timestamp() == timestamp)


def build(env):
    split = env.from_collection([1, 2, 3, 4], type_info=Types.INT()).process(
        Split(), output_type=Types.INT()
    )
    small = split.get_side_output(SMALL).map(lambda v: ("small", v))
    large = split.map(lambda v: ("large", v))
    # A continuously monitored directory keeps the job running, so the timers fire while it
    # does; it is cancelled after the 4 side-output results, 3 records and 3 timers.
    directory = tempfile.mkdtemp(prefix="brook-timers-")
    with open(os.path.join(directory, "keys.txt"), "w") as f:
        f.write("k1\nk2\nk3\n")
    source = (
        FileSource.for_record_stream_format(StreamFormat.text_line_format(), directory)
        .monitor_continuously(Duration.of_millis(100))
        .build()
    )
    timers = (
        env.from_source(source, WatermarkStrategy.no_watermarks(), "keys")
        .key_by(lambda v: v)
        .process(Echo())
    )
    return small.union(large, timers), 10


if __name__ == "__main__":
    main(build)

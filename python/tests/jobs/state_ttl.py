"""State TTL: a value written with a 300 ms time-to-live is gone when a timer reads it a second
later; state without TTL is still there."""

import os
import tempfile

from _job import main

from pyflink.common import Configuration, Duration, Time, Types, WatermarkStrategy
from pyflink.datastream import KeyedProcessFunction
from pyflink.datastream.connectors.file_system import FileSource, StreamFormat
from pyflink.datastream.state import StateTtlConfig, ValueStateDescriptor


class Expiring(KeyedProcessFunction):
    def open(self, runtime_context):
        ttl = (
            StateTtlConfig.new_builder(Time.milliseconds(300))
            .set_update_type(StateTtlConfig.UpdateType.OnCreateAndWrite)
            .set_state_visibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
            .build()
        )
        short_lived = ValueStateDescriptor("short_lived", Types.STRING())
        short_lived.enable_time_to_live(ttl)
        self.short_lived = runtime_context.get_state(short_lived)
        self.kept = runtime_context.get_state(ValueStateDescriptor("kept", Types.STRING()))

    def process_element(self, value, ctx):
        self.short_lived.update("short-" + value)
        self.kept.update("kept-" + value)
        ctx.timer_service().register_processing_time_timer(
            ctx.timer_service().current_processing_time() + 1000
        )
        yield ("written", value, self.short_lived.value())

    def on_timer(self, timestamp, ctx):
        yield ("read", ctx.get_current_key(), self.short_lived.value(), self.kept.value())


def build(env):
    # Bundles end every 50 ms, so the timer a second later reads the state from the backend.
    env.configure(Configuration().set_string("python.fn-execution.bundle.time", "50 ms"))
    directory = tempfile.mkdtemp(prefix="brook-ttl-")
    with open(os.path.join(directory, "keys.txt"), "w") as f:
        f.write("k1\nk2\n")
    source = (
        FileSource.for_record_stream_format(StreamFormat.text_line_format(), directory)
        .monitor_continuously(Duration.of_millis(100))
        .build()
    )
    stream = (
        env.from_source(source, WatermarkStrategy.no_watermarks(), "keys")
        .key_by(lambda v: v)
        .process(Expiring())
    )
    return stream, 4


if __name__ == "__main__":
    main(build)

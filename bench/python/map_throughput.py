"""Python ``map`` throughput: 100-byte text lines from a file, upper-cased by a Python map, written
by a row-format FileSink. Parallelism 1.

The program first runs the job once on --warmup-input (unmeasured, so the JVM is warm, as in
bench/run.sh), then on --input, and prints ``RESULT records=N execute_seconds=S udf_seconds=U``
for the second run: S is the wall time of ``env.execute()`` (local cluster start and stop
included), U the time between the map's first and last call (the steady state). The map writes
the times of its first and last call to the stats file.
"""

import argparse
import time

from pyflink.common import Encoder, Types, WatermarkStrategy
from pyflink.datastream import MapFunction, StreamExecutionEnvironment
from pyflink.datastream.connectors.file_system import FileSink, FileSource, StreamFormat


class UpperCase(MapFunction):
    """Upper-cases a line. Counting its calls is the only extra work, the same on both engines."""

    def __init__(self, records: int, stats_path: str) -> None:
        self._records = records
        self._stats_path = stats_path
        self._seen = 0
        self._first = 0.0

    def map(self, value: str) -> str:
        self._seen += 1
        if self._seen == 1:
            self._first = time.time()
        elif self._seen == self._records:
            with open(self._stats_path, "w") as f:
                f.write("%r %r\n" % (self._first, time.time()))
        return value.upper()


def run(input_path: str, records: int, output: str, stats: str) -> str:
    env = StreamExecutionEnvironment.get_execution_environment()
    env.set_parallelism(1)
    source = FileSource.for_record_stream_format(
        StreamFormat.text_line_format(), input_path
    ).build()
    lines = env.from_source(source, WatermarkStrategy.no_watermarks(), "lines")
    upper = lines.map(UpperCase(records, stats), output_type=Types.STRING())
    upper.sink_to(FileSink.for_row_format(output, Encoder.simple_string_encoder()).build())

    start = time.perf_counter()
    env.execute("python-map")
    seconds = time.perf_counter() - start
    with open(stats) as f:
        first, last = (float(v) for v in f.read().split())
    return "records=%d execute_seconds=%.3f udf_seconds=%.3f" % (records, seconds, last - first)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--input", required=True, help="text file of --records lines")
    parser.add_argument("--records", type=int, required=True)
    parser.add_argument("--warmup-input", required=True, help="text file of --warmup-records lines")
    parser.add_argument("--warmup-records", type=int, required=True)
    parser.add_argument(
        "--output", required=True, help="FileSink base directory (-warmup appended)"
    )
    parser.add_argument("--stats", required=True, help="file for the map's call times")
    args = parser.parse_args()

    run(args.warmup_input, args.warmup_records, args.output + "-warmup", args.stats)
    print("RESULT " + run(args.input, args.records, args.output, args.stats))


if __name__ == "__main__":
    main()

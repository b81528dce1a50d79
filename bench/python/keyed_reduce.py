"""Keyed Python ``reduce`` throughput: the numbers 0..N-1 mapped in Python to (n mod --keys, 1),
keyed by the first field, summed by a Python reduce (one rolling result per record), written by a
row-format FileSink. Parallelism 1, so the job has two Python operators: the map with the key
selector, and the reduce after the keyed exchange.

Runs a warm-up job of --warmup-records first and prints ``RESULT ...`` for the second, as
map_throughput.py does; the steady-state time is measured in the map.
"""

import argparse
import time

from pyflink.common import Encoder, Types, WatermarkStrategy
from pyflink.datastream import MapFunction, StreamExecutionEnvironment
from pyflink.datastream.connectors.file_system import FileSink
from pyflink.datastream.connectors.number_seq import NumberSequenceSource


class KeyAndOne(MapFunction):
    """n -> (n mod keys, 1). Counting its calls is the only extra work, the same on both engines."""

    def __init__(self, keys: int, records: int, stats_path: str) -> None:
        self._keys = keys
        self._records = records
        self._stats_path = stats_path
        self._seen = 0
        self._first = 0.0

    def map(self, value: int):
        self._seen += 1
        if self._seen == 1:
            self._first = time.time()
        elif self._seen == self._records:
            with open(self._stats_path, "w") as f:
                f.write("%r %r\n" % (self._first, time.time()))
        return value % self._keys, 1


def run(records: int, keys: int, output: str, stats: str) -> str:
    env = StreamExecutionEnvironment.get_execution_environment()
    env.set_parallelism(1)
    pair = Types.TUPLE([Types.LONG(), Types.LONG()])
    numbers = env.from_source(
        NumberSequenceSource(0, records - 1), WatermarkStrategy.no_watermarks(), "numbers"
    )
    pairs = numbers.map(KeyAndOne(keys, records, stats), output_type=pair)
    counts = pairs.key_by(lambda p: p[0], key_type=Types.LONG()).reduce(
        lambda a, b: (a[0], a[1] + b[1])
    )
    counts.sink_to(FileSink.for_row_format(output, Encoder.simple_string_encoder()).build())

    start = time.perf_counter()
    env.execute("python-keyed-reduce")
    seconds = time.perf_counter() - start
    with open(stats) as f:
        first, last = (float(v) for v in f.read().split())
    return "records=%d execute_seconds=%.3f udf_seconds=%.3f" % (records, seconds, last - first)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, required=True)
    parser.add_argument("--warmup-records", type=int, required=True)
    parser.add_argument("--keys", type=int, default=1000)
    parser.add_argument(
        "--output", required=True, help="FileSink base directory (-warmup appended)"
    )
    parser.add_argument("--stats", required=True, help="file for the map's call times")
    args = parser.parse_args()

    run(args.warmup_records, args.keys, args.output + "-warmup", args.stats)
    print("RESULT " + run(args.records, args.keys, args.output, args.stats))


if __name__ == "__main__":
    main()

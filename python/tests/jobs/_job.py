"""What every job script under tests/jobs shares: run as ``python script.py [--parallelism N]
[--batch]`` or under ``flink run [-p N] -py script.py [--batch]``, it builds its job with
``build(env)`` (which returns the stream to collect, or ``(stream, limit)`` for an unbounded job
that is cancelled after ``limit`` results, or None when the job prints or writes files itself) and
prints each collected value as a ``RESULT <repr>`` line for tests/test_jobs.py."""

import argparse
import sys

from pyflink.datastream import RuntimeExecutionMode, StreamExecutionEnvironment


def main(build):
    parser = argparse.ArgumentParser()
    parser.add_argument("--parallelism", type=int)
    parser.add_argument("--batch", action="store_true")
    parser.add_argument("--output")
    args = parser.parse_args(sys.argv[1:])
    env = StreamExecutionEnvironment.get_execution_environment()
    if args.parallelism:
        env.set_parallelism(args.parallelism)
    if args.batch:
        env.set_runtime_mode(RuntimeExecutionMode.BATCH)
    stream = build(env, args) if build.__code__.co_argcount == 2 else build(env)
    if stream is None:
        env.execute()
        return
    if isinstance(stream, tuple):
        stream, limit = stream
        for value in stream.execute_and_collect(limit=limit):
            print("RESULT " + repr(value), flush=True)
        return
    with stream.execute_and_collect() as results:
        for value in results:
            print("RESULT " + repr(value), flush=True)

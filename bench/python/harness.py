"""The measuring side of bench/python.sh, run with any Python 3 (not a PyFlink program): makes the
input file, checks what the jobs wrote, and drives the latency job.

  harness.py lines PATH RECORDS              write RECORDS lines of 100 bytes (99 + newline)
  harness.py check-map DIR RECORDS           the map's output: RECORDS upper-cased lines
  harness.py check-reduce DIR RECORDS KEYS   the reduce's output: one rolling count per record
  harness.py latency [options] -- COMMAND    run the latency job, print percentiles

Checks print a summary and exit with status 1 when the output is not what the job must produce.
"""

import argparse
import os
import re
import signal
import subprocess
import sys
import threading
import time
from typing import Dict, Iterator, List, Tuple

LINE_BYTES = 100


def body(i: int) -> str:
    """90 pseudo-random lower-case letters and spaces, the same for the same i."""
    letters = "abcdefghijklmnopqrstuvwxyz "
    x = i * 2654435761 % 2**32
    chars = []
    for _ in range(90):
        x = (x * 1103515245 + 12345) % 2**31
        chars.append(letters[x % len(letters)])
    return "".join(chars)


def write_lines(path: str, records: int) -> None:
    """Line i is its number in 8 digits, a space and a body: 1000 bodies repeat, so writing is
    fast and every record costs the map the same."""
    bodies = [body(i) for i in range(1000)]
    with open(path, "w") as f:
        for i in range(records):
            f.write("%08d %s\n" % (i, bodies[i % 1000]))


def output_lines(directory: str) -> Iterator[str]:
    """Every line of every file under directory, in-progress (hidden) part files included."""
    for root, _, files in os.walk(directory):
        for name in files:
            with open(os.path.join(root, name)) as f:
                yield from f


def check_map(directory: str, records: int) -> bool:
    count = 0
    good = 0
    for text in output_lines(directory):
        count += 1
        if len(text) == LINE_BYTES and text[9:].isupper():
            good += 1
    print("lines=%d upper_case_100_bytes=%d expected=%d" % (count, good, records))
    return count == records and good == records


def check_reduce(directory: str, records: int, keys: int) -> bool:
    """Each key's largest rolling count is its number of records; they must add up."""
    pair = re.compile(r"(-?\d+)\D+(-?\d+)")
    final: Dict[int, int] = {}
    count = 0
    for text in output_lines(directory):
        count += 1
        m = pair.search(text)
        if m is None:
            print("unexpected line: %r" % text)
            return False
        key, total = int(m.group(1)), int(m.group(2))
        if total > final.get(key, 0):
            final[key] = total
    summed = sum(final.values())
    print(
        "lines=%d keys=%d sum_of_final_counts=%d expected=%d" % (count, len(final), summed, records)
    )
    return count == records and len(final) == min(keys, records) and summed == records


def percentile(sorted_values: List[float], p: float) -> float:
    """Nearest-rank percentile."""
    rank = max(1, -(-len(sorted_values) * p // 100))
    return sorted_values[int(rank) - 1]


def latency(args: argparse.Namespace, command: List[str]) -> bool:
    """Runs the job, collects "<timer ms> <map ns>" lines with their arrival time, stops the job
    once all ticks arrived (or --timeout passed), and reports the ticks after the warm-up."""
    os.makedirs(args.input_dir, exist_ok=True)
    with open(os.path.join(args.input_dir, "trigger.txt"), "w") as f:
        f.write("go\n")
    arrivals: List[Tuple[int, int, int]] = []
    done = threading.Event()
    log = open(args.log, "ab")
    job = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=log, start_new_session=True)

    def read() -> None:
        assert job.stdout is not None
        for raw in job.stdout:
            now = time.time_ns()
            fields = raw.split()
            if len(fields) >= 2 and fields[-1].isdigit() and fields[-2].isdigit():
                arrivals.append((int(fields[-2]), int(fields[-1]), now))
                if len(arrivals) >= args.ticks:
                    done.set()
            else:
                log.write(b"stdout: " + raw)
        done.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    finished = done.wait(args.timeout)
    try:
        os.killpg(job.pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    try:
        job.wait(30)
    except subprocess.TimeoutExpired:
        os.killpg(job.pid, signal.SIGKILL)
        job.wait()
    # Standard out closes when the last process holding it (the JVM) has exited.
    reader.join(60)
    log.close()
    got = sorted(arrivals)
    if not finished or len(got) < args.ticks:
        print(
            "LATENCY failed: %d of %d ticks arrived (exit status %s); see %s"
            % (len(got), args.ticks, job.returncode, args.log)
        )
        return False
    measured = got[args.warmup_ticks : args.ticks]
    total = sorted(sink / 1e6 - timer for timer, _, sink in measured)
    to_map = sorted(mapped / 1e6 - timer for timer, mapped, _ in measured)
    from_map = sorted((sink - mapped) / 1e6 for _, mapped, sink in measured)
    print(
        "LATENCY ticks=%d p50_ms=%.2f p99_ms=%.2f max_ms=%.2f to_map_p50_ms=%.2f "
        "to_map_p99_ms=%.2f from_map_p50_ms=%.2f from_map_p99_ms=%.2f"
        % (
            len(measured),
            percentile(total, 50),
            percentile(total, 99),
            total[-1],
            percentile(to_map, 50),
            percentile(to_map, 99),
            percentile(from_map, 50),
            percentile(from_map, 99),
        )
    )
    return True


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True)
    p = commands.add_parser("lines")
    p.add_argument("path")
    p.add_argument("records", type=int)
    p = commands.add_parser("check-map")
    p.add_argument("directory")
    p.add_argument("records", type=int)
    p = commands.add_parser("check-reduce")
    p.add_argument("directory")
    p.add_argument("records", type=int)
    p.add_argument("keys", type=int)
    p = commands.add_parser("latency")
    p.add_argument("--input-dir", required=True, help="where the trigger file goes")
    p.add_argument("--ticks", type=int, required=True, help="lines the job prints in all")
    p.add_argument("--warmup-ticks", type=int, required=True, help="first lines not measured")
    p.add_argument("--timeout", type=float, default=180.0, help="seconds to wait for all lines")
    p.add_argument("--log", required=True, help="file for the job's standard error")
    p.add_argument("job", nargs=argparse.REMAINDER, help="-- and the job's command line")

    args = parser.parse_args()
    if args.command == "lines":
        write_lines(args.path, args.records)
        return 0
    if args.command == "check-map":
        return 0 if check_map(args.directory, args.records) else 1
    if args.command == "check-reduce":
        return 0 if check_reduce(args.directory, args.records, args.keys) else 1
    job = args.job[1:] if args.job[:1] == ["--"] else args.job
    if not job:
        parser.error("latency needs the job's command line after --")
    return 0 if latency(args, job) else 1


if __name__ == "__main__":
    sys.exit(main())

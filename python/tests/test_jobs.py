"""End to end: the job scripts in tests/jobs run as ``python job.py`` and under
``bin/flink run -py``, at parallelism 1 and 2, on real Brook processes; their collected results
must equal the expected ones (order-insensitive: parallel results interleave)."""

import ast
import os
import subprocess

import pytest

from conftest import BROOK_HOME, HERE, PYTHON

JOBS = os.path.join(HERE, "jobs")
TIMEOUT_SECONDS = 180

A_STATES = ([1, 3, 15], [("t1", 10), ("t15", 150)], 19, 19 / 3)
B_STATES = ([2, 30], [("t2", 20), ("t30", 300)], 32, 16.0)

KEYED_OPS_STREAMING = [
    ("reduce", "a", 3, 1), ("reduce", "a", 4, 3), ("reduce", "a", 6, 5),
    ("reduce", "b", 5, 2), ("reduce", "b", 12, 4),
    ("sum", "a", 3, 1), ("sum", "a", 4, 1), ("sum", "a", 6, 1),
    ("sum", "b", 5, 2), ("sum", "b", 12, 2),
    ("min", "a", 3), ("min", "a", 1), ("min", "a", 1), ("min", "b", 5), ("min", "b", 5),
    ("max_by", "a", 3, 1), ("max_by", "a", 3, 1), ("max_by", "a", 3, 1),
    ("max_by", "b", 5, 2), ("max_by", "b", 7, 4),
]

KEYED_OPS_BATCH = [
    ("reduce", "a", 6, 5), ("reduce", "b", 12, 4),
    ("sum", "a", 6, 1), ("sum", "b", 12, 2),
    ("min", "a", 1), ("min", "b", 5),
    ("max_by", "a", 3, 1), ("max_by", "b", 7, 4),
]

CASES = {
    "basic_ops": ([], ["A", "B", "C", "D", "E", "F", "n2", "n4", "x=10", "y=20"]),
    "keyed_ops": ([], KEYED_OPS_STREAMING),
    "keyed_ops_batch": (["--batch"], KEYED_OPS_BATCH),
    "keyed_state": (
        [],
        [
            ("a", 1001, "TimeDomain.EVENT_TIME", 3) + A_STATES,
            ("a", 1003, "TimeDomain.EVENT_TIME", None) + A_STATES,
            ("a", 1015, "TimeDomain.EVENT_TIME", None) + A_STATES,
            ("b", 1002, "TimeDomain.EVENT_TIME", 2) + B_STATES,
            ("b", 1030, "TimeDomain.EVENT_TIME", None) + B_STATES,
        ],
    ),
    "timers_and_outputs": (
        [],
        [("small", 1), ("small", 2), ("large", 3), ("large", 4)]
        + [("record", k, True) for k in ("k1", "k2", "k3")]
        + [("timer", k, "TimeDomain.PROCESSING_TIME", True) for k in ("k1", "k2", "k3")],
    ),
}
CASES["keyed_state_batch"] = (["--batch"], CASES["keyed_state"][1])
CASES["state_ttl"] = (
    [],
    [("written", k, "short-" + k) for k in ("k1", "k2")]
    + [("read", k, None, "kept-" + k) for k in ("k1", "k2")],
)

CO_KEYED = [
    ("paid", "o1", 30, ["p1"]),
    ("paid", "o2", 50, ["p2", "p3"]),
    ("unpaid", "o3", 20, 5, 13, True, "TimeDomain.EVENT_TIME"),
    ("no order", "o4", ["p5"], 16, True, "TimeDomain.EVENT_TIME"),
    ("unpaid", "o5", 10, 0, 30, True, "TimeDomain.EVENT_TIME"),
] + [("seen", user, n) for user, total in (("u1", 3), ("u2", 2), ("u3", 1))
     for n in range(1, total + 1)]
CASES["co_functions"] = (
    [],
    [("map1", 10), ("map1", 20), ("map1", 40), ("map2", "A B"), ("map2", "C"),
     ("flat_map1", 2), ("flat_map1", 4), ("flat_map2", "a"), ("flat_map2", "b"),
     ("flat_map2", "c"), ("small", 1, True), ("small", 2, True), ("word", "a b", True),
     ("word", "c", True), ("big", 3), ("big", 4)],
)
CASES["co_keyed"] = ([], CO_KEYED)
CASES["co_keyed_batch"] = (["--batch"], CO_KEYED)

WINDOWS_EVENT_TIME = (
    [("reduce", "a", 4, 4999), ("reduce", "a", 4, 9999), ("reduce", "a", 7, 14999),
     ("reduce", "b", 2, 4999), ("reduce", "b", 11, 9999)]
    + [("aggregate", "a", 0, 5000, [2.0]), ("aggregate", "a", 5000, 10000, [4.0]),
       ("aggregate", "a", 10000, 15000, [7.0]), ("aggregate", "b", 0, 5000, [2.0]),
       ("aggregate", "b", 5000, 10000, [5.5])]
    + [("process", "a", 0, [1, 3], 1, True, True), ("process", "a", 5000, [4], 2, True, True),
       ("process", "a", 10000, [7], 3, True, True), ("process", "b", 0, [2], 1, True, True),
       ("process", "b", 5000, [5, 6], 2, True, True)]
    + [("apply", "a", 0, 2), ("apply", "a", 5000, 1), ("apply", "a", 10000, 1),
       ("apply", "b", 0, 1), ("apply", "b", 5000, 2)]
    + [("sliding", "a", -5000, 5000, 4), ("sliding", "a", 0, 10000, 8),
       ("sliding", "a", 5000, 15000, 11), ("sliding", "a", 10000, 20000, 7),
       ("sliding", "b", -5000, 5000, 2), ("sliding", "b", 0, 10000, 13),
       ("sliding", "b", 5000, 15000, 11)]
    + [("all", 0, [1, 2, 3]), ("all", 5000, [4, 5, 6]), ("all", 10000, [7])]
    + [("all_apply", 0, 3), ("all_apply", 5000, 3), ("all_apply", 10000, 1)]
)
CASES["windows_event_time"] = ([], WINDOWS_EVENT_TIME)
CASES["windows_event_time_batch"] = (["--batch"], WINDOWS_EVENT_TIME)
CASES["windows_session"] = (
    [],
    [("process", "a", 0, 2200, [1, 3, 4]), ("process", "a", 5000, 6000, [6]),
     ("process", "b", 100, 1100, [2]), ("process", "b", 3000, 4000, [5]),
     ("process", "c", 10000, 13000, [7, 8, 9])]
    + [("count", n) for n in (3, 1, 1, 1, 3)]
    + [("dynamic", "a", 4), ("dynamic", "a", 4), ("dynamic", "a", 6), ("dynamic", "b", 2),
       ("dynamic", "b", 5), ("dynamic", "c", 24)],
)
CASES["windows_count"] = (
    [],
    [("a", 3), ("a", 7), ("b", 30)]
    + [("sliding", "a", 0, [1, 2, 3]), ("sliding", "a", 1, [3, 4, 5]),
       ("sliding", "b", 0, [10, 20, 30])]
    + [("all", 13), ("all", 27)]
    + [("running", "a", 3), ("running", "a", 10), ("running", "b", 30)],
)
CASES["windows_custom"] = (
    [],
    [("bucket", "a", 1, [11, 15]), ("bucket", "a", 1, [12, 13])]
    + [("early", "a", 0, [3]), ("early", "a", 0, [3, 5, 9, 11, 12, 13, 15]),
       ("early", "b", 0, [4]), ("early", "b", 0, [2, 4])],
)
CASES["windows_late"] = (
    [], [("a", 0, 3), ("a", 0, 11), ("a", 10000, 4), ("late", "a", 64, 3000)]
)
CASES["windows_processing_time"] = (
    [],
    [("tumbling", "t1", 300, 1, True), ("tumbling", "t2", 300, 1, True),
     ("session", "s1", 2), ("session", "s2", 1)],
)

BROADCAST_STATE = [
    ("keyed", "s1", 70, ["high", "low", "mid"], False, True),
    ("keyed", "s2", 40, ["low", "mid"], False, True),
    ("keyed", "s3", 15, ["low"], False, True),
    ("keyed", "s4", 1, [], False, True),
    ("non-keyed", "s1", 5, True, False), ("non-keyed", "s1", 70, False, False),
    ("non-keyed", "s2", 12, True, False), ("non-keyed", "s2", 40, False, False),
    ("non-keyed", "s3", 15, True, False), ("non-keyed", "s4", 1, True, False),
    ("refused", "put in process_element"),
    ("refused", "keyed state in process_broadcast_element"),
    ("refused", "current key in process_broadcast_element"),
]
CASES["partition_custom"] = (
    [], [(kind, x, True) for kind in ("modulo", "last") for x in range(8)]
)
CASES["broadcast_state"] = ([], BROADCAST_STATE)
CASES["broadcast_state_batch"] = (["--batch"], BROADCAST_STATE)


def script_of(case):
    return os.path.join(JOBS, case.replace("_batch", "") + ".py")


def run_job(case, mode, parallelism, extra_args=()):
    """Runs a job script the way a user would; returns (exit code, output, collected values)."""
    args = list(CASES[case][0]) + list(extra_args)
    if mode == "python":
        command = [PYTHON, script_of(case), "--parallelism", str(parallelism)] + args
        cwd = JOBS
    else:
        command = [os.path.join(BROOK_HOME, "bin", "flink"), "run", "-p", str(parallelism),
                   "-pyexec", PYTHON, "-pyclientexec", PYTHON, "-py", script_of(case)] + args
        cwd = BROOK_HOME
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True,
                          timeout=TIMEOUT_SECONDS)
    output = done.stdout + done.stderr
    values = [ast.literal_eval(line[len("RESULT "):]) for line in done.stdout.splitlines()
              if line.startswith("RESULT ")]
    return done.returncode, output, values


@pytest.mark.parametrize("parallelism", [1, 2])
@pytest.mark.parametrize("mode", ["python", "flink_run"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_job(case, mode, parallelism):
    code, output, values = run_job(case, mode, parallelism)
    assert code == 0, output
    expected = CASES[case][1]
    assert sorted(map(repr, values)) == sorted(map(repr, expected)), output

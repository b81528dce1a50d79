"""End to end: the job scripts in tests/jobs run as ``python job.py`` and under
``bin/flink run -py``, at parallelism 1 and 2, on real Brook processes; their collected results
must equal the expected ones (order-insensitive: parallel results interleave)."""

import ast
import os
import subprocess
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
JOBS = os.path.join(HERE, "jobs")
BROOK_HOME = os.path.dirname(os.path.dirname(HERE))
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


def script_of(case):
    return os.path.join(JOBS, case.replace("_batch", "") + ".py")


def run_job(case, mode, parallelism, extra_args=()):
    """Runs a job script the way a user would; returns (exit code, output, collected values)."""
    args = list(CASES[case][0]) + list(extra_args)
    python = os.path.join(BROOK_HOME, ".venv", "bin", "python")
    if not os.path.exists(python):
        python = sys.executable
    if mode == "python":
        command = [python, script_of(case), "--parallelism", str(parallelism)] + args
        cwd = JOBS
    else:
        command = [os.path.join(BROOK_HOME, "bin", "flink"), "run", "-p", str(parallelism),
                   "-pyexec", python, "-pyclientexec", python, "-py", script_of(case)] + args
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

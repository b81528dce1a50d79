"""The Python examples run as a user runs them (``bin/flink run -py`` and ``python example.py``)
and print what they should."""

import collections
import os
import re
import subprocess
import sys

import pytest

from conftest import BROOK_HOME, PYTHON

EXAMPLES = os.path.join(BROOK_HOME, "examples", "python", "datastream")


def run_example(name, mode, *args):
    script = os.path.join(EXAMPLES, name)
    if mode == "python":
        command = [PYTHON, script] + list(args)
    else:
        command = [os.path.join(BROOK_HOME, "bin", "flink"), "run", "-pyexec", PYTHON,
                   "-pyclientexec", PYTHON, "-py", script] + list(args)
    done = subprocess.run(command, cwd=BROOK_HOME, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def printed(stdout):
    """The lines a print sink wrote, without the subtask prefix ``N> ``."""
    return sorted(re.sub(r"^\d+> ", "", line) for line in stdout.splitlines()
                  if line.startswith("(") or re.match(r"^\d+> ", line))


def word_counts(text_lines):
    counts = collections.Counter(word for line in text_lines for word in line.split())
    return sorted("(%s,%d)" % (word, n) for word, n in counts.items())


@pytest.mark.parametrize("mode", ["python", "flink_run"])
def test_word_count_prints_the_final_count_of_every_word(mode):
    sys.path.insert(0, EXAMPLES)
    try:
        import word_count
    finally:
        sys.path.remove(EXAMPLES)
    assert printed(run_example("word_count.py", mode)) == word_counts(word_count.WORDS)


def test_word_count_writes_files_for_an_input_file(tmp_path):
    text = tmp_path / "in.txt"
    text.write_text("b a b\nc b\n")
    out = tmp_path / "out"
    run_example("word_count.py", "flink_run", "--input", str(text), "--output", str(out))
    lines = [line for f in out.rglob("*") if f.is_file() and not f.name.startswith(".")
             for line in f.read_text().splitlines()]
    assert sorted(lines) == ["(a,1)", "(b,3)", "(c,1)"]


@pytest.mark.parametrize("mode", ["python", "flink_run"])
def test_state_and_timers_reports_each_visit(mode):
    assert printed(run_example("state_and_timers.py", mode)) == [
        "alice: visit 0-20 s: cart x1, home x1, item x1, search x1",
        "alice: visit 100-110 s: home x1, item x1",
        "bob: visit 2-15 s: home x1, item x1",
        "bob: visit 90-90 s: home x1",
    ]


@pytest.mark.parametrize("mode", ["python", "flink_run"])
def test_windowing_prints_per_sensor_minutes(mode):
    assert printed(run_example("windowing.py", mode)) == [
        "garage 22:14-22:15: avg 8.07 C, min 7.6, max 8.5 (3 readings)",
        "garage 22:15-22:16: avg 7.90 C, min 7.9, max 7.9 (1 reading)",
        "garage 22:16-22:17: avg 7.20 C, min 7.2, max 7.2 (1 reading)",
        "kitchen 22:14-22:15: avg 21.47 C, min 21.0, max 22.0 (3 readings)",
        "kitchen 22:15-22:16: avg 22.85 C, min 22.6, max 23.1 (2 readings)",
        "kitchen 22:16-22:17: avg 22.80 C, min 22.8, max 22.8 (1 reading)",
    ]

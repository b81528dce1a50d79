"""Errors a Python user can read: each failure gives one clear message naming the problem and
where it is, a non-zero exit, and leaves no JVM or worker process behind."""

import os
import subprocess
import textwrap
import uuid

import pytest

from conftest import BROOK_HOME, PYTHON

from pyflink import java_gateway
from pyflink.util.exceptions import GatewayException
from pyflink.util.java_errors import java_call


FAILING_JOB = """\
from pyflink.datastream import StreamExecutionEnvironment


def parse(line):
    fields = line.split(",")
    return int(fields[1])


env = StreamExecutionEnvironment.get_execution_environment()
env.from_collection(["a,1", "b,x"]).map(parse).print()
env.execute("failing")
"""


def processes_marked(marker):
    """Pids of live processes whose environment carries ``marker`` (JVMs and workers inherit it)."""
    found = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            with open("/proc/%s/environ" % pid, "rb") as f:
                if marker.encode() in f.read():
                    found.append(int(pid))
        except OSError:
            continue
    return found


def run(command, tmp_path, env_extra=None):
    marker = "BROOK_TEST_MARKER=" + uuid.uuid4().hex
    env = dict(os.environ, BROOK_TEST_MARKER=marker.split("=", 1)[1])
    env.update(env_extra or {})
    done = subprocess.run(command, cwd=str(tmp_path), env=env, capture_output=True, text=True,
                          timeout=180)
    return done, marker


def flink_run(*args):
    return [os.path.join(BROOK_HOME, "bin", "flink"), "run", "-pyexec", PYTHON,
            "-pyclientexec", PYTHON] + list(args)


def flink_run_py(script):
    return flink_run("-py", str(script))


def failed_run(tmp_path, name, text, launch=None):
    """Writes the job ``text`` to ``name`` and runs it with the command ``launch`` gives for it
    (``python name`` if None); the run must fail and leave no process behind. Returns the
    script's path and the run's output."""
    script = tmp_path / name
    script.write_text(text)
    done, marker = run([PYTHON, str(script)] if launch is None else launch(script), tmp_path)
    assert done.returncode != 0
    assert processes_marked(marker) == []
    return script, done.stdout + done.stderr


@pytest.mark.parametrize("mode", ["python", "flink_run"])
def test_an_exception_in_user_code_shows_the_users_traceback(mode, tmp_path):
    script, output = failed_run(tmp_path, "failing.py", FAILING_JOB,
                                None if mode == "python" else flink_run_py)
    assert 'File "%s", line 6, in parse' % script in output
    assert "ValueError: invalid literal for int() with base 10: 'x'" in output
    assert "A Python function of 'Map" in output
    # The user's code, not Brook's: no Java stack frames, no worker or wrapper frames.
    assert "\tat dev.brook" not in output and "at java." not in output
    assert "brook_worker" not in output and "_function_wrappers" not in output


def test_a_syntax_error_names_the_file_and_line(tmp_path):
    script, output = failed_run(
        tmp_path, "broken.py",
        "from pyflink.datastream import StreamExecutionEnvironment\n"
        "env = StreamExecutionEnvironment.get_execution_environment(\n"
        "print('never')\n"
        "def f(:\n",
        flink_run_py)
    assert "SyntaxError" in output
    assert str(script) in output
    assert "\tat dev.brook" not in output


def test_an_unreachable_cluster_is_named(tmp_path):
    _, output = failed_run(tmp_path, "job.py", textwrap.dedent("""\
        from pyflink.datastream import StreamExecutionEnvironment
        env = StreamExecutionEnvironment.get_execution_environment()
        env.from_collection([1, 2]).print()
        env.execute()
        """), lambda script: flink_run("-m", "127.0.0.1:1", "-py", str(script)))
    assert "127.0.0.1:1" in output
    assert "\tat dev.brook" not in output


def test_a_missing_java_is_explained(tmp_path):
    script = tmp_path / "job.py"
    script.write_text("from pyflink.datastream import StreamExecutionEnvironment\n"
                      "env = StreamExecutionEnvironment.get_execution_environment()\n"
                      "env.from_collection([1]).print()\n"
                      "env.execute()\n")
    env = {"JAVA_HOME": str(tmp_path / "no-jdk"), "PATH": os.path.dirname(PYTHON)}
    done, marker = run([PYTHON, str(script)], tmp_path, env)
    assert done.returncode != 0
    assert "GatewayException: Java not found: JAVA_HOME is %s" % (tmp_path / "no-jdk") in done.stderr
    assert processes_marked(marker) == []


def test_a_wrong_gateway_token_is_refused():
    gateway, process = java_gateway._launch_gateway()
    try:
        intruder = java_gateway._connect(gateway.gateway_parameters.port, "not-the-secret")
        with pytest.raises(GatewayException, match="refused this process's secret token"):
            java_call(intruder.entry_point.toString)
        # The right token still works.
        assert "PythonEnvironmentFacade" in java_call(gateway.entry_point.toString)
    finally:
        java_gateway._shutdown(gateway, process)
    process.wait(timeout=30)
    assert process.returncode is not None


def test_a_worker_out_of_memory_fails_the_job_with_a_memory_error(tmp_path):
    script, output = failed_run(tmp_path, "greedy.py", textwrap.dedent("""\
        from pyflink.datastream import StreamExecutionEnvironment


        def hoard(value):
            return len(bytearray(1 << 50))  # a petabyte: the allocation fails at once


        env = StreamExecutionEnvironment.get_execution_environment()
        env.from_collection([1]).map(hoard).print()
        env.execute("greedy")
        """), flink_run_py)
    assert 'File "%s", line 5, in hoard' % script in output
    assert "MemoryError" in output


UNDECLARED_BROADCAST_STATE_JOB = """\
from pyflink.common import Types
from pyflink.datastream import BroadcastProcessFunction, StreamExecutionEnvironment
from pyflink.datastream.state import MapStateDescriptor

RULES = MapStateDescriptor("rules", Types.STRING(), Types.LONG())


class Rules(BroadcastProcessFunction):
    def process_element(self, value, ctx):
        yield value

    def process_broadcast_element(self, value, ctx):
        ctx.get_broadcast_state(MapStateDescriptor("rulez", Types.STRING(), Types.LONG()))


env = StreamExecutionEnvironment.get_execution_environment()
rules = env.from_collection(["r"]).broadcast(RULES)
env.from_collection([1]).connect(rules).process(Rules()).print()
env.execute("undeclared broadcast state")
"""


def test_an_undeclared_broadcast_state_is_named_with_the_declared_ones(tmp_path):
    script, output = failed_run(tmp_path, "undeclared.py", UNDECLARED_BROADCAST_STATE_JOB)
    assert 'File "%s", line 13, in process_broadcast_element' % script in output
    assert "The broadcast state 'rulez' does not exist; this operator has ['rules']" in output


BAD_PARTITIONER_JOB = """\
from pyflink.datastream import StreamExecutionEnvironment

env = StreamExecutionEnvironment.get_execution_environment()
env.from_collection([1, 2]).partition_custom(lambda key, n: n, lambda x: x).print()
env.execute("bad partitioner")
"""


def test_a_partition_out_of_range_is_named(tmp_path):
    _, output = failed_run(tmp_path, "bad_partitioner.py", BAD_PARTITIONER_JOB)
    assert "partition_custom(): the partitioner returned 1 for 1; it must return a partition " \
           "from 0 to 0 (num_partitions - 1)" in output

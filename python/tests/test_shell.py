"""``bin/pyflink-shell.sh`` as a user runs it: typed at on a pseudo-terminal (pexpect), in local
mode and against a standalone cluster of real processes started from this checkout.

Every shell runs with a marker in its environment, which the gateway JVM and the Python workers
inherit; after the shell exits, no process may still carry it (no orphan JVM).
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
import zipfile
from pathlib import Path
from typing import Dict, List

import pexpect
import pytest

from test_dependencies import make_wheel

BROOK_HOME = Path(__file__).resolve().parents[2]
SHELL = BROOK_HOME / "bin" / "pyflink-shell.sh"
PROMPT = ">>> "
GATEWAY_MAIN_CLASS = "dev.brook.client.python.PythonGatewayServer"
EXPECT_TIMEOUT_SECONDS = 90
MARKER_VARIABLE = "BROOK_SHELL_TEST_MARKER"


# -- processes ---------------------------------------------------------------------------------


def marked_processes(marker: str) -> List[int]:
    """Live processes (not zombies) whose environment carries the marker."""
    found = []
    needle = ("%s=%s" % (MARKER_VARIABLE, marker)).encode()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/environ" % entry, "rb") as f:
                environ = f.read().split(b"\0")
            with open("/proc/%s/stat" % entry, "rb") as f:
                state = f.read().rpartition(b")")[2].split()[0]
        except OSError:
            continue  # ended meanwhile, or not ours to read
        if needle in environ and state != b"Z":
            found.append(int(entry))
    return found


def command_line(pid: int) -> str:
    try:
        with open("/proc/%d/cmdline" % pid, "rb") as f:
            return f.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def await_no_marked_processes(marker: str) -> None:
    deadline = time.monotonic() + 15
    while marked_processes(marker) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = {pid: command_line(pid) for pid in marked_processes(marker)}
    assert not left, "processes left behind by the shell: %s" % left


def shell_environment(home: Path, marker: str) -> Dict[str, str]:
    env = dict(os.environ)
    for inherited in ("PYFLINK_GATEWAY_PORT", "PYFLINK_GATEWAY_SECRET", "FLINK_CONF_DIR"):
        env.pop(inherited, None)
    env["HOME"] = str(home)
    env["TERM"] = "dumb"  # no bracketed-paste escapes around the prompt
    env[MARKER_VARIABLE] = marker
    return env


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# -- the interactive shell ---------------------------------------------------------------------


class Shell:
    """One running shell: type lines, wait for output."""

    def __init__(self, tmp_path: Path, *args: str) -> None:
        self.home = tmp_path / "home"
        self.home.mkdir()
        self.marker = uuid.uuid4().hex
        self.child = pexpect.spawn(
            str(SHELL),
            list(args),
            env=shell_environment(self.home, self.marker),
            encoding="utf-8",
            timeout=EXPECT_TIMEOUT_SECONDS,
            dimensions=(50, 250),
        )

    def await_prompt(self) -> str:
        """Waits for the next prompt; returns what came before it."""
        self.child.expect_exact(PROMPT)
        return self.child.before

    def run(self, line: str) -> str:
        """Types a line and returns its output (with the echo of the line)."""
        self.child.sendline(line)
        return self.await_prompt()

    def exit_with_ctrl_d(self) -> int:
        self.child.sendeof()
        self.child.expect(pexpect.EOF)
        self.child.close()
        return self.child.exitstatus

    def stop(self) -> None:
        if self.child.isalive():
            self.child.close(force=True)
        for pid in marked_processes(self.marker):
            os.kill(pid, 9)


@pytest.fixture
def spawn_shell(tmp_path):
    shells: List[Shell] = []

    def spawn(*args: str) -> Shell:
        shell = Shell(tmp_path, *args)
        shells.append(shell)
        return shell

    yield spawn
    for shell in shells:
        shell.stop()


COLLECT_LINE = (
    "sorted(s_env.from_collection([1, 2, 3]).map(lambda x: x * 10).execute_and_collect(%s))"
)


def test_local_shell_runs_typed_jobs_and_leaves_nothing_behind(spawn_shell):
    shell = spawn_shell("local")
    banner = shell.await_prompt()
    assert "Brook" in banner and "mode: local" in banner
    gateways = [p for p in marked_processes(shell.marker) if GATEWAY_MAIN_CLASS in command_line(p)]
    assert len(gateways) == 1, "the shell's gateway JVM is running before the first prompt"

    assert "[10, 20, 30]" in shell.run(COLLECT_LINE % "")

    shell.run("s_env.from_collection([4, 5]).map(lambda x: x * 111).print()")
    # Assigned, so that the job's printed lines are all the shell writes after the echo.
    printed = shell.run("result = s_env.execute('shell print')")
    assert printed.splitlines()[1:] == ["444", "555"]

    failure = shell.run("st_env.foo")
    assert "NotImplementedError" in failure and "the Table API" in failure

    # Tab completion: 'from_coll<TAB>' must become 'from_collection(' for the job to run at all.
    assert "[8, 9]" in shell.run(
        "sorted(s_env.from_coll\t[7, 8]).map(lambda x: x + 1).execute_and_collect())"
    )

    assert shell.exit_with_ctrl_d() == 0
    await_no_marked_processes(shell.marker)
    history = (shell.home / ".brook_pyflink_shell_history").read_text()
    assert "st_env.foo" in history


def test_st_env_refuses_every_attribute_naming_the_table_api():
    from pyflink.shell import UnsupportedTableEnvironment

    st_env = UnsupportedTableEnvironment()
    for access in (
        lambda: st_env.from_elements,
        lambda: st_env.execute_sql,
        lambda: setattr(st_env, "x", 1),
    ):
        with pytest.raises(NotImplementedError, match="the Table API"):
            access()
    assert not hasattr(st_env, "__array__")
    assert "Table API" in repr(st_env)


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["remote"],
        ["remote", "localhost"],
        ["remote", "localhost", "http"],
        ["remote", "localhost", "0"],
        ["remote", "localhost", "65536"],
        ["local", "extra"],
        ["cluster"],
    ],
)
@pytest.mark.parametrize("launcher", ["script", "module"])
def test_usage_errors_print_usage_and_exit_2(tmp_path, args, launcher):
    command = [str(SHELL)] if launcher == "script" else [sys.executable, "-m", "pyflink.shell"]
    marker = uuid.uuid4().hex
    result = subprocess.run(
        command + args,
        env=shell_environment(tmp_path, marker),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2, result.stderr
    assert "Usage: pyflink-shell.sh local" in result.stderr
    assert "pyflink-shell.sh remote HOST PORT" in result.stderr


def test_unreachable_cluster_is_named_and_no_jvm_starts(tmp_path):
    port = free_port()  # closed again: nothing listens there
    marker = uuid.uuid4().hex
    result = subprocess.run(
        [str(SHELL), "remote", "127.0.0.1", str(port)],
        env=shell_environment(tmp_path, marker),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "Cannot reach the cluster's REST endpoint at 127.0.0.1:%d" % port in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    await_no_marked_processes(marker)


# -- a standalone cluster from this checkout ---------------------------------------------------


class Cluster:
    def __init__(self, rest_port: int, log_dir: Path) -> None:
        self.rest_port = rest_port
        self.log_dir = log_dir

    def rest(self, path: str) -> dict:
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with opener.open("http://127.0.0.1:%d%s" % (self.rest_port, path), timeout=10) as r:
            return json.loads(r.read().decode())

    def finished_job_names(self) -> List[str]:
        jobs = self.rest("/jobs/overview")["jobs"]
        return [job["name"] for job in jobs if job["state"] == "FINISHED"]

    def task_manager_output(self) -> str:
        return "".join(p.read_text() for p in sorted(self.log_dir.glob("*taskexecutor*.out")))

    def logs(self) -> str:
        return "\n".join(
            "== %s\n%s" % (p.name, p.read_text()[-4000:]) for p in sorted(self.log_dir.iterdir())
        )


def _run_daemon_script(script: str, action: str, env: Dict[str, str]) -> None:
    result = subprocess.run(
        [str(BROOK_HOME / "bin" / script), action],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, "%s %s:\n%s%s" % (script, action, result.stdout, result.stderr)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """One JobManager and one TaskManager (2 slots) on loopback, with free ports and their own
    configuration, log and pid directories. ``python3`` on their PATH is a stand-in that fails, so
    a worker started with the option's default would fail the job."""
    work = tmp_path_factory.mktemp("cluster")
    conf_dir = work / "conf"
    log_dir = work / "log"
    fake_bin = work / "bin"
    for d in (conf_dir, log_dir, fake_bin):
        d.mkdir()
    for f in (BROOK_HOME / "conf").iterdir():
        shutil.copy(f, conf_dir / f.name)
    rest_port = free_port()
    (conf_dir / "config.yaml").write_text(
        "\n".join(
            [
                "jobmanager.rpc.address: localhost",
                "jobmanager.rpc.port: %d" % free_port(),
                "rest.address: localhost",
                "rest.port: %d" % rest_port,
                "taskmanager.numberOfTaskSlots: 2",
                "parallelism.default: 1",
                "",
            ]
        )
    )
    python3 = fake_bin / "python3"
    python3.write_text("#!/bin/sh\necho 'python3 from PATH: not for workers' >&2\nexit 1\n")
    python3.chmod(0o755)
    env = dict(os.environ)
    env.update(
        FLINK_CONF_DIR=str(conf_dir),
        FLINK_LOG_DIR=str(log_dir),
        FLINK_PID_DIR=str(log_dir),
        PATH="%s:%s" % (fake_bin, os.environ["PATH"]),
    )
    cluster = Cluster(rest_port, log_dir)
    try:
        _run_daemon_script("jobmanager.sh", "start", env)
        _run_daemon_script("taskmanager.sh", "start", env)
        deadline = time.monotonic() + 60
        while True:
            try:
                if cluster.rest("/overview")["taskmanagers"] == 1:
                    break
            except OSError:
                pass  # the JobManager is still starting
            assert time.monotonic() < deadline, "no TaskManager within 60 s:\n" + cluster.logs()
            time.sleep(0.1)
        yield cluster
    finally:
        _run_daemon_script("taskmanager.sh", "stop-all", env)
        _run_daemon_script("jobmanager.sh", "stop-all", env)
        left = [
            pid
            for pid in (int(e) for e in os.listdir("/proc") if e.isdigit())
            if str(conf_dir) in command_line(pid)
        ]
        assert not left, "cluster processes left running: %s" % left


def test_remote_shell_submits_typed_jobs_to_the_cluster(cluster, spawn_shell):
    shell = spawn_shell("remote", "localhost", str(cluster.rest_port))
    banner = shell.await_prompt()
    assert "mode: remote" in banner and "localhost:%d" % cluster.rest_port in banner

    assert "[10, 20, 30]" in shell.run(COLLECT_LINE % "'shell collect'")
    shell.run("s_env.from_collection([4, 5]).map(lambda x: x * 111).print()")
    shell.run("s_env.execute('shell print')")

    finished = cluster.finished_job_names()
    assert "shell collect" in finished and "shell print" in finished, cluster.logs()
    # A print sink on a cluster writes to its TaskManager's standard out.
    assert ["444", "555"] == [
        line for line in cluster.task_manager_output().splitlines() if line in ("444", "555")
    ]
    assert shell.exit_with_ctrl_d() == 0
    await_no_marked_processes(shell.marker)


NO_PYTHON_EXECUTABLE_JOB = """
import sys
from pyflink.common import Configuration
from pyflink.datastream import StreamExecutionEnvironment

conf = (Configuration().set_string("execution.target", "remote")
        .set_string("rest.address", "localhost").set_string("rest.port", sys.argv[1]))
env = StreamExecutionEnvironment.get_execution_environment(conf)
env.from_collection([1, 2, 3]).map(lambda x: x * 7000).print()
# A job for a remote cluster names no python.executable: the TaskManagers pick their own.
env.execute("no python.executable")
"""


def test_cluster_runs_workers_with_the_distribution_venv_by_default(cluster, tmp_path):
    script = tmp_path / "job.py"
    script.write_text(NO_PYTHON_EXECUTABLE_JOB)
    result = subprocess.run(
        [sys.executable, str(script), str(cluster.rest_port)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr + cluster.logs()
    assert "no python.executable" in cluster.finished_job_names()
    output = cluster.task_manager_output().splitlines()
    assert [line for line in output if line in ("7000", "14000", "21000")] == [
        "7000",
        "14000",
        "21000",
    ]


FAILING_JOB = """\
from pyflink.datastream import StreamExecutionEnvironment


def parse(line):
    return int(line.split(",")[1])


env = StreamExecutionEnvironment.get_execution_environment()
env.from_collection(["a,1", "b,x"]).map(parse).print()
env.execute("failing on the cluster")
"""


def flink_run_on(cluster, *args):
    python = str(BROOK_HOME / ".venv" / "bin" / "python")
    command = [str(BROOK_HOME / "bin" / "flink"), "run", "-m", "localhost:%d" % cluster.rest_port,
               "-pyclientexec", python] + list(args)
    return subprocess.run(command, cwd=str(BROOK_HOME), stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=180)


def test_flink_run_py_submits_to_the_cluster(cluster, tmp_path):
    out = tmp_path / "counts"
    done = flink_run_on(cluster, "-p", "2", "-py",
                        str(BROOK_HOME / "examples" / "python" / "datastream" / "word_count.py"),
                        "--output", str(out))
    assert done.returncode == 0, done.stdout + done.stderr + cluster.logs()
    assert "word_count" in cluster.finished_job_names()
    lines = [line for f in out.rglob("*") if f.is_file() and not f.name.startswith(".")
             for line in f.read_text().splitlines()]
    sys.path.insert(0, str(BROOK_HOME / "examples" / "python" / "datastream"))
    try:
        from word_count import WORDS
    finally:
        sys.path.pop(0)
    counts = {}
    for word in " ".join(WORDS).split():
        counts[word] = counts.get(word, 0) + 1
    assert sorted(lines) == sorted("(%s,%d)" % item for item in counts.items())


def test_a_failing_python_job_on_the_cluster_shows_the_traceback_in_cli_and_rest(cluster,
                                                                                  tmp_path):
    script = tmp_path / "failing.py"
    script.write_text(FAILING_JOB)
    done = flink_run_on(cluster, "-py", str(script))
    output = done.stdout + done.stderr
    assert done.returncode != 0
    assert 'File "%s", line 5, in parse' % script in output
    assert "ValueError: invalid literal for int() with base 10: 'x'" in output
    jobs = cluster.rest("/jobs/overview")["jobs"]
    failed = [j["jid"] for j in jobs if j["name"] == "failing on the cluster"]
    assert len(failed) == 1 and [j["state"] for j in jobs if j["jid"] == failed[0]] == ["FAILED"]
    root = cluster.rest("/jobs/%s/exceptions" % failed[0])["root-exception"]
    assert 'File "%s", line 5, in parse' % script in root
    assert "ValueError: invalid literal for int() with base 10: 'x'" in root


SHIPPED_FILES_JOB = """\
import sys

from pyflink.datastream import StreamExecutionEnvironment

import helpers

env = StreamExecutionEnvironment.get_execution_environment()
with env.from_collection([1, 2]).map(helpers.describe).execute_and_collect() as results:
    for line in sorted(results):
        print("RESULT", line)
"""

HELPERS_MODULE = """\
import os


def describe(x):
    from shouting import shout  # installed on the TaskManager from the shipped requirements

    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(os.getcwd(), "data", "scale.txt")) as f:
        scale = int(f.read())
    return "%d%s %s" % (x * scale, shout(""), here)
"""


def test_flink_run_ships_python_files_archives_and_requirements_to_the_cluster(cluster,
                                                                             tmp_path):
    """-pyfs, -pyarch and -pyreq name local paths; the cluster's workers get copies shipped with
    the job (a cluster on another host has no access to the client's files)."""
    helpers_dir = tmp_path / "src"
    helpers_dir.mkdir()
    (helpers_dir / "helpers.py").write_text(HELPERS_MODULE)
    archive = tmp_path / "data.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("scale.txt", "7")
    wheels = tmp_path / "wheels"
    wheels.mkdir()
    make_wheel(str(wheels))
    requirements = tmp_path / "requirements.txt"
    requirements.write_text("shouting==1.0  # %s\n" % uuid.uuid4().hex)
    script = tmp_path / "job.py"
    script.write_text(SHIPPED_FILES_JOB)
    done = flink_run_on(cluster, "-pyfs", str(helpers_dir / "helpers.py"),
                        "-pyarch", "%s#data" % archive,
                        "-pyreq", "%s#%s" % (requirements, wheels), "-py", str(script))
    assert done.returncode == 0, done.stdout + done.stderr + cluster.logs()
    results = [line.split(" ", 2)[1:] for line in done.stdout.splitlines()
               if line.startswith("RESULT ")]
    assert [value for value, _ in results] == ["14!", "7!"]
    # The workers imported the shipped copy, not the client's file.
    for _, where in results:
        assert "python-dependencies" in where and str(helpers_dir) != where


METRICS_JOB = """\
import time

from pyflink.common import Configuration, Types
from pyflink.datastream import MapFunction, StreamExecutionEnvironment


class Counted(MapFunction):
    def open(self, runtime_context):
        group = runtime_context.get_metrics_group().add_group("words")
        self.seen = group.counter("seen")
        self.events = group.meter("events", time_span_in_seconds=10)
        self.lengths = group.distribution("lengths")
        self.longest = 0
        group.add_group("lang", "en").gauge("longest", lambda: self.longest)

    def map(self, value):
        time.sleep(0.01)
        self.seen.inc()
        self.events.mark_event(2)
        self.lengths.update(len(value))
        self.longest = max(self.longest, len(value))
        return value.upper()


env = StreamExecutionEnvironment.get_execution_environment()
# Small bundles: the worker reports metrics as each bundle ends.
env.configure(Configuration().set_string("python.fn-execution.bundle.size", "20"))
env.from_collection(["a", "bb", "ccc"] * 200, Types.STRING()) \\
    .map(Counted(), Types.STRING()).name("counted").set_parallelism(2) \\
    .filter(lambda v: False).print()
env.execute("python metrics")
"""


def _metric_ids(cluster, job_id):
    """{metric id: vertex id} over the job's vertices, as the aggregated lists name them."""
    ids = {}
    for vertex in cluster.rest("/jobs/%s" % job_id)["vertices"]:
        listed = cluster.rest("/jobs/%s/vertices/%s/subtasks/metrics" % (job_id, vertex["id"]))
        ids.update({entry["id"]: vertex["id"] for entry in listed})
    return ids


def test_python_metrics_reach_the_rest_api_while_running_and_after(cluster, tmp_path):
    """get_metrics_group() metrics of a Python map on a real TaskManager: read live over the
    JobManager's RPC while the job runs, and as the subtasks ended afterwards."""
    script = tmp_path / "metrics_job.py"
    script.write_text(METRICS_JOB)
    python = str(BROOK_HOME / ".venv" / "bin" / "python")
    earlier = {j["jid"] for j in cluster.rest("/jobs/overview")["jobs"]}
    run = subprocess.Popen(
        [str(BROOK_HOME / "bin" / "flink"), "run", "-m", "localhost:%d" % cluster.rest_port,
         "-pyclientexec", python, "-py", str(script)],
        cwd=str(BROOK_HOME), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 120
        job_id = None
        live = None
        while live is None:
            assert time.monotonic() < deadline, "no live Python metrics:\n" + cluster.logs()
            assert run.poll() is None, "the job ended before its metrics were seen live:\n" + \
                run.stdout.read()
            time.sleep(0.1)
            jobs = [j for j in cluster.rest("/jobs/overview")["jobs"] if j["jid"] not in earlier]
            if not jobs or jobs[0]["state"] != "RUNNING":
                continue
            job_id = jobs[0]["jid"]
            seen = [i for i in _metric_ids(cluster, job_id) if i.endswith(".words.seen")]
            if seen:
                vertex = _metric_ids(cluster, job_id)[seen[0]]
                total = cluster.rest("/jobs/%s/vertices/%s/subtasks/metrics?get=%s&agg=sum"
                                     % (job_id, vertex, seen[0]))
                if total and 0 < total[0]["sum"] < 600:
                    live = total[0]["sum"]
        output, _ = run.communicate(timeout=120)
        assert run.returncode == 0, output + cluster.logs()
    finally:
        if run.poll() is None:
            run.kill()

    ids = _metric_ids(cluster, job_id)
    seen = next(i for i in ids if i.endswith(".words.seen"))
    operator = seen[: -len(".words.seen")]
    vertex = ids[seen]
    base = "/jobs/%s/vertices/%s" % (job_id, vertex)
    totals = {entry["id"]: entry for entry in cluster.rest(
        "%s/subtasks/metrics?get=%s.words.seen,%s.words.lang.en.longest,%s.numRecordsIn"
        % (base, operator, operator, operator))}
    assert totals[seen]["sum"] == 600
    assert totals["%s.numRecordsIn" % operator]["sum"] == 600
    assert totals["%s.words.lang.en.longest" % operator]["max"] == 3
    assert "%s.words.events" % operator in ids
    # A distribution reads as PyFlink's DistributionResult, per subtask.
    lengths = cluster.rest("%s/metrics?get=0.%s.words.lengths,1.%s.words.lengths"
                           % (base, operator, operator))
    counts = sums = 0
    for entry in lengths:
        fields = dict(part.split("=") for part in
                      entry["value"][len("DistributionResult{"):-1].split(", "))
        counts += int(fields["count"])
        sums += int(fields["sum"])
        assert int(fields["max"]) <= 3 and int(fields["min"]) >= 1
    assert (counts, sums) == (600, 1200)

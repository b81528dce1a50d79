"""A job's Python dependencies reach its workers: python.requirements (-pyreq) installed offline
from a cache directory, python.archives (-pyarch) extracted into the working directory, python.files
(-pyfs) importable; and Python logging in a function reaches the TaskManager's log."""

import glob
import os
import subprocess
import tempfile
import uuid
import zipfile

import pytest

from conftest import BROOK_HOME, PYTHON

JOB = """\
import logging
import sys

from pyflink.datastream import StreamExecutionEnvironment

import helper_module  # from python.files


def decorate(word):
    import shouting  # from python.requirements, installed for the workers only
    logging.getLogger("dependency_job").info("decorating %s MARK", word)
    with open("data/suffix.txt") as f:  # from python.archives, extracted as data/
        suffix = f.read().strip()
    return helper_module.PREFIX + shouting.shout(word) + suffix


env = StreamExecutionEnvironment.get_execution_environment()
if len(sys.argv) > 1 and sys.argv[1] == "--api":
    env.add_python_file(sys.argv[2])
    env.add_python_archive(sys.argv[3], "data")
    env.set_python_requirements(sys.argv[4], sys.argv[5])
with env.from_collection(["a", "b"]).map(decorate).execute_and_collect() as results:
    for value in sorted(results):
        print("RESULT " + value)
"""


def make_wheel(directory):
    """A wheel of the one-module package 'shouting', written by hand (no build tools needed)."""
    name = "shouting-1.0-py3-none-any.whl"
    with zipfile.ZipFile(os.path.join(directory, name), "w") as wheel:
        wheel.writestr("shouting/__init__.py", "def shout(s):\n    return s.upper() + '!'\n")
        wheel.writestr("shouting-1.0.dist-info/METADATA",
                       "Metadata-Version: 2.1\nName: shouting\nVersion: 1.0\n")
        wheel.writestr("shouting-1.0.dist-info/WHEEL",
                       "Wheel-Version: 1.0\nGenerator: hand\nRoot-Is-Purelib: true\n"
                       "Tag: py3-none-any\n")
        wheel.writestr("shouting-1.0.dist-info/RECORD",
                       "shouting/__init__.py,,\nshouting-1.0.dist-info/METADATA,,\n"
                       "shouting-1.0.dist-info/WHEEL,,\nshouting-1.0.dist-info/RECORD,,\n")


@pytest.fixture
def dependencies(tmp_path):
    cache = tmp_path / "wheels"
    cache.mkdir()
    make_wheel(str(cache))
    requirements = tmp_path / "requirements.txt"
    # A fresh version pin per test run would not help pip; a unique comment gives each run its
    # own install directory, so the test never passes on an earlier run's install.
    requirements.write_text("shouting==1.0  # %s\n" % uuid.uuid4().hex)
    archive = tmp_path / "data.zip"
    with zipfile.ZipFile(str(archive), "w") as z:
        z.writestr("suffix.txt", "?\n")
    helper = tmp_path / "helper_module.py"
    helper.write_text("PREFIX = '>'\n")
    job = tmp_path / "job.py"
    job.write_text(JOB)
    return {"job": job, "cache": cache, "requirements": requirements, "archive": archive,
            "helper": helper}


def results(done):
    return [line[len("RESULT "):] for line in done.stdout.splitlines()
            if line.startswith("RESULT ")]


def worker_directories():
    return set(glob.glob(os.path.join(tempfile.gettempdir(), "brook-python-pyworker-*")))


def test_cli_options_ship_requirements_archives_and_files(dependencies, tmp_path):
    d = dependencies
    before = worker_directories()
    log_dir = tmp_path / "log"
    command = [os.path.join(BROOK_HOME, "bin", "flink"), "run", "-pyexec", PYTHON,
               "-pyclientexec", PYTHON,
               "-pyfs", str(d["helper"]),
               "-pyarch", "%s#data" % d["archive"],
               "-pyreq", "%s#%s" % (d["requirements"], d["cache"]),
               "-py", str(d["job"])]
    env = dict(os.environ, FLINK_LOG_DIR=str(log_dir))
    done = subprocess.run(command, cwd=BROOK_HOME, env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert results(done) == [">A!?", ">B!?"]
    # The worker's working directory (with the extracted archive) went with it.
    assert worker_directories() == before
    # The workers' logging went to the log of the JVM that ran them, not to the terminal.
    logged = "".join(open(f).read() for f in glob.glob(str(log_dir / "*.log")))
    assert "decorating a MARK" in logged and "decorating b MARK" in logged
    assert "MARK" not in done.stdout + done.stderr


def test_environment_methods_ship_the_same(dependencies):
    d = dependencies
    command = [PYTHON, str(d["job"]), "--api", str(d["helper"]), str(d["archive"]),
               str(d["requirements"]), str(d["cache"])]
    done = subprocess.run(command, cwd=str(d["job"].parent.parent), capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert results(done) == [">A!?", ">B!?"]


def test_a_requirement_that_cannot_be_installed_fails_with_pips_message(dependencies):
    d = dependencies
    d["requirements"].write_text("no-such-package-brook==9.9\n")
    command = [os.path.join(BROOK_HOME, "bin", "flink"), "run", "-pyexec", PYTHON,
               "-pyclientexec", PYTHON, "-pyreq", "%s#%s" % (d["requirements"], d["cache"]),
               "-py", str(d["job"])]
    done = subprocess.run(command, cwd=BROOK_HOME, capture_output=True, text=True, timeout=300)
    output = done.stdout + done.stderr
    assert done.returncode != 0
    assert "Installing the Python requirements" in output
    assert "no-such-package-brook" in output

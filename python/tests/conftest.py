import json
import os
import sys

import pytest

from pyflink.datastream import StreamExecutionEnvironment

HERE = os.path.dirname(os.path.abspath(__file__))
# The checkout the tests run in, and the interpreter its jobs and workers use.
BROOK_HOME = os.path.dirname(os.path.dirname(HERE))
PYTHON = os.path.join(BROOK_HOME, ".venv", "bin", "python")
if not os.path.exists(PYTHON):
    PYTHON = sys.executable


@pytest.fixture
def env():
    return StreamExecutionEnvironment.get_execution_environment()


def plan_of(env, job_name="job"):
    """The plan the environment would submit, parsed."""
    return json.loads(env._plan_json(job_name))


def node(plan, id):
    return next(t for t in plan["transformations"] if t["id"] == id)

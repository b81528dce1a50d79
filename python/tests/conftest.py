import json

import pytest

from pyflink.datastream import StreamExecutionEnvironment


@pytest.fixture
def env():
    return StreamExecutionEnvironment.get_execution_environment()


def plan_of(env, job_name="job"):
    """The plan the environment would submit, parsed."""
    return json.loads(env._plan_json(job_name))


def node(plan, id):
    return next(t for t in plan["transformations"] if t["id"] == id)

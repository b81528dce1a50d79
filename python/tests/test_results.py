"""Decoding of what the facade returns: job results, collected batches, Java errors."""

import json
import struct

import cloudpickle
import pytest
from py4j.protocol import Py4JJavaError

from pyflink.common import Row, Types
from pyflink.common.job_execution_result import JobExecutionResult
from pyflink.datastream import CloseableIterator
from pyflink.util.exceptions import JobExecutionException
from pyflink.util.java_errors import java_call


def framed(items):
    """A batch as PythonCollectIterator.nextBatch returns it: each item length-prefixed."""
    return b"".join(struct.pack(">i", len(i)) + i for i in items)


class FakeJavaIterator:
    """Stands in for the facade's collect iterator: serves fixed batches, then None."""

    def __init__(self, batches):
        self.batches = [framed(b) for b in batches]
        self.closed = False

    def nextBatch(self):
        return self.batches.pop(0) if self.batches else None

    def close(self):
        self.closed = True


def test_pickled_batches_are_unpickled():
    batches = [[cloudpickle.dumps(("a", 1)), cloudpickle.dumps(None)], [cloudpickle.dumps(3)]]
    fake = FakeJavaIterator(batches)
    with CloseableIterator(fake, Types.PICKLED_BYTE_ARRAY()) as it:
        assert list(it) == [("a", 1), None, 3]
    assert fake.closed


def test_typed_batches_are_rebuilt_from_json():
    row_type = Types.ROW_NAMED(["w", "n"], [Types.STRING(), Types.INT()])
    fake = FakeJavaIterator([[json.dumps(["a", 1]).encode(), json.dumps(["b", 2]).encode()]])
    values = list(CloseableIterator(fake, row_type))
    WordCount = Row("w", "n")
    assert values == [WordCount("a", 1), WordCount("b", 2)]
    assert values[0].w == "a"


def test_job_execution_result_from_facade_json():
    result = JobExecutionResult._from_json(
        '{"job_id": "ab12", "net_runtime_ms": 42, "accumulators": {"n": 3}}')
    assert str(result.get_job_id()) == "ab12"
    assert result.get_net_runtime() == 42
    assert result.get_accumulator_result("n") == 3


class FakeJavaException:
    _target_id = "o1"

    def __init__(self, message):
        self.message = message

    def getMessage(self):
        return self.message

    def getClass(self):
        return self

    def getName(self):
        return "dev.brook.python.PythonException"


def test_java_errors_become_python_exceptions_with_the_job_message():
    traceback = "Traceback (most recent call last):\n  File \"job.py\", line 3\nZeroDivisionError"

    def failing():
        raise Py4JJavaError("An error occurred", FakeJavaException(traceback))

    with pytest.raises(JobExecutionException) as info:
        java_call(failing)
    assert str(info.value) == traceback
    assert info.value.java_class == "dev.brook.python.PythonException"
    assert info.value.__cause__ is None and info.value.__suppress_context__

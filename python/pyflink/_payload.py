"""How Python objects travel inside the plan: base64 of ``cloudpickle.dumps``.

The worker that loads a payload runs the same Python and has this ``pyflink`` package on its
path, so pyflink classes are pickled by reference and user code defined in ``__main__`` by value.
"""

import base64
from typing import Any

import cloudpickle


def encode(obj: Any) -> str:
    """Pickles ``obj`` for the plan; fails when the plan is built, naming the object."""
    try:
        data = cloudpickle.dumps(obj, protocol=5)
    except Exception as e:
        raise TypeError(
            "Cannot serialize %r for the job plan (%s): functions and the objects they use must "
            "be picklable by cloudpickle" % (obj, e)
        ) from e
    return base64.b64encode(data).decode("ascii")


def decode(payload: str) -> Any:
    """Inverse of :func:`encode` (used by the worker and by tests)."""
    return cloudpickle.loads(base64.b64decode(payload))

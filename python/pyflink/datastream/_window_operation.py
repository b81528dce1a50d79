"""The payload of a window operation in the plan, kept free of imports.

The worker unpickles it on operator threads that may import ``pyflink`` concurrently; a module
inside the API's import cycles (``data_stream`` <-> ``windowed_stream``) could then be seen
half-initialized, so this one imports nothing.
"""

from typing import Any, Optional


class WindowOperation(object):
    """Everything the worker's window operator (``brook_worker/window.py``) needs.

    ``contents`` is how a window keeps its elements: "list" (all of them, for apply/process),
    "reduce" or "aggregate" (one incrementally combined value, with ``incremental`` the reduce or
    aggregate function). ``window_function`` (None: emit the combined value) is called
    ``process(...)`` if ``calls_process`` else ``apply(...)``, with the key first if ``keyed``.
    """

    def __init__(
        self,
        assigner: Any,
        trigger: Any,
        allowed_lateness: int,
        late_data_tag: Optional[str],
        contents: str,
        incremental: Any,
        window_function: Any,
        calls_process: bool,
        keyed: bool,
    ) -> None:
        self.assigner = assigner
        self.trigger = trigger
        self.allowed_lateness = allowed_lateness
        self.late_data_tag = late_data_tag
        self.contents = contents
        self.incremental = incremental
        self.window_function = window_function
        self.calls_process = calls_process
        self.keyed = keyed

"""The stages of a fused chain: each turns a batch of (values, timestamps) into another.

A function is either a PyFlink function object (``MapFunction.map``, ``FilterFunction.filter``,
...) or a plain callable; the stage picks the method by duck typing, once per batch, so the
per-record loop is a bare call.
"""

import base64
import pickle
import time


class RuntimeContext:
    """What ``Function.open(runtime_context)`` sees: facts about the parallel subtask."""

    def __init__(self, spec):
        self._spec = spec

    def get_task_name(self):
        return self._spec.get("task_name", "")

    def get_number_of_parallel_subtasks(self):
        return self._spec.get("parallelism", 1)

    def get_max_number_of_parallel_subtasks(self):
        return self._spec.get("max_parallelism", 1)

    def get_index_of_this_subtask(self):
        return self._spec.get("subtask_index", 0)

    def get_attempt_number(self):
        return self._spec.get("attempt_number", 0)

    def get_task_name_with_subtasks(self):
        return "%s (%d/%d)#%d" % (
            self.get_task_name(),
            self.get_index_of_this_subtask() + 1,
            self.get_number_of_parallel_subtasks(),
            self.get_attempt_number(),
        )

    def get_job_parameter(self, key, default_value):
        return default_value


def method(function, name):
    method = getattr(function, name, None)
    if callable(method):
        return method
    if callable(function):
        return function
    raise TypeError("%r has no method %s() and is not callable" % (function, name))


class _Context:
    """``ProcessFunction.Context``: the timestamp of the current record and the clock."""

    __slots__ = ("_timestamp",)

    def __init__(self):
        self._timestamp = None

    def timestamp(self):
        return self._timestamp

    def timer_service(self):
        return _TimerService()


class _TimerService:
    def current_processing_time(self):
        return int(time.time() * 1000)

    def current_watermark(self):
        raise NotImplementedError("current_watermark() in a Python ProcessFunction")

    def register_event_time_timer(self, timestamp):
        raise NotImplementedError("Timers in a non-keyed Python ProcessFunction")

    register_processing_time_timer = register_event_time_timer


class SideOutput:
    """A value a process function emitted with ``yield output_tag, value``."""

    __slots__ = ("tag_id", "value")

    def __init__(self, tag_id, value):
        self.tag_id = tag_id
        self.value = value


class Stage:
    # True if apply() may return SideOutput values among its results.
    emits_side_outputs = False

    def __init__(self, kind, function):
        self.kind = kind
        self.function = function

    def open(self, runtime_context):
        open_method = getattr(self.function, "open", None)
        if callable(open_method):
            open_method(runtime_context)

    def close(self):
        close_method = getattr(self.function, "close", None)
        if callable(close_method):
            close_method()

    def apply(self, values, timestamps):
        raise NotImplementedError


class MapStage(Stage):
    def apply(self, values, timestamps):
        f = method(self.function, "map")
        return [f(v) for v in values], timestamps


class FlatMapStage(Stage):
    def apply(self, values, timestamps):
        f = method(self.function, "flat_map")
        out, out_ts = [], []
        for v, t in zip(values, timestamps):
            results = f(v)
            if results is None:
                continue
            for r in results:
                out.append(r)
                out_ts.append(t)
        return out, out_ts


class FilterStage(Stage):
    def apply(self, values, timestamps):
        f = method(self.function, "filter")
        out, out_ts = [], []
        for v, t in zip(values, timestamps):
            if f(v):
                out.append(v)
                out_ts.append(t)
        return out, out_ts


class KeySelectorStage(Stage):
    """Emits (key, value): Java keys the stream by the first field."""

    def apply(self, values, timestamps):
        f = method(self.function, "get_key")
        return [(f(v), v) for v in values], timestamps


class TimestampAssignerStage(Stage):
    def apply(self, values, timestamps):
        f = method(self.function, "extract_timestamp")
        return values, [int(f(v, t)) for v, t in zip(values, timestamps)]


class ProcessStage(Stage):
    emits_side_outputs = True

    def apply(self, values, timestamps):
        f = method(self.function, "process_element")
        ctx = _Context()
        out, out_ts = [], []
        for v, t in zip(values, timestamps):
            ctx._timestamp = t
            results = f(v, ctx)
            if results is None:
                continue
            for r in results:
                if type(r) is tuple and len(r) == 2 and hasattr(r[0], "tag_id"):
                    r = SideOutput(r[0].tag_id, r[1])
                out.append(r)
                out_ts.append(t)
        return out, out_ts


STAGES = {
    "map": MapStage,
    "flat_map": FlatMapStage,
    "filter": FilterStage,
    "key_selector": KeySelectorStage,
    "timestamp_assigner": TimestampAssignerStage,
    "process": ProcessStage,
}

KEYED_KINDS = ("reduce",)


def load(spec):
    """The function of a chain entry {"kind", "payload"}."""
    return pickle.loads(base64.b64decode(spec["payload"]))


def build_stage(kind, function):
    try:
        return STAGES[kind](kind, function)
    except KeyError:
        raise NotImplementedError("Python function kind '%s' is not supported yet" % kind)

"""The stages of a fused chain: each turns a batch of (values, timestamps) into another.

A function is either a PyFlink function object (``MapFunction.map``, ``FilterFunction.filter``,
...) or a plain callable; the stage picks the method by duck typing, once per batch, so the
per-record loop is a bare call.
"""

import base64
import pickle
import time

from . import state as keyed_state


class RuntimeContext:
    """What ``Function.open(runtime_context)`` sees: facts about the parallel subtask, the
    operator instance's metrics and, on a keyed stream, the keyed state of the current key."""

    def __init__(self, spec, metric_group, backend=None):
        self._spec = spec
        self._metric_group = metric_group
        self._backend = backend

    def get_state(self, state_descriptor):
        if self._backend is None:
            raise RuntimeError(
                "Keyed state ('%s') is only available on a keyed stream, i.e. in a function "
                "applied right after key_by()" % state_descriptor.get_name()
            )
        return self._backend.get_state(state_descriptor)

    get_list_state = get_state
    get_map_state = get_state
    get_reducing_state = get_state
    get_aggregating_state = get_state

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

    def get_metrics_group(self):
        return self._metric_group


def method(function, name):
    method = getattr(function, name, None)
    if callable(method):
        return method
    if callable(function):
        return function
    raise TypeError("%r has no method %s() and is not callable" % (function, name))


class _Context:
    """``ProcessFunction.Context``: the timestamp of the current record and the clock."""

    __slots__ = ("_timestamp", "_timer_service")

    def __init__(self, watermark):
        self._timestamp = None
        self._timer_service = _TimerService(watermark)

    def timestamp(self):
        return self._timestamp

    def timer_service(self):
        return self._timer_service


class _TimerService:
    """Non-keyed: the clocks only. ``watermark`` is the operator's one-element watermark list."""

    __slots__ = ("_watermark",)

    def __init__(self, watermark):
        self._watermark = watermark

    def current_processing_time(self):
        return int(time.time() * 1000)

    def current_watermark(self):
        return self._watermark[0]

    def register_event_time_timer(self, timestamp):
        raise RuntimeError(
            "Setting timers is only supported on a keyed stream: use a KeyedProcessFunction "
            "after key_by()"
        )

    register_processing_time_timer = register_event_time_timer
    delete_event_time_timer = register_event_time_timer
    delete_processing_time_timer = register_event_time_timer


class SideOutput:
    """A value a process function emitted with ``yield output_tag, value``."""

    __slots__ = ("tag_id", "value")

    def __init__(self, tag_id, value):
        self.tag_id = tag_id
        self.value = value


class Stage:
    # True if apply() may return SideOutput values among its results.
    emits_side_outputs = False

    def __init__(self, kind, function, options=None):
        self.kind = kind
        self.function = function
        # What the translator adds to the function: {"num_partitions": n} for custom_partition.
        self.options = options or {}
        # The operator's current watermark, shared: [watermark].
        self.watermark = [keyed_state.MIN_WATERMARK]

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


class CustomPartitionStage(Stage):
    """Emits (partition, value) for ``partition_custom``: Java sends each record to that
    partition of the next operation, which has ``num_partitions`` (an option of the chain entry)."""

    def apply(self, values, timestamps):
        get_key = method(self.function.key_selector, "get_key")
        partition = method(self.function.partitioner, "partition")
        n = self.options["num_partitions"]
        out = []
        for v in values:
            p = partition(get_key(v), n)
            if type(p) is not int or not 0 <= p < n:
                raise ValueError(
                    "partition_custom(): the partitioner returned %r for %r; it must return a "
                    "partition from 0 to %d (num_partitions - 1)" % (p, v, n - 1)
                )
            out.append((p, v))
        return out, timestamps


class TimestampAssignerStage(Stage):
    def apply(self, values, timestamps):
        f = method(self.function, "extract_timestamp")
        return values, [int(f(v, t)) for v, t in zip(values, timestamps)]


def _collect(results, t, out, out_ts):
    """Appends a process function's results; ``yield output_tag, value`` becomes a SideOutput."""
    for r in results:
        if type(r) is tuple and len(r) == 2 and hasattr(r[0], "tag_id"):
            r = SideOutput(r[0].tag_id, r[1])
        out.append(r)
        out_ts.append(t)


class ProcessStage(Stage):
    emits_side_outputs = True

    def apply(self, values, timestamps):
        f = method(self.function, "process_element")
        ctx = _Context(self.watermark)
        out, out_ts = [], []
        for v, t in zip(values, timestamps):
            ctx._timestamp = t
            results = f(v, ctx)
            if results is not None:
                _collect(results, t, out, out_ts)
        return out, out_ts


# ---------------------------------------------------------------------- keyed stages
#
# The first function of a keyed operator runs row by row with the row's key as the backend's
# current key, so its state and timers are the key's. Rows are records or firing timers.


class _KeyedContext:
    """``KeyedProcessFunction.Context`` and ``OnTimerContext``."""

    __slots__ = ("_backend", "_timestamp", "_time_domain", "_timer_service")

    def __init__(self, backend):
        self._backend = backend
        self._timestamp = None
        self._time_domain = None
        self._timer_service = keyed_state.TimerService(backend)

    def timestamp(self):
        return self._timestamp

    def timer_service(self):
        return self._timer_service

    def get_current_key(self):
        return self._backend.key

    def time_domain(self):
        return self._time_domain


class KeyedStage(Stage):
    """Runs the first function of a keyed operator. ``rows`` is (key ids, keys, values,
    timestamps, timer domains or None, namespaces)."""

    def __init__(self, kind, function, backend, batch):
        super().__init__(kind, function)
        self.backend = backend
        self.batch = batch

    def process(self, key_ids, keys, values, timestamps, timers, namespaces):
        raise NotImplementedError


class KeyedRecordStage(KeyedStage):
    """map, flat_map, filter or process right after key_by: a plain stage, run per row so that
    keyed state works in its functions (PyFlink allows it)."""

    def __init__(self, kind, function, backend, batch):
        super().__init__(kind, function, backend, batch)
        self._stage = build_stage(kind, function)
        self.emits_side_outputs = self._stage.emits_side_outputs

    def process(self, key_ids, keys, values, timestamps, timers, namespaces):
        """Applies the stage to each run of rows with the same key, that key current."""
        backend = self.backend
        apply = self._stage.apply
        out, out_ts = [], []
        start, rows = 0, len(values)
        while start < rows:
            key_id = key_ids[start]
            end = start + 1
            while end < rows and key_ids[end] == key_id:
                end += 1
            backend.key_id = key_id
            backend.key = keys[start]
            o, t = apply(values[start:end], timestamps[start:end])
            out += o
            out_ts += t
            start = end
        return out, out_ts


class ReduceStage(KeyedStage):
    """Keyed reduce over a ValueState. STREAMING emits every running value; BATCH only the final
    one per key, from a timer at the end of time (which fires when the key's input ends)."""

    def __init__(self, kind, function, backend, batch):
        super().__init__(kind, function, backend, batch)
        self._reduce = method(function, "reduce")
        self._state = backend.declare("_brook.reduce", "value")

    def process(self, key_ids, keys, values, timestamps, timers, namespaces):
        backend = self.backend
        state = self._state
        reduce = self._reduce
        backend.prefetch([state], key_ids)
        batch = self.batch
        out, out_ts = [], []
        for i, value in enumerate(values):
            backend.key_id = key_ids[i]
            backend.key = keys[i]
            current = state.value()
            if timers[i] is not None:
                out.append(current)
                out_ts.append(None)
                continue
            if current is None:
                current = value
                if batch:
                    backend.register_timer(
                        keyed_state.REGISTER_EVENT_TIME, keyed_state.MAX_TIMESTAMP
                    )
            else:
                current = reduce(current, value)
            state.update(current)
            if not batch:
                out.append(current)
                out_ts.append(timestamps[i])
        return out, out_ts


class KeyedProcessStage(KeyedStage):
    emits_side_outputs = True

    def process(self, key_ids, keys, values, timestamps, timers, namespaces):
        backend = self.backend
        backend.prefetch(backend.value_states(), key_ids)
        process_element = method(self.function, "process_element")
        on_timer = getattr(self.function, "on_timer", None)
        ctx = _KeyedContext(backend)
        event_time = _time_domain(0)
        processing_time = _time_domain(1)
        out, out_ts = [], []
        for i, value in enumerate(values):
            backend.key_id = key_ids[i]
            backend.key = keys[i]
            t = timestamps[i]
            timer = timers[i]
            ctx._timestamp = t
            if timer is None:
                ctx._time_domain = None
                results = process_element(value, ctx)
            else:
                if timer == 0:
                    ctx._time_domain = event_time
                else:
                    ctx._time_domain = processing_time
                    t = None
                results = on_timer(ctx._timestamp, ctx) if on_timer is not None else None
            if results is not None:
                _collect(results, t, out, out_ts)
        return out, out_ts


def _time_domain(value):
    from pyflink.datastream.time_domain import TimeDomain

    return TimeDomain(value)


STAGES = {
    "map": MapStage,
    "flat_map": FlatMapStage,
    "filter": FilterStage,
    "key_selector": KeySelectorStage,
    "timestamp_assigner": TimestampAssignerStage,
    "custom_partition": CustomPartitionStage,
    "process": ProcessStage,
}

KEYED_STAGES = {
    "reduce": ReduceStage,
    "keyed_process": KeyedProcessStage,
}


def load(spec):
    """The function of a chain entry {"kind", "payload"}."""
    return pickle.loads(base64.b64decode(spec["payload"]))


def build_stage(kind, function, options=None):
    try:
        return STAGES[kind](kind, function, options)
    except KeyError:
        raise NotImplementedError("Python function kind '%s' is not supported yet" % kind)


def build_keyed_stage(kind, function, backend, batch):
    """The stage of the first function of a keyed operator."""
    if kind == "window":
        from .window import WindowStage

        return WindowStage(kind, function, backend, batch)
    stage = KEYED_STAGES.get(kind, KeyedRecordStage)
    return stage(kind, function, backend, batch)

"""Flink's window operator, run in the worker on the keyed state and timers of ``state.py``.

Per record: the assigner names the record's windows; a window that is already late (event time:
its end plus the allowed lateness is at or before the watermark) is skipped, and a record all of
whose windows were skipped and that is itself late goes to the late-data side output, if any.
Otherwise the record is added to each window's contents and the trigger decides: FIRE calls the
window function with the contents (results carry the window's max timestamp), PURGE drops them.
A cleanup timer at the window's end plus the allowed lateness drops everything the window holds.

Every piece of a window's state lives in the key's state under the window's namespace
(``encode_window``); timers carry the same namespace, so a firing timer names its window.
Merging assigners (sessions) keep the key's current windows in one value outside any window;
when windows merge, their contents and the trigger's state move into the merged window's
namespace and their cleanup timers are deleted.
"""

import pickle
import struct
import time

import cloudpickle
from pyflink.datastream.window import (
    CountWindow,
    GlobalWindow,
    MergingWindowAssigner,
    TimeWindow,
    Trigger,
    WindowAssigner,
)

from . import state as keyed_state
from .functions import KeyedStage, SideOutput, _collect

_CONTENTS = "_brook.window-contents"
_MERGING_WINDOWS = "_brook.merging-windows"
_GLOBAL = b""
_GLOBAL_WINDOW = b"\x00"


def encode_window(window):
    """The namespace bytes of ``window``: fixed layouts for the built-in windows (so equal windows
    always have equal bytes), a pickle for user-defined ones."""
    window_type = type(window)
    if window_type is TimeWindow:
        return struct.pack(">qq", window.start, window.end)
    if window_type is CountWindow:
        return struct.pack(">q", window.id)
    if window_type is GlobalWindow:
        return _GLOBAL_WINDOW
    return cloudpickle.dumps(window, protocol=5)


def decode_window(namespace):
    """Inverse of ``encode_window``: a pickle is never 1, 8 or 16 bytes long."""
    size = len(namespace)
    if size == 16:
        return TimeWindow(*struct.unpack(">qq", namespace))
    if size == 8:
        return CountWindow(*struct.unpack(">q", namespace))
    if size == 1:
        return GlobalWindow()
    return pickle.loads(namespace)


def _now():
    return int(time.time() * 1000)


def _merge_state(backend, state, kind, sources, target):
    """Moves the ``kind`` state ``state`` of the namespaces ``sources`` into ``target``."""
    for source in sources:
        backend.namespace = source
        if kind == "list":
            items = state.get()
            state.clear()
            if items:
                backend.namespace = target
                state.add_all(items)
        elif kind == "reducing":
            value = state.get()
            state.clear()
            if value is not None:
                backend.namespace = target
                state.add(value)
        elif kind == "aggregating":
            # Accumulators merge with the function's merge(); get() would give only results.
            accumulator = backend._value(state._id)
            state.clear()
            if accumulator is not None:
                backend.namespace = target
                current = backend._value(state._id)
                if current is not None:
                    accumulator = state._function.merge(current, accumulator)
                backend._set_value(state._id, accumulator)
        else:
            raise TypeError(
                "Only reducing, aggregating and list state can be merged, not %s state" % kind
            )
    backend.namespace = target


# ---------------------------------------------------------------------- state seen by functions


class _ScopedState:
    """A state object bound to one namespace, whatever the backend's current one is: the window
    function's ``window_state()`` and ``global_state()`` and its runtime context's state."""

    __slots__ = ("_backend", "_state", "_namespace")

    def __init__(self, backend, state, namespace):
        self._backend = backend
        self._state = state
        self._namespace = namespace

    def _call(self, method, *args):
        backend = self._backend
        current = backend.namespace
        backend.namespace = self._namespace
        try:
            return method(*args)
        finally:
            backend.namespace = current

    def __getattr__(self, name):
        attribute = getattr(self._state, name)
        if not callable(attribute):
            return attribute
        return lambda *args: self._call(attribute, *args)

    def __iter__(self):
        return self._call(self._state.__iter__)

    def __getitem__(self, key):
        return self._call(self._state.__getitem__, key)

    def __setitem__(self, key, value):
        self._call(self._state.__setitem__, key, value)

    def __delitem__(self, key):
        self._call(self._state.__delitem__, key)

    def __contains__(self, key):
        return self._call(self._state.__contains__, key)


class _StateStore:
    """PyFlink's KeyedStateStore: the current key's state in one namespace."""

    def __init__(self, backend, namespace):
        self._backend = backend
        self._namespace = namespace

    def get_state(self, state_descriptor):
        backend = self._backend
        return _ScopedState(backend, backend.get_state(state_descriptor), self._namespace)

    get_list_state = get_state
    get_map_state = get_state
    get_reducing_state = get_state
    get_aggregating_state = get_state


class _GlobalRuntimeContext:
    """The window functions' runtime context: keyed state outside any window, as in Flink."""

    def __init__(self, runtime_context, backend):
        self._runtime_context = runtime_context
        self._store = _StateStore(backend, _GLOBAL)

    def __getattr__(self, name):
        if name.startswith("get_") and name.endswith("state"):
            return getattr(self._store, name)
        return getattr(self._runtime_context, name)


class _AssignerContext(WindowAssigner.WindowAssignerContext):
    def __init__(self, runtime_context):
        self._runtime_context = runtime_context

    def get_current_processing_time(self):
        return _now()

    def get_runtime_context(self):
        return self._runtime_context


class _TriggerContext(Trigger.OnMergeContext):
    """The trigger's view of the current key and ``window``; ``merged`` are the windows being
    merged into it during ``on_merge``."""

    def __init__(self, backend):
        self._backend = backend
        self.window = None
        self.namespace = None
        self.merged = ()
        # The operator's root metric group, set when the stage opens.
        self.metric_group = None

    def get_current_processing_time(self):
        return _now()

    def get_current_watermark(self):
        return self._backend.watermark

    def get_metric_group(self):
        return self.metric_group

    def _timer(self, op, time):
        self._backend.register_timer(op, time, self.namespace)

    def register_processing_time_timer(self, time):
        self._timer(keyed_state.REGISTER_PROCESSING_TIME, time)

    def register_event_time_timer(self, time):
        self._timer(keyed_state.REGISTER_EVENT_TIME, time)

    def delete_processing_time_timer(self, time):
        self._timer(keyed_state.DELETE_PROCESSING_TIME, time)

    def delete_event_time_timer(self, time):
        self._timer(keyed_state.DELETE_EVENT_TIME, time)

    def get_partitioned_state(self, state_descriptor):
        # The operator makes the window's namespace current around every trigger call, so the
        # state object follows the window even if the trigger keeps it.
        return self._backend.get_state(state_descriptor)

    def merge_partitioned_state(self, state_descriptor):
        backend = self._backend
        state = backend.get_state(state_descriptor)
        sources = [encode_window(w) for w in self.merged]
        _merge_state(backend, state, state_descriptor._kind(), sources, self.namespace)


class _ProcessContext:
    """``ProcessWindowFunction.Context`` (and ProcessAllWindowFunction's) of one window."""

    def __init__(self, backend):
        self._backend = backend
        self._window = None
        self._namespace = None
        self._global_state = _StateStore(backend, _GLOBAL)

    def window(self):
        return self._window

    def current_processing_time(self):
        return _now()

    def current_watermark(self):
        return self._backend.watermark

    def window_state(self):
        return _StateStore(self._backend, self._namespace)

    def global_state(self):
        return self._global_state


class _MergeCallback(MergingWindowAssigner.MergeCallback):
    def __init__(self):
        self.merges = []

    def merge(self, to_be_merged, merge_result):
        self.merges.append((merge_result, list(to_be_merged)))


# ---------------------------------------------------------------------- the operator


class WindowStage(KeyedStage):
    """The window operator of one keyed Python operator; ``function`` is the plan's
    ``WindowOperation``."""

    emits_side_outputs = True

    def __init__(self, kind, function, backend, batch):
        super().__init__(kind, function, backend, batch)
        self._assigner = function.assigner
        self._trigger = function.trigger
        self._lateness = function.allowed_lateness
        self._late_tag = function.late_data_tag
        self._event_time = function.assigner.is_event_time()
        self._merging = isinstance(function.assigner, MergingWindowAssigner)
        self._incremental = function.incremental
        self._window_function = function.window_function
        if function.contents == "list":
            self._contents_kind = "list"
            self._contents = backend.declare(_CONTENTS, "list")
        elif function.contents == "reduce":
            self._contents_kind = "reducing"
            self._contents = backend.declare(_CONTENTS, "reducing", function=function.incremental)
        else:
            self._contents_kind = "aggregating"
            self._contents = backend.declare(
                _CONTENTS, "aggregating", function=function.incremental
            )
        if self._merging:
            self._merging_windows = backend.declare(_MERGING_WINDOWS, "value")
        self._trigger_context = _TriggerContext(backend)
        self._process_context = _ProcessContext(backend)
        self._emit = self._window_emitter(function)
        self._assigner_context = None

    def _window_emitter(self, operation):
        """The call that turns a fired window's contents into results."""
        function = self._window_function
        backend = self.backend
        if function is None:
            return lambda window, contents: contents
        if operation.calls_process:
            context = self._process_context
            if operation.keyed:
                return lambda window, contents: function.process(backend.key, context, contents)
            return lambda window, contents: function.process(context, contents)
        if operation.keyed:
            return lambda window, contents: function.apply(backend.key, window, contents)
        return lambda window, contents: function.apply(window, contents)

    def open(self, runtime_context):
        runtime_context = _GlobalRuntimeContext(runtime_context, self.backend)
        self._trigger_context.metric_group = runtime_context.get_metrics_group()
        self._assigner_context = _AssignerContext(runtime_context)
        for function in (self._incremental, self._window_function):
            open_method = getattr(function, "open", None)
            if callable(open_method):
                open_method(runtime_context)

    def close(self):
        for function in (self._incremental, self._window_function):
            close_method = getattr(function, "close", None)
            if callable(close_method):
                close_method()

    def process(self, key_ids, keys, values, timestamps, timers, namespaces):
        backend = self.backend
        out, out_ts = [], []
        for i, value in enumerate(values):
            backend.key_id = key_ids[i]
            backend.key = keys[i]
            if timers[i] is None:
                self._on_element(value, timestamps[i], out, out_ts)
            else:
                self._on_timer(timers[i] == 0, timestamps[i], namespaces[i], out, out_ts)
        backend.namespace = _GLOBAL
        return out, out_ts

    # ------------------------------------------------------------------ records

    def _on_element(self, value, timestamp, out, out_ts):
        backend = self.backend
        backend.namespace = _GLOBAL
        windows = self._assigner.assign_windows(value, timestamp, self._assigner_context)
        skipped = True
        if self._merging:
            merging = list(self._merging_windows.value() or ())
            for window in windows:
                window = self._add_merging_window(merging, window)
                if self._is_window_late(window):
                    merging.remove(window)
                    continue
                skipped = False
                self._add_to_window(window, value, timestamp, out, out_ts)
            backend.namespace = _GLOBAL
            self._merging_windows.update(merging)
        else:
            for window in windows:
                if self._is_window_late(window):
                    continue
                skipped = False
                self._add_to_window(window, value, timestamp, out, out_ts)
        if skipped and self._is_element_late(timestamp) and self._late_tag is not None:
            out.append(SideOutput(self._late_tag, value))
            out_ts.append(timestamp)

    def _add_to_window(self, window, value, timestamp, out, out_ts):
        backend = self.backend
        namespace = encode_window(window)
        backend.namespace = namespace
        self._contents.add(value)
        context = self._trigger_context
        context.window = window
        context.namespace = namespace
        result = self._trigger.on_element(value, timestamp, window, context)
        self._apply_trigger_result(result, window, namespace, out, out_ts)
        self._cleanup_timer(window, namespace, register=True)

    def _add_merging_window(self, merging, new_window):
        """Adds ``new_window`` to the key's windows ``merging``, merging it (and others) as the
        assigner says; returns the window ``new_window`` ended up in."""
        callback = _MergeCallback()
        self._assigner.merge_windows(merging + [new_window], callback)
        result = new_window
        for merge_result, to_be_merged in callback.merges:
            if new_window in to_be_merged:
                result = merge_result
            existing = [w for w in to_be_merged if w in merging]
            for window in existing:
                merging.remove(window)
            if merge_result not in merging:
                merging.append(merge_result)
            sources = [w for w in existing if w != merge_result]
            if sources:
                self._merge_windows(merge_result, sources)
        if result not in merging:
            merging.append(result)
        return result

    def _merge_windows(self, merge_result, merged):
        """Moves the contents and trigger state of the windows ``merged`` into ``merge_result``
        and retires their timers."""
        if self._event_time and self._cleanup_time(merge_result) <= self.backend.watermark:
            raise RuntimeError(
                "Merging windows %r into %r made a window end before the watermark %d"
                % (merged, merge_result, self.backend.watermark)
            )
        backend = self.backend
        target = encode_window(merge_result)
        context = self._trigger_context
        context.window = merge_result
        context.namespace = target
        context.merged = merged
        backend.namespace = target
        self._trigger.on_merge(merge_result, context)
        context.merged = ()
        for window in merged:
            namespace = encode_window(window)
            context.window = window
            context.namespace = namespace
            backend.namespace = namespace
            self._trigger.clear(window, context)
            self._cleanup_timer(window, namespace, register=False)
        sources = [encode_window(w) for w in merged]
        _merge_state(backend, self._contents, self._contents_kind, sources, target)

    # ------------------------------------------------------------------ timers

    def _on_timer(self, event_time, time, namespace, out, out_ts):
        backend = self.backend
        window = decode_window(namespace)
        merging = None
        if self._merging:
            backend.namespace = _GLOBAL
            merging = list(self._merging_windows.value() or ())
            if window not in merging:
                # A timer of a window merged away or already cleaned up: nothing left to do.
                return
        backend.namespace = namespace
        context = self._trigger_context
        context.window = window
        context.namespace = namespace
        if event_time:
            result = self._trigger.on_event_time(time, window, context)
        else:
            result = self._trigger.on_processing_time(time, window, context)
        self._apply_trigger_result(result, window, namespace, out, out_ts)
        if event_time == self._event_time and time == self._cleanup_time(window):
            self._clear_all_state(window, namespace)
            if merging is not None:
                merging.remove(window)
                backend.namespace = _GLOBAL
                self._merging_windows.update(merging)

    def _clear_all_state(self, window, namespace):
        backend = self.backend
        backend.namespace = namespace
        self._contents.clear()
        context = self._trigger_context
        context.window = window
        context.namespace = namespace
        self._trigger.clear(window, context)
        if self.function.calls_process:
            process_context = self._process_context
            process_context._window = window
            process_context._namespace = namespace
            self._window_function.clear(process_context)

    # ------------------------------------------------------------------ firing

    def _apply_trigger_result(self, result, window, namespace, out, out_ts):
        if result.is_fire():
            self.backend.namespace = namespace
            contents = self._contents_value()
            if contents is not None:
                process_context = self._process_context
                process_context._window = window
                process_context._namespace = namespace
                results = self._emit(window, contents)
                if results is not None:
                    _collect(results, window.max_timestamp(), out, out_ts)
        if result.is_purge():
            self.backend.namespace = namespace
            self._contents.clear()

    def _contents_value(self):
        """The current window's contents as the elements the window function gets, or None."""
        if self._contents_kind == "list":
            items = self._contents.get()
            return items if items else None
        value = self._contents.get()
        return None if value is None else [value]

    # ------------------------------------------------------------------ time

    def _cleanup_time(self, window):
        """When the window's state goes: its end plus the allowed lateness in event time."""
        end = window.max_timestamp()
        if not self._event_time:
            return end
        return min(end + self._lateness, keyed_state.MAX_TIMESTAMP)

    def _cleanup_timer(self, window, namespace, register):
        time = self._cleanup_time(window)
        if time == keyed_state.MAX_TIMESTAMP:
            return  # a window that never ends is never cleaned up
        if self._event_time:
            op = keyed_state.REGISTER_EVENT_TIME if register else keyed_state.DELETE_EVENT_TIME
        else:
            op = (
                keyed_state.REGISTER_PROCESSING_TIME
                if register
                else keyed_state.DELETE_PROCESSING_TIME
            )
        self.backend.register_timer(op, time, namespace)

    def _is_window_late(self, window):
        return self._event_time and self._cleanup_time(window) <= self.backend.watermark

    def _is_element_late(self, timestamp):
        return (
            self._event_time
            and timestamp is not None
            and timestamp + self._lateness <= self.backend.watermark
        )

"""Broadcast state and the broadcast process functions that use it.

A broadcast operator has two inputs: the non-broadcast stream (keyed or not) and the broadcast
stream, whose elements reach every subtask. Both arrive as rows of the same batches, in arrival
order; a broadcast element's row is flagged (column ``input`` of a non-keyed batch, ``timer`` of a
keyed one) and carries its value in column ``broadcast``.

Broadcast state is small and only this subtask changes it, so the worker keeps it whole: Java sends
its contents once after OPEN (BROADCAST_STATE), and each bundle's changes go back with BUNDLE_DONE,
after the keyed writes, into the operator state backend (``PythonBroadcastState``), which
checkpoints it. Keys and values cross as pickles; keys compare by their pickled bytes, as map
state keys do.
"""

import pickle
import struct
import time

import cloudpickle

from . import state as keyed_state
from .functions import KeyedStage, Stage, _collect, _time_domain, method

# Writes; mirror dev.brook.python.PythonBroadcastState.
PUT, REMOVE, CLEAR = 1, 2, 3

# Column "input" of a non-keyed broadcast batch, "timer" of a keyed one: a broadcast element.
BROADCAST_INPUT = 2
BROADCAST_ROW = 3

_dumps = cloudpickle.dumps
_loads = pickle.loads


def _bytes(value):
    return struct.pack(">i", len(value)) + value


class BroadcastStates:
    """The broadcast states of one operator, by name, and the changes of the current bundle."""

    def __init__(self, names):
        self._names = list(names)
        self._states = {
            name: BroadcastStateImpl(self, index, name) for index, name in enumerate(self._names)
        }
        self._writes = []

    def load(self, payload):
        """The contents Java sent after OPEN (restored from a checkpoint, or empty)."""
        (count,) = struct.unpack_from(">i", payload)
        offset = 4
        for name in self._names[:count]:
            (entries,) = struct.unpack_from(">i", payload, offset)
            offset += 4
            items = self._states[name]._items
            for _ in range(entries):
                (length,) = struct.unpack_from(">i", payload, offset)
                mk = bytes(payload[offset + 4 : offset + 4 + length])
                offset += 4 + length
                (length,) = struct.unpack_from(">i", payload, offset)
                value = _loads(payload[offset + 4 : offset + 4 + length])
                offset += 4 + length
                items[mk] = (_loads(mk), value)

    def get(self, descriptor, read_only):
        name = descriptor.get_name() if hasattr(descriptor, "get_name") else descriptor
        state = self._states.get(name)
        if state is None:
            raise ValueError(
                "The broadcast state '%s' does not exist; this operator has %s. Pass its "
                "MapStateDescriptor to DataStream.broadcast(...), or check the name for typos."
                % (name, sorted(self._names) or "none")
            )
        return state.read_only if read_only else state

    def _write(self, op, index, *args):
        self._writes.append(b"".join((struct.pack(">Bi", op, index),) + args))

    def end_bundle(self):
        """The bundle's changes as the tail of a BUNDLE_DONE payload."""
        writes = self._writes
        self._writes = []
        return struct.pack(">i", len(writes)) + b"".join(writes)


class ReadOnlyBroadcastStateImpl:
    """What ``process_element`` sees: the broadcast state, read-only, since only the broadcast side
    may change it (so that every subtask holds the same state)."""

    def __init__(self, state):
        self._state = state

    def get(self, key):
        found = self._state._items.get(keyed_state._map_key(key))
        return None if found is None else found[1]

    def contains(self, key):
        return keyed_state._map_key(key) in self._state._items

    def items(self):
        return iter(list(self._state._items.values()))

    def keys(self):
        return iter([k for k, _ in self._state._items.values()])

    def values(self):
        return iter([v for _, v in self._state._items.values()])

    def is_empty(self):
        return not self._state._items

    def __getitem__(self, key):
        found = self._state._items.get(keyed_state._map_key(key))
        if found is None:
            raise KeyError(key)
        return found[1]

    def __contains__(self, key):
        return self.contains(key)

    def __iter__(self):
        return self.keys()

    def _read_only(self, *args, **kwargs):
        raise RuntimeError(
            "The broadcast state '%s' is read-only in process_element() and on_timer(): change it "
            "in process_broadcast_element(), so that every parallel instance holds the same state"
            % self._state._name
        )

    put = put_all = remove = clear = __setitem__ = __delitem__ = _read_only


class BroadcastStateImpl(ReadOnlyBroadcastStateImpl):
    """What ``process_broadcast_element`` sees: the broadcast state, writable."""

    def __init__(self, states, index, name):
        self._state = self
        self._states = states
        self._index = index
        self._name = name
        self._items = {}  # pickled key -> (key, value)
        self.read_only = ReadOnlyBroadcastStateImpl(self)

    def put(self, key, value):
        mk = keyed_state._map_key(key)
        self._items[mk] = (key, value)
        self._states._write(PUT, self._index, _bytes(mk), _bytes(_dumps(value)))

    def put_all(self, dict_value):
        for key, value in dict_value.items():
            self.put(key, value)

    def remove(self, key):
        mk = keyed_state._map_key(key)
        self._items.pop(mk, None)
        self._states._write(REMOVE, self._index, _bytes(mk))

    def clear(self):
        self._items.clear()
        self._states._write(CLEAR, self._index)

    def __setitem__(self, key, value):
        self.put(key, value)

    def __delitem__(self, key):
        self.remove(key)


# ---------------------------------------------------------------------- contexts


class _Context:
    """``BroadcastProcessFunction.Context`` and ``ReadOnlyContext``; keyed, also
    ``KeyedBroadcastProcessFunction.ReadOnlyContext`` and ``OnTimerContext``."""

    __slots__ = ("_states", "_read_only", "_watermark", "_timestamp", "_backend", "_timers",
                 "_time_domain")

    def __init__(self, states, read_only, watermark, backend=None):
        self._states = states
        self._read_only = read_only
        self._watermark = watermark
        self._timestamp = None
        self._backend = backend
        self._timers = None if backend is None else keyed_state.TimerService(backend)
        self._time_domain = None

    def get_broadcast_state(self, state_descriptor):
        return self._states.get(state_descriptor, self._read_only)

    def timestamp(self):
        return self._timestamp

    def current_processing_time(self):
        return int(time.time() * 1000)

    def current_watermark(self):
        if self._backend is not None:
            return self._backend.watermark
        return self._watermark[0]

    def timer_service(self):
        if self._timers is None or not self._read_only:
            raise RuntimeError(
                "Timers can only be set for a key: use ctx.timer_service() in process_element() "
                "or on_timer() of a KeyedBroadcastProcessFunction"
            )
        return self._timers

    def get_current_key(self):
        if self._backend is None or not self._read_only:
            raise RuntimeError(
                "There is no current key in process_broadcast_element(): a broadcast element "
                "belongs to no key"
            )
        return self._backend.key

    def time_domain(self):
        return self._time_domain


class BroadcastProcessStage(Stage):
    """A BroadcastProcessFunction: ``process_element`` for records of the non-broadcast input,
    ``process_broadcast_element`` for broadcast elements."""

    emits_side_outputs = True

    def __init__(self, kind, function, states):
        super().__init__(kind, function)
        self.states = states

    def process(self, values, timestamps, inputs, broadcasts):
        process_element = method(self.function, "process_element")
        process_broadcast = method(self.function, "process_broadcast_element")
        read_only = _Context(self.states, True, self.watermark)
        writable = _Context(self.states, False, self.watermark)
        out, out_ts = [], []
        for i, t in enumerate(timestamps):
            if inputs[i] == BROADCAST_INPUT:
                writable._timestamp = t
                results = process_broadcast(broadcasts[i], writable)
            else:
                read_only._timestamp = t
                results = process_element(values[i], read_only)
            if results is not None:
                _collect(results, t, out, out_ts)
        return out, out_ts


class KeyedBroadcastProcessStage(KeyedStage):
    """A KeyedBroadcastProcessFunction: records and timers run for their key (keyed state and
    timers work as in a KeyedProcessFunction); broadcast elements for no key."""

    emits_side_outputs = True

    def __init__(self, kind, function, backend, batch, states):
        super().__init__(kind, function, backend, batch)
        self.states = states

    def process(self, key_ids, keys, values, timestamps, timers, namespaces, broadcasts=None):
        backend = self.backend
        backend.prefetch(
            backend.value_states(), [k for k, timer in zip(key_ids, timers) if timer != BROADCAST_ROW]
        )
        function = self.function
        process_element = method(function, "process_element")
        process_broadcast = method(function, "process_broadcast_element")
        on_timer = getattr(function, "on_timer", None)
        read_only = _Context(self.states, True, None, backend)
        writable = _Context(self.states, False, None, backend)
        domains = (_time_domain(0), _time_domain(1))
        out, out_ts = [], []
        for i, timer in enumerate(timers):
            t = timestamps[i]
            if timer == BROADCAST_ROW:
                backend.key_id = backend.key = None
                writable._timestamp = t
                results = process_broadcast(broadcasts[i], writable)
            else:
                backend.key_id = key_ids[i]
                backend.key = keys[i]
                read_only._timestamp = t
                if timer is None:
                    read_only._time_domain = None
                    results = process_element(values[i], read_only)
                else:
                    read_only._time_domain = domains[0 if timer == 0 else 1]
                    if timer != 0:
                        t = None
                    results = on_timer(timestamps[i], read_only) if on_timer is not None else None
            if results is not None:
                _collect(results, t, out, out_ts)
        return out, out_ts

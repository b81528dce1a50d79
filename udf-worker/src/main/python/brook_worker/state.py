"""Keyed state and timers of one operator, served by the Java state backend.

Every state lives in Java (``PythonKeyedState``), so checkpoints and TTL cover it. The worker keeps
a cache for the current bundle: the first access of a (key, state, namespace) reads it from Java,
later accesses and all writes stay here, and the bundle's writes go back with BUNDLE_DONE. So a
state access costs a round trip at most once per key and bundle, and ``prefetch`` folds the reads
of a whole batch into one. Between bundles Java holds the truth, and checkpoints read it.

Keys are named by the bundle-local id Java gave them; namespaces are bytes (``b""`` outside
windows). Values, list elements and map keys cross as pickles.
"""

import itertools
import pickle
import struct
import time

import cloudpickle

from . import protocol

# Reads (STATE_REQUEST) and writes (BUNDLE_DONE); mirror dev.brook.python.PythonKeyedState.
GET, LIST, MAP_GET, MAP_ALL = 1, 2, 3, 4
SET, CLEAR, LIST_SET, LIST_ADD, MAP_PUT, MAP_REMOVE = 1, 2, 3, 4, 5, 6

# Timer operations (TIMERS); mirror PythonFunctionOperator.
REGISTER_EVENT_TIME, REGISTER_PROCESSING_TIME, DELETE_EVENT_TIME, DELETE_PROCESSING_TIME = 0, 1, 2, 3

MIN_WATERMARK = -(2**63)
MAX_TIMESTAMP = 2**63 - 1

_ABSENT = object()
_dumps = cloudpickle.dumps
_loads = pickle.loads


def _map_key(key):
    """Map keys compare in Java by their pickled bytes, so they must pickle the same every time."""
    return pickle.dumps(key, protocol=5)


def _bytes(value):
    if value is None:
        return struct.pack(">i", -1)
    return struct.pack(">i", len(value)) + value


class KeyedBackend:
    """The current key and namespace, the declared states, the bundle's cache and timers."""

    def __init__(self, emit_state, replies, batch=False):
        # Frames on the state stream; Java answers each in ``replies``, in order.
        self._emit = emit_state
        # BATCH: timers stay here, per key: event time ends when the key's input does and
        # processing-time timers never fire, so Java need not know them.
        self._batch = batch
        self._key_timers = {}  # key id -> {(timestamp, namespace)}
        self._replies = replies
        self._request_ids = itertools.count(1)
        self._states = {}
        self._value_states = []
        self._values = {}  # (key id, state id, ns) -> value or None (value, reducing, aggregating)
        self._lists = {}  # (key id, state id, ns) -> _ListEntry
        self._maps = {}  # (key id, state id, ns) -> _MapEntry
        self._dirty = set()  # value entries to write back
        self._timers = []
        self.key_id = None
        self.key = None
        self.namespace = b""
        self.watermark = MIN_WATERMARK

    # ------------------------------------------------------------------ declaring

    def get_state(self, descriptor):
        """The state object of ``descriptor`` (one per name), declared to Java on first use."""
        kind = descriptor._kind()
        function = None
        if kind == "reducing":
            function = descriptor.get_reduce_function()
        elif kind == "aggregating":
            function = descriptor.get_agg_function()
        ttl = descriptor._ttl_config
        ttl = None if ttl is None or not ttl.is_enabled() else ttl._to_json()
        return self.declare(descriptor.get_name(), kind, ttl, function)

    def declare(self, name, kind, ttl=None, function=None):
        state = self._states.get(name)
        if state is not None:
            return state
        state_id = len(self._states) + 1
        spec = {"id": state_id, "name": name, "kind": kind, "ttl": ttl}
        if kind == "value":
            state = ValueStateImpl(self, state_id)
        elif kind == "list":
            state = ListStateImpl(self, state_id)
        elif kind == "map":
            state = MapStateImpl(self, state_id)
        elif kind == "reducing":
            state = ReducingStateImpl(self, state_id, function)
        elif kind == "aggregating":
            state = AggregatingStateImpl(self, state_id, function)
        else:
            raise NotImplementedError("Python state of kind '%s'" % kind)
        self._emit(protocol.STATE_DECLARE, protocol.json_bytes(spec))
        # Java acknowledges the declaration: the bundle's writes, which go back on the data
        # stream with BUNDLE_DONE, must not overtake it.
        self._replies.get()
        self._states[name] = state
        if isinstance(state, _ValueKind):
            self._value_states.append(state)
        return state

    def value_states(self):
        """The declared states kept as one value per key (value, reducing, aggregating)."""
        return self._value_states

    # ------------------------------------------------------------------ reading

    def _no_key(self):
        return RuntimeError(
            "Keyed state is not available here: there is no current key (a broadcast element "
            "belongs to no key). Use keyed state in process_element() or on_timer()."
        )

    def _request(self, reads):
        """Sends one STATE_REQUEST for ``reads`` [(op, key id, state id, ns, map key bytes)]; the
        raw reply payload and the offset of its first answer."""
        request_id = next(self._request_ids)
        parts = [struct.pack(">ii", request_id, len(reads))]
        for op, key_id, state_id, ns, map_key in reads:
            parts.append(struct.pack(">Bii", op, key_id, state_id))
            parts.append(_bytes(ns))
            if op == MAP_GET:
                parts.append(_bytes(map_key))
        self._emit(protocol.STATE_REQUEST, b"".join(parts))
        reply = self._replies.get()
        reply_id, count = struct.unpack_from(">ii", reply)
        if reply_id != request_id or count != len(reads):
            raise RuntimeError(
                "State reply %d (%d values) does not answer request %d (%d reads)"
                % (reply_id, count, request_id, len(reads))
            )
        return reply, 8

    @staticmethod
    def _read_bytes(reply, offset):
        (length,) = struct.unpack_from(">i", reply, offset)
        offset += 4
        if length < 0:
            return None, offset
        return bytes(reply[offset : offset + length]), offset + length

    def prefetch(self, states, key_ids, namespace=b""):
        """Reads the value-kind ``states`` of every key in ``key_ids`` not yet cached, in one
        round trip."""
        missing = []
        values = self._values
        for key_id in dict.fromkeys(key_ids):
            for state in states:
                slot = (key_id, state._id, namespace)
                if slot not in values:
                    missing.append(slot)
        if not missing:
            return
        reply, offset = self._request([(GET, k, s, ns, None) for k, s, ns in missing])
        for slot in missing:
            value, offset = self._read_bytes(reply, offset)
            values[slot] = None if value is None else _loads(value)

    def _value(self, state_id):
        slot = (self.key_id, state_id, self.namespace)
        try:
            return self._values[slot]
        except KeyError:
            if self.key_id is None:
                raise self._no_key() from None
        reply, offset = self._request([(GET, self.key_id, state_id, self.namespace, None)])
        value, _ = self._read_bytes(reply, offset)
        value = None if value is None else _loads(value)
        self._values[slot] = value
        return value

    def _set_value(self, state_id, value):
        if self.key_id is None:
            raise self._no_key()
        slot = (self.key_id, state_id, self.namespace)
        self._values[slot] = value
        self._dirty.add(slot)

    def _list(self, state_id, load):
        if self.key_id is None:
            raise self._no_key()
        slot = (self.key_id, state_id, self.namespace)
        entry = self._lists.get(slot)
        if entry is None:
            entry = self._lists[slot] = _ListEntry()
        if load and not entry.complete:
            reply, offset = self._request([(LIST, self.key_id, state_id, self.namespace, None)])
            (count,) = struct.unpack_from(">i", reply, offset)
            offset += 4
            stored = []
            for _ in range(count):
                value, offset = self._read_bytes(reply, offset)
                stored.append(_loads(value))
            entry.items = stored + entry.items
            entry.complete = True
            if entry.dirty:
                entry.replace = True
        return entry

    def _map(self, state_id):
        if self.key_id is None:
            raise self._no_key()
        slot = (self.key_id, state_id, self.namespace)
        entry = self._maps.get(slot)
        if entry is None:
            entry = self._maps[slot] = _MapEntry()
        return entry

    def _map_get(self, state_id, entry, key):
        mk = _map_key(key)
        found = entry.items.get(mk, _ABSENT)
        if found is not _ABSENT:
            return mk, found
        if entry.complete:
            return mk, _ABSENT
        reply, offset = self._request([(MAP_GET, self.key_id, state_id, self.namespace, mk)])
        value, _ = self._read_bytes(reply, offset)
        found = _ABSENT if value is None else (key, _loads(value))
        entry.items[mk] = found
        return mk, found

    def _map_load(self, state_id, entry):
        if entry.complete:
            return
        reply, offset = self._request([(MAP_ALL, self.key_id, state_id, self.namespace, None)])
        (count,) = struct.unpack_from(">i", reply, offset)
        offset += 4
        for _ in range(count):
            mk, offset = self._read_bytes(reply, offset)
            value, offset = self._read_bytes(reply, offset)
            if mk not in entry.items:  # this bundle's writes win
                entry.items[mk] = (_loads(mk), _loads(value))
        entry.complete = True

    # ------------------------------------------------------------------ timers

    def register_timer(self, op, timestamp, namespace=None):
        namespace = self.namespace if namespace is None else namespace
        if not self._batch:
            self._timers.append((op, self.key_id, int(timestamp), namespace))
        elif op == REGISTER_EVENT_TIME:
            self._key_timers.setdefault(self.key_id, set()).add((int(timestamp), namespace))
        elif op == DELETE_EVENT_TIME:
            self._key_timers.get(self.key_id, set()).discard((int(timestamp), namespace))

    def pop_key_timer(self, key_id):
        """BATCH: the earliest event-time timer of ``key_id`` (timestamp, namespace), removed, or
        None."""
        timers = self._key_timers.get(key_id)
        if not timers:
            return None
        first = min(timers)
        timers.remove(first)
        return first

    def end_key(self, key_id):
        """BATCH: the key's input and timers are over; Java drops its state, so the cache forgets
        it and writes nothing back."""
        self._key_timers.pop(key_id, None)
        for cache in (self._values, self._lists, self._maps):
            for slot in [slot for slot in cache if slot[0] == key_id]:
                del cache[slot]
        self._dirty = {slot for slot in self._dirty if slot[0] != key_id}

    def timers_frame(self):
        """The TIMERS payload of the timers registered since the last call, or None."""
        if not self._timers:
            return None
        parts = [struct.pack(">i", len(self._timers))]
        for op, key_id, timestamp, ns in self._timers:
            parts.append(struct.pack(">Biq", op, key_id, timestamp))
            parts.append(_bytes(ns))
        self._timers.clear()
        return b"".join(parts)

    # ------------------------------------------------------------------ bundle end

    def end_bundle(self):
        """The bundle's writes as the tail of a BUNDLE_DONE payload; clears the cache."""
        writes = []

        def write(op, slot, *args):
            key_id, state_id, ns = slot
            writes.append(b"".join((struct.pack(">Bii", op, key_id, state_id), _bytes(ns)) + args))

        for slot in self._dirty:
            value = self._values[slot]
            if value is None:
                write(CLEAR, slot)
            else:
                write(SET, slot, _bytes(_dumps(value)))
        for slot, entry in self._lists.items():
            if not entry.dirty:
                continue
            if entry.replace and not entry.items:
                write(CLEAR, slot)
                continue
            items = [_bytes(_dumps(v)) for v in entry.items]
            op = LIST_SET if entry.replace else LIST_ADD
            write(op, slot, struct.pack(">i", len(items)), *items)
        for slot, entry in self._maps.items():
            if entry.cleared:
                write(CLEAR, slot)
            for mk in entry.written:
                found = entry.items[mk]
                if found is not _ABSENT:
                    write(MAP_PUT, slot, _bytes(mk), _bytes(_dumps(found[1])))
                elif not entry.cleared:
                    write(MAP_REMOVE, slot, _bytes(mk))
        self._values.clear()
        self._lists.clear()
        self._maps.clear()
        self._dirty.clear()
        return struct.pack(">i", len(writes)) + b"".join(writes)


class _ListEntry:
    """A list in the cache: ``complete`` once read from Java; otherwise ``items`` are only what
    this bundle appended. ``replace``: written back whole instead of appended."""

    __slots__ = ("items", "complete", "dirty", "replace")

    def __init__(self):
        self.items = []
        self.complete = False
        self.dirty = False
        self.replace = False


class _MapEntry:
    """A map in the cache: ``items`` maps pickled keys to (key, value) or _ABSENT; ``complete``
    once every entry was read; ``written`` the keys to write back; ``cleared`` clears it first."""

    __slots__ = ("items", "complete", "written", "cleared")

    def __init__(self):
        self.items = {}
        self.complete = False
        self.written = set()
        self.cleared = False


class _StateImpl:
    def __init__(self, backend, state_id):
        self._backend = backend
        self._id = state_id


class _ValueKind(_StateImpl):
    def clear(self):
        self._backend._set_value(self._id, None)


class ValueStateImpl(_ValueKind):
    def value(self):
        return self._backend._value(self._id)

    def update(self, value):
        self._backend._set_value(self._id, value)


class ReducingStateImpl(_ValueKind):
    def __init__(self, backend, state_id, reduce_function):
        super().__init__(backend, state_id)
        reduce = getattr(reduce_function, "reduce", None)
        self._reduce = reduce if callable(reduce) else reduce_function

    def get(self):
        return self._backend._value(self._id)

    def add(self, value):
        current = self._backend._value(self._id)
        self._backend._set_value(self._id, value if current is None else self._reduce(current, value))

    def __iter__(self):
        return iter([self.get()])


class AggregatingStateImpl(_ValueKind):
    def __init__(self, backend, state_id, aggregate_function):
        super().__init__(backend, state_id)
        self._function = aggregate_function

    def get(self):
        accumulator = self._backend._value(self._id)
        return None if accumulator is None else self._function.get_result(accumulator)

    def add(self, value):
        accumulator = self._backend._value(self._id)
        if accumulator is None:
            accumulator = self._function.create_accumulator()
        self._backend._set_value(self._id, self._function.add(value, accumulator))

    def __iter__(self):
        return iter([self.get()])


class ListStateImpl(_StateImpl):
    def get(self):
        return list(self._backend._list(self._id, load=True).items)

    def __iter__(self):
        return iter(self.get())

    def add(self, value):
        entry = self._backend._list(self._id, load=False)
        entry.items.append(value)
        entry.dirty = True

    def add_all(self, values):
        entry = self._backend._list(self._id, load=False)
        entry.items.extend(values)
        entry.dirty = True

    def update(self, values):
        entry = self._backend._list(self._id, load=False)
        entry.items = list(values)
        entry.complete = entry.dirty = entry.replace = True

    def clear(self):
        self.update([])


class MapStateImpl(_StateImpl):
    def get(self, key):
        backend = self._backend
        _, found = backend._map_get(self._id, backend._map(self._id), key)
        return None if found is _ABSENT else found[1]

    def put(self, key, value):
        entry = self._backend._map(self._id)
        mk = _map_key(key)
        entry.items[mk] = (key, value)
        entry.written.add(mk)

    def put_all(self, dict_value):
        for key, value in dict_value.items():
            self.put(key, value)

    def remove(self, key):
        entry = self._backend._map(self._id)
        mk = _map_key(key)
        entry.items[mk] = _ABSENT
        entry.written.add(mk)

    def contains(self, key):
        backend = self._backend
        _, found = backend._map_get(self._id, backend._map(self._id), key)
        return found is not _ABSENT

    def _entries(self):
        backend = self._backend
        entry = backend._map(self._id)
        backend._map_load(self._id, entry)
        return [found for found in entry.items.values() if found is not _ABSENT]

    def items(self):
        return iter(self._entries())

    def keys(self):
        return iter([k for k, _ in self._entries()])

    def values(self):
        return iter([v for _, v in self._entries()])

    def is_empty(self):
        return not self._entries()

    def clear(self):
        entry = self._backend._map(self._id)
        entry.items = {}
        entry.written = set()
        entry.complete = entry.cleared = True

    def __getitem__(self, key):
        backend = self._backend
        _, found = backend._map_get(self._id, backend._map(self._id), key)
        if found is _ABSENT:
            raise KeyError(key)
        return found[1]

    def __setitem__(self, key, value):
        self.put(key, value)

    def __delitem__(self, key):
        self.remove(key)

    def __contains__(self, key):
        return self.contains(key)

    def __iter__(self):
        return self.keys()


class TimerService:
    """``ctx.timer_service()`` of keyed functions: timers of the current key (and namespace)."""

    def __init__(self, backend):
        self._backend = backend

    def current_processing_time(self):
        return int(time.time() * 1000)

    def current_watermark(self):
        return self._backend.watermark

    def register_event_time_timer(self, timestamp):
        self._backend.register_timer(REGISTER_EVENT_TIME, timestamp)

    def register_processing_time_timer(self, timestamp):
        self._backend.register_timer(REGISTER_PROCESSING_TIME, timestamp)

    def delete_event_time_timer(self, timestamp):
        self._backend.register_timer(DELETE_EVENT_TIME, timestamp)

    def delete_processing_time_timer(self, timestamp):
        self._backend.register_timer(DELETE_PROCESSING_TIME, timestamp)

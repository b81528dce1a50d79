"""One Brook operator instance in the worker: its fused chain, its keyed-state cache, its thread.

Frames for the operator arrive in ``inbox`` in the order Java sent them; each is handled to the end
before the next, so outputs leave in input order. State replies arrive in ``replies`` instead, so
the thread can wait for one in the middle of a batch while later frames queue up.

Keyed state: Java names each key of a bundle by a small id (the ``key_id`` column). The first time
a batch mentions a key, its state is read with one STATE_REQUEST for all such keys; updates stay in
the cache and go back with BUNDLE_DONE, after which the cache is dropped (Java's backend is the
truth between bundles, and checkpoints read it).
"""

import itertools
import json
import os
import queue
import struct
import sys
import threading
import traceback

import cloudpickle
import pyarrow as pa

from . import conversions, functions, protocol

_REDUCE_STATE = "reduce"
_WORKER_DIR = os.path.dirname(os.path.abspath(__file__))


def format_user_traceback(error):
    """The traceback of ``error`` without the worker's own frames, so the user's come first."""
    tb = traceback.TracebackException.from_exception(error)
    tb.stack = traceback.StackSummary.from_list(
        [f for f in tb.stack if not os.path.abspath(f.filename).startswith(_WORKER_DIR)]
    )
    return "".join(tb.format())


class Operator:
    def __init__(self, operator_id, send):
        self.operator_id = operator_id
        self._send = send
        self.inbox = queue.Queue()
        self.replies = queue.Queue()
        self._request_ids = itertools.count(1)
        self._failed = False
        self._stages = []
        self._reducer = None
        self._reducer_function = None
        self._cache = {}
        self._dirty = set()
        self._thread = threading.Thread(
            target=self._run, name="operator-%d" % operator_id, daemon=True
        )
        self._thread.start()

    def _emit(self, frame_type, payload=b""):
        self._send(protocol.frame(frame_type, self.operator_id, payload))

    def _run(self):
        while True:
            frame_type, payload = self.inbox.get()
            if frame_type == protocol.CLOSE:
                self._close()
                return
            if self._failed:
                continue
            try:
                if frame_type == protocol.OPEN:
                    self._open(json.loads(bytes(payload)))
                elif frame_type == protocol.BATCH:
                    self._process_batch(payload)
                elif frame_type == protocol.END_BUNDLE:
                    self._end_bundle(payload)
            except BaseException as e:  # noqa: B036 - any failure of user code fails the task
                self._failed = True
                self._emit(protocol.ERROR, format_user_traceback(e).encode("utf-8"))

    # ------------------------------------------------------------------ lifecycle

    def _open(self, spec):
        self._keyed = spec["keyed"]
        self._key_type = spec.get("key_type")
        self._input_type = spec["input_type"]
        self._output_type = spec["output_type"]
        self._side_types = [side["type"] for side in spec.get("side_outputs", [])]
        self._side_index = {side["tag"]: i for i, side in enumerate(spec.get("side_outputs", []))}
        runtime_context = functions.RuntimeContext(spec)
        chain = spec["functions"]
        first = chain[0]
        if first["kind"] in functions.KEYED_KINDS:
            function = functions.load(first)
            self._reducer = functions.method(function, "reduce")
            self._reducer_function = function
            chain = chain[1:]
            open_method = getattr(function, "open", None)
            if callable(open_method):
                open_method(runtime_context)
        for entry in chain:
            stage = functions.build_stage(entry["kind"], functions.load(entry))
            stage.open(runtime_context)
            self._stages.append(stage)

    def _close(self):
        try:
            close_reducer = getattr(self._reducer_function, "close", None)
            if callable(close_reducer):
                close_reducer()
            for stage in self._stages:
                stage.close()
        except BaseException as e:  # noqa: B036
            sys.stderr.write(format_user_traceback(e))

    # ------------------------------------------------------------------ records

    def _process_batch(self, payload):
        batch = pa.ipc.open_stream(pa.py_buffer(payload)).read_next_batch()
        timestamps = batch.column(batch.num_columns - 1).to_pylist()
        if self._keyed:
            values = conversions.from_arrow(batch.column(2), self._input_type)
            if self._reducer is not None:
                values = self._reduce(batch.column(0).to_pylist(), values)
        else:
            values = conversions.from_arrow(batch.column(0), self._input_type)
        side = []
        for stage in self._stages:
            values, timestamps = stage.apply(values, timestamps)
            if stage.emits_side_outputs:
                values, timestamps = self._split_side_outputs(values, timestamps, side)
        if not values and not side:
            self._emit(protocol.OUTPUT)
            return
        out = self._result_batch(values, timestamps, side)
        sink = pa.BufferOutputStream()
        with pa.ipc.new_stream(sink, out.schema) as writer:
            writer.write_batch(out)
        self._emit(protocol.OUTPUT, sink.getvalue().to_pybytes())

    def _split_side_outputs(self, values, timestamps, side):
        """Moves side-output values into ``side`` as (index, value, timestamp); values for side
        outputs nobody reads are dropped, as Java drops records of unread side outputs."""
        main, main_ts = [], []
        for v, t in zip(values, timestamps):
            if type(v) is functions.SideOutput:
                index = self._side_index.get(v.tag_id)
                if index is not None:
                    side.append((index, v.value, t))
            else:
                main.append(v)
                main_ts.append(t)
        return main, main_ts

    def _result_batch(self, values, timestamps, side):
        """Columns value, timestamp and, with side outputs, the side output's index (null for the
        main output) and one column per side output."""
        if not self._side_types:
            return pa.RecordBatch.from_arrays(
                [
                    conversions.to_arrow(values, self._output_type),
                    pa.array(timestamps, pa.int64()),
                ],
                names=["value", "timestamp"],
            )
        main_rows = len(values)
        columns = [
            conversions.to_arrow(values + [None] * len(side), self._output_type),
            pa.array(timestamps + [t for _, _, t in side], pa.int64()),
            pa.array([None] * main_rows + [i for i, _, _ in side], pa.int32()),
        ]
        for i, side_type in enumerate(self._side_types):
            column = [None] * main_rows + [v if index == i else None for index, v, _ in side]
            columns.append(conversions.to_arrow(column, side_type))
        names = ["value", "timestamp", "side"] + [
            "side_%d" % i for i in range(len(self._side_types))
        ]
        return pa.RecordBatch.from_arrays(columns, names=names)

    def _reduce(self, key_ids, values):
        self._load_state(key_ids)
        reduce = self._reducer
        cache = self._cache
        dirty = self._dirty
        out = []
        for key_id, value in zip(key_ids, values):
            current = cache[key_id]
            current = value if current is None else reduce(current, value)
            cache[key_id] = current
            dirty.add(key_id)
            out.append(current)
        return out

    def _load_state(self, key_ids):
        missing = [k for k in dict.fromkeys(key_ids) if k not in self._cache]
        if not missing:
            return
        request_id = next(self._request_ids)
        self._emit(
            protocol.STATE_REQUEST,
            protocol.state_request(request_id, [(k, _REDUCE_STATE) for k in missing]),
        )
        reply_id, stored = protocol.parse_state_reply(self.replies.get())
        if reply_id != request_id:
            raise RuntimeError(
                "State reply %d does not answer request %d" % (reply_id, request_id)
            )
        loads = cloudpickle.loads
        for key_id, value in zip(missing, stored):
            self._cache[key_id] = None if value is None else loads(value)

    def _end_bundle(self, payload):
        (bundle_id,) = struct.unpack_from(">q", payload)
        dumps = cloudpickle.dumps
        writes = [(k, _REDUCE_STATE, dumps(self._cache[k])) for k in sorted(self._dirty)]
        self._cache.clear()
        self._dirty.clear()
        self._emit(protocol.BUNDLE_DONE, protocol.bundle_done(bundle_id, writes))

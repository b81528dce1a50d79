"""One Brook operator instance in the worker: its fused chain, its keyed state, its thread.

Frames for the operator arrive in ``inbox`` in the order Java sent them; each is handled to the end
before the next, so outputs leave in input order. State replies arrive in ``replies`` instead, so
the thread can wait for one in the middle of a batch while later frames queue up.

On a keyed stream the first function runs row by row with the row's key as the current key (see
``functions.KeyedStage``); rows are records or timers that fired in Java. Its state is served by
Java through ``state.KeyedBackend``; timers it registers go to Java in a TIMERS frame sent before
the batch's OUTPUT, so Java knows them before it fires anything.

A broadcast operator's first function takes both of its inputs (``broadcast.py``): its rows carry
either a record or a broadcast element, and its broadcast states arrive once after OPEN.

The metrics the functions create (``metrics.py``) are shared by the whole chain; what changed in a
bundle goes to Java in one METRICS frame just before the bundle's BUNDLE_DONE.
"""

import json
import os
import queue
import struct
import sys
import threading
import traceback

import pyarrow as pa

from . import broadcast, conversions, functions, metrics, protocol
from . import state as keyed_state

_WORKER_DIR = os.path.dirname(os.path.abspath(__file__))

# Column "timer" of a BATCH job's keyed rows: the key's input is over.
END_OF_KEY = 2


def _internal_dirs():
    """Where Brook's own Python code lives: the worker's, and the pyflink package's wrappers."""
    dirs = [_WORKER_DIR + os.sep]
    try:
        import pyflink

        dirs.append(os.path.dirname(os.path.abspath(pyflink.__file__)) + os.sep)
    except ImportError:
        pass
    return tuple(dirs)


def format_user_traceback(error):
    """The traceback of ``error`` without Brook's own frames, so it shows the user's code."""
    internal = _internal_dirs()
    tb = traceback.TracebackException.from_exception(error)
    tb.stack = traceback.StackSummary.from_list(
        [f for f in tb.stack if not os.path.abspath(f.filename).startswith(internal)]
    )
    return "".join(tb.format())


class Operator:
    """One Java operator's functions. ``send`` puts a frame on the data stream, ``send_state`` on
    the state stream (keyed state declarations and reads; their replies come back into
    ``replies``)."""

    def __init__(self, operator_id, send, send_state=None):
        self.operator_id = operator_id
        self._send = send
        self._send_state = send if send_state is None else send_state
        self.inbox = queue.Queue()
        self.replies = queue.Queue()
        self._failed = False
        self._stages = []
        self._keyed_stage = None
        self._backend = None
        self._broadcast_type = None
        self._broadcast_states = None
        self._broadcast_stage = None
        self._watermark = [keyed_state.MIN_WATERMARK]
        self._metrics = None
        self._thread = threading.Thread(
            target=self._run, name="operator-%d" % operator_id, daemon=True
        )
        self._thread.start()

    def _emit(self, frame_type, payload=b""):
        self._send(protocol.frame(frame_type, self.operator_id, payload))

    def _emit_state(self, frame_type, payload):
        self._send_state(protocol.frame(frame_type, self.operator_id, payload))

    def _run(self):
        while True:
            frame_type, payload = self.inbox.get()
            if frame_type == protocol.CLOSE:
                self._close()
                return
            if self._failed:
                continue
            try:
                if frame_type == protocol.BATCH:
                    self._process_batch(payload)
                elif frame_type == protocol.END_BUNDLE:
                    self._end_bundle(payload)
                elif frame_type == protocol.WATERMARK:
                    (watermark,) = struct.unpack_from(">q", payload)
                    self._watermark[0] = watermark
                    if self._backend is not None:
                        self._backend.watermark = watermark
                elif frame_type == protocol.OPEN:
                    self._open(json.loads(bytes(payload)))
                elif frame_type == protocol.BROADCAST_STATE:
                    self._broadcast_states.load(payload)
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
        chain = spec["functions"]
        batch = spec.get("batch", False)
        # One registry for every context below, so all functions of the chain share the metrics.
        self._metrics = metrics.MetricRegistry(spec.get("metric_enabled", True))
        metric_group = self._metrics.root_group
        # A broadcast operator's first function takes both inputs; see broadcast.py.
        self._broadcast_type = spec.get("broadcast_type")
        if self._broadcast_type is not None:
            self._broadcast_states = broadcast.BroadcastStates(spec.get("broadcast_states", []))
        if self._keyed:
            self._backend = keyed_state.KeyedBackend(self._emit_state, self.replies, batch)
            first = chain[0]
            if self._broadcast_type is not None:
                self._keyed_stage = broadcast.KeyedBroadcastProcessStage(
                    first["kind"],
                    functions.load(first),
                    self._backend,
                    batch,
                    self._broadcast_states,
                )
            else:
                self._keyed_stage = functions.build_keyed_stage(
                    first["kind"], functions.load(first), self._backend, batch
                )
            chain = chain[1:]
        elif self._broadcast_type is not None:
            first = chain[0]
            self._broadcast_stage = broadcast.BroadcastProcessStage(
                first["kind"], functions.load(first), self._broadcast_states
            )
            self._broadcast_stage.watermark = self._watermark
            chain = chain[1:]
        keyed_context = functions.RuntimeContext(spec, metric_group, self._backend)
        if self._keyed_stage is not None:
            self._keyed_stage.open(keyed_context)
        runtime_context = functions.RuntimeContext(spec, metric_group)
        if self._broadcast_stage is not None:
            self._broadcast_stage.open(runtime_context)
        for entry in chain:
            stage = functions.build_stage(
                entry["kind"], functions.load(entry), entry.get("options")
            )
            stage.watermark = self._watermark
            stage.open(runtime_context)
            self._stages.append(stage)

    def _close(self):
        try:
            for first in (self._keyed_stage, self._broadcast_stage):
                if first is not None:
                    first.close()
            for stage in self._stages:
                stage.close()
        except BaseException as e:  # noqa: B036
            sys.stderr.write(format_user_traceback(e))

    # ------------------------------------------------------------------ records

    def _process_batch(self, payload):
        batch = pa.ipc.open_stream(pa.py_buffer(payload)).read_next_batch()
        side = []
        if self._keyed:
            values, timestamps = self._process_keyed(batch)
            if self._keyed_stage.emits_side_outputs:
                values, timestamps = self._split_side_outputs(values, timestamps, side)
        elif self._broadcast_stage is not None:
            values, timestamps = self._broadcast_stage.process(
                conversions.from_arrow(batch.column(0), self._input_type),
                batch.column(1).to_pylist(),
                batch.column(2).to_pylist(),
                conversions.from_arrow(batch.column(3), self._broadcast_type),
            )
            values, timestamps = self._split_side_outputs(values, timestamps, side)
        else:
            timestamps = batch.column(1).to_pylist()
            values = conversions.from_arrow(batch.column(0), self._input_type)
        for stage in self._stages:
            values, timestamps = stage.apply(values, timestamps)
            if stage.emits_side_outputs:
                values, timestamps = self._split_side_outputs(values, timestamps, side)
        if self._backend is not None:
            timers = self._backend.timers_frame()
            if timers is not None:
                self._emit(protocol.TIMERS, timers)
        if not values and not side:
            self._emit(protocol.OUTPUT)
            return
        out = self._result_batch(values, timestamps, side)
        sink = pa.BufferOutputStream()
        with pa.ipc.new_stream(sink, out.schema) as writer:
            writer.write_batch(out)
        self._emit(protocol.OUTPUT, sink.getvalue().to_pybytes())
    def _process_keyed(self, batch):
        """Runs the keyed stage over the batch's rows. A BATCH job's END_OF_KEY row fires the
        key's timers (and those they register) in time order, then forgets the key."""
        columns = (
            batch.column(0).to_pylist(),
            conversions.from_arrow(batch.column(1), self._key_type),
            conversions.from_arrow(batch.column(2), self._input_type),
            batch.column(3).to_pylist(),
            batch.column(4).to_pylist(),
            batch.column(5).to_pylist(),
        )
        if self._broadcast_type is not None:
            columns += (conversions.from_arrow(batch.column(6), self._broadcast_type),)
        stage = self._keyed_stage
        timers = columns[4]
        if END_OF_KEY not in timers:
            return stage.process(*columns)
        backend = self._backend
        out, out_ts = [], []

        def run(start, end):
            if start < end:
                o, t = stage.process(*(column[start:end] for column in columns))
                out.extend(o)
                out_ts.extend(t)

        start = 0
        for end, timer in enumerate(timers):
            if timer != END_OF_KEY:
                continue
            run(start, end)
            key_id, key = columns[0][end], columns[1][end]
            backend.watermark = keyed_state.MAX_TIMESTAMP
            while (due := backend.pop_key_timer(key_id)) is not None:
                o, t = stage.process([key_id], [key], [None], [due[0]], [0], [due[1]])
                out.extend(o)
                out_ts.extend(t)
            backend.watermark = keyed_state.MIN_WATERMARK
            backend.end_key(key_id)
            start = end + 1
        run(start, len(timers))
        return out, out_ts

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

    def _end_bundle(self, payload):
        (bundle_id,) = struct.unpack_from(">q", payload)
        done = struct.pack(">q", bundle_id)
        if self._backend is not None:
            done += self._backend.end_bundle()
        if self._broadcast_states is not None:
            done += self._broadcast_states.end_bundle()
        report = self._metrics.bundle_report()
        if report is not None:
            self._emit(protocol.METRICS, report)
        self._emit(protocol.BUNDLE_DONE, done)

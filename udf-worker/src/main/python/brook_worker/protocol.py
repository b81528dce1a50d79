"""Frames of the worker protocol; mirrors ``dev.brook.python.Frames`` on the Java side.

Every message is one frame: a type byte, the 4-byte big-endian operator id (0 for frames about the
whole worker) and a payload. Two bidirectional streams carry them, each opened with HELLO: the data
stream (everything else) and the state stream (STATE_DECLARE and STATE_REQUEST from the worker,
STATE_REPLY from Java).
"""

import json
import struct

# Java -> worker
OPEN = 1
BATCH = 2
END_BUNDLE = 3
STATE_REPLY = 4
CLOSE = 5
WATERMARK = 6
BROADCAST_STATE = 7

# worker -> Java
HELLO = 20
OUTPUT = 21
STATE_REQUEST = 22
BUNDLE_DONE = 23
ERROR = 24
HEARTBEAT = 25
STATE_DECLARE = 26
TIMERS = 27
# The metrics of a bundle, just before its BUNDLE_DONE: UTF-8 JSON, see metrics.py.
METRICS = 28

HEADER = struct.Struct(">Bi")
SERVICE_METHOD = "/brook.udf.PythonWorker/Data"
STATE_METHOD = "/brook.udf.PythonWorker/State"


def frame(frame_type: int, operator_id: int, payload: bytes = b"") -> bytes:
    return HEADER.pack(frame_type, operator_id) + payload


def parse(message: bytes):
    """(type, operator id, payload) of a frame."""
    frame_type, operator_id = HEADER.unpack_from(message)
    return frame_type, operator_id, memoryview(message)[HEADER.size :]


def json_bytes(value) -> bytes:
    return json.dumps(value).encode("utf-8")

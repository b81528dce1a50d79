"""Frames of the worker protocol; mirrors ``dev.brook.python.Frames`` on the Java side.

Every message is one frame: a type byte, the 4-byte big-endian operator id (0 for frames about the
whole worker) and a payload.
"""

import struct

# Java -> worker
OPEN = 1
BATCH = 2
END_BUNDLE = 3
STATE_REPLY = 4
CLOSE = 5

# worker -> Java
HELLO = 20
OUTPUT = 21
STATE_REQUEST = 22
BUNDLE_DONE = 23
ERROR = 24
HEARTBEAT = 25

HEADER = struct.Struct(">Bi")
SERVICE_METHOD = "/brook.udf.PythonWorker/Data"


def frame(frame_type: int, operator_id: int, payload: bytes = b"") -> bytes:
    return HEADER.pack(frame_type, operator_id) + payload


def parse(message: bytes):
    """(type, operator id, payload) of a frame."""
    frame_type, operator_id = HEADER.unpack_from(message)
    return frame_type, operator_id, memoryview(message)[HEADER.size :]


def state_request(request_id: int, reads) -> bytes:
    """reads: list of (key id, state name)."""
    parts = [struct.pack(">ii", request_id, len(reads))]
    for key_id, name in reads:
        encoded = name.encode("utf-8")
        parts.append(struct.pack(">iH", key_id, len(encoded)))
        parts.append(encoded)
    return b"".join(parts)


def parse_state_reply(payload):
    """(request id, list of bytes or None)."""
    request_id, count = struct.unpack_from(">ii", payload)
    offset = 8
    values = []
    for _ in range(count):
        (length,) = struct.unpack_from(">i", payload, offset)
        offset += 4
        if length < 0:
            values.append(None)
        else:
            values.append(bytes(payload[offset : offset + length]))
            offset += length
    return request_id, values


def bundle_done(bundle_id: int, writes) -> bytes:
    """writes: list of (key id, state name, bytes or None to clear)."""
    parts = [struct.pack(">qi", bundle_id, len(writes))]
    for key_id, name, value in writes:
        encoded = name.encode("utf-8")
        parts.append(struct.pack(">iH", key_id, len(encoded)))
        parts.append(encoded)
        if value is None:
            parts.append(struct.pack(">i", -1))
        else:
            parts.append(struct.pack(">i", len(value)))
            parts.append(value)
    return b"".join(parts)

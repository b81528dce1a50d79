"""Decoding ``execute_and_collect`` batches from the facade's Java iterator.

A batch is one byte array of items, each a 4-byte big-endian length and its bytes (so a batch is
one Py4J call): pickled bytes for pickled streams, UTF-8 JSON for typed streams, rebuilt into Python
values by the stream's type. ``None`` or an empty batch ends the stream.
"""

import json
import struct
from typing import Any, List, Optional

import cloudpickle

from pyflink.common.typeinfo import TypeInformation, is_pickled
from pyflink.util.java_errors import java_call


def fetch_batch(j_iterator: Any, type_info: TypeInformation) -> Optional[List[Any]]:
    batch = java_call(j_iterator.nextBatch)
    if not batch:
        return None
    return [decode_item(item, type_info) for item in split_frames(bytes(batch))]


def split_frames(batch: bytes) -> List[bytes]:
    items = []
    offset, end = 0, len(batch)
    while offset < end:
        (length,) = struct.unpack_from(">i", batch, offset)
        offset += 4
        items.append(batch[offset : offset + length])
        offset += length
    return items


def decode_item(item: Any, type_info: TypeInformation) -> Any:
    if is_pickled(type_info):
        return cloudpickle.loads(bytes(item))
    text = item.decode("utf-8") if isinstance(item, (bytes, bytearray)) else item
    return type_info.from_internal_json(json.loads(text))

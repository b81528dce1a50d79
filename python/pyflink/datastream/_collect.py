"""Decoding ``execute_and_collect`` batches from the facade's Java iterator.

A batch is a list of items: pickled bytes for pickled streams, JSON text (bytes or str) for typed
streams, rebuilt into Python values by the stream's type. ``None`` or an empty batch ends the
stream.
"""

import json
from typing import Any, List, Optional

import cloudpickle

from pyflink.common.typeinfo import TypeInformation, is_pickled
from pyflink.util.java_errors import java_call


def fetch_batch(j_iterator: Any, type_info: TypeInformation) -> Optional[List[Any]]:
    items = java_call(j_iterator.nextBatch)
    if items is None or len(items) == 0:
        return None
    return [decode_item(item, type_info) for item in items]


def decode_item(item: Any, type_info: TypeInformation) -> Any:
    if is_pickled(type_info):
        return cloudpickle.loads(bytes(item))
    text = item.decode("utf-8") if isinstance(item, (bytes, bytearray)) else item
    return type_info.from_internal_json(json.loads(text))

"""``OutputTag``: names a side output; a process function emits to it with
``yield output_tag, value``."""

from typing import Any, Dict, Optional

from pyflink.common.typeinfo import TypeInformation, type_json

__all__ = ["OutputTag"]


class OutputTag(object):
    def __init__(self, tag_id: str, type_info: Optional[TypeInformation] = None) -> None:
        if not tag_id:
            raise ValueError("OutputTag tag_id must not be empty")
        self.tag_id = tag_id
        self.type_info = type_info

    def _to_json(self) -> Dict[str, Any]:
        return {"tag": self.tag_id, "type": type_json(self.type_info)}

    def __eq__(self, other: Any) -> bool:
        return isinstance(other, OutputTag) and self.tag_id == other.tag_id

    def __hash__(self) -> int:
        return hash(self.tag_id)

    def __repr__(self) -> str:
        return "OutputTag(%s)" % self.tag_id

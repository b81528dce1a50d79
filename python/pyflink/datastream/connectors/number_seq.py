"""``NumberSequenceSource``: the longs ``start..end`` (inclusive), split across subtasks."""

from typing import Optional

from pyflink.common.typeinfo import TypeInformation, Types
from pyflink.datastream._plan import Plan, Transformation
from pyflink.datastream.connectors.base import Source

__all__ = ["NumberSequenceSource"]


class NumberSequenceSource(Source):
    def __init__(self, start: int, end: int) -> None:
        if end < start:
            raise ValueError("NumberSequenceSource needs start <= end, got %d > %d" % (start, end))
        self._start = start
        self._end = end

    def _add_to_plan(
        self, plan: Plan, name: str, type_info: Optional[TypeInformation]
    ) -> Transformation:
        return plan.add(
            "number_sequence", [], name, Types.LONG(), **{"from": self._start, "to": self._end}
        )

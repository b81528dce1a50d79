"""``WatermarkStrategy`` as plan data; the timestamp assigner is a Python function that the UDF
worker runs (fused with the Python operators before it)."""

from abc import ABC, abstractmethod
from typing import Any, Dict, Optional

from pyflink import _payload
from pyflink.common.time import Duration

__all__ = ["WatermarkStrategy", "TimestampAssigner"]


class TimestampAssigner(ABC):
    """Extracts the event-time timestamp (epoch milliseconds) of an element."""

    @abstractmethod
    def extract_timestamp(self, value: Any, record_timestamp: int) -> int:
        pass


class WatermarkStrategy(object):
    def __init__(self, kind: str, max_out_of_orderness_ms: int = 0) -> None:
        self._kind = kind
        self._max_out_of_orderness_ms = max_out_of_orderness_ms
        self._idleness_ms: Optional[int] = None
        self._timestamp_assigner: Optional[TimestampAssigner] = None

    @staticmethod
    def for_monotonous_timestamps() -> "WatermarkStrategy":
        return WatermarkStrategy("monotonous")

    @staticmethod
    def for_bounded_out_of_orderness(max_out_of_orderness: Duration) -> "WatermarkStrategy":
        return WatermarkStrategy("bounded", max_out_of_orderness.to_milliseconds())

    @staticmethod
    def no_watermarks() -> "WatermarkStrategy":
        return WatermarkStrategy("no_watermarks")

    def with_timestamp_assigner(self, timestamp_assigner: TimestampAssigner) -> "WatermarkStrategy":
        if not isinstance(timestamp_assigner, TimestampAssigner):
            raise TypeError(
                "with_timestamp_assigner expects a TimestampAssigner, got %r" % timestamp_assigner
            )
        self._timestamp_assigner = timestamp_assigner
        return self

    def with_idleness(self, idle_timeout: Duration) -> "WatermarkStrategy":
        self._idleness_ms = idle_timeout.to_milliseconds()
        return self

    def with_watermark_alignment(self, *args: Any, **kwargs: Any) -> "WatermarkStrategy":
        raise NotImplementedError("Watermark alignment is not supported by Brook yet")

    def _is_no_watermarks(self) -> bool:
        return self._kind == "no_watermarks" and self._timestamp_assigner is None

    def _to_json(self) -> Dict[str, Any]:
        assigner = self._timestamp_assigner
        return {
            "kind": self._kind,
            "max_out_of_orderness_ms": self._max_out_of_orderness_ms,
            "idleness_ms": self._idleness_ms,
            "timestamp_assigner": None if assigner is None else _payload.encode(assigner),
        }

"""Windows, window assigners and triggers as plan data (``_to_json()``).

Built-in assigners and triggers are sent by kind and run in the JVM; a user-defined
``WindowAssigner`` or ``Trigger`` subclass is sent as a pickled payload.
"""

from abc import ABC, abstractmethod
from typing import Any, Dict, Iterable, Optional

from pyflink import _payload
from pyflink.common.time import to_millis

__all__ = [
    "Window",
    "TimeWindow",
    "CountWindow",
    "GlobalWindow",
    "WindowAssigner",
    "MergingWindowAssigner",
    "TumblingEventTimeWindows",
    "SlidingEventTimeWindows",
    "TumblingProcessingTimeWindows",
    "SlidingProcessingTimeWindows",
    "EventTimeSessionWindows",
    "ProcessingTimeSessionWindows",
    "DynamicEventTimeSessionWindows",
    "DynamicProcessingTimeSessionWindows",
    "GlobalWindows",
    "CountTumblingWindowAssigner",
    "CountSlidingWindowAssigner",
    "Trigger",
    "TriggerResult",
    "EventTimeTrigger",
    "ProcessingTimeTrigger",
    "ContinuousEventTimeTrigger",
    "ContinuousProcessingTimeTrigger",
    "CountTrigger",
    "PurgingTrigger",
    "NeverTrigger",
    "SessionWindowTimeGapExtractor",
]

MAX_LONG_VALUE = 0x7FFFFFFFFFFFFFFF


class Window(ABC):
    @abstractmethod
    def max_timestamp(self) -> int:
        pass


class TimeWindow(Window):
    """The half-open interval ``[start, end)`` in epoch milliseconds."""

    def __init__(self, start: int, end: int) -> None:
        self.start = start
        self.end = end

    def max_timestamp(self) -> int:
        return self.end - 1

    def intersects(self, other: "TimeWindow") -> bool:
        return self.start <= other.end and self.end >= other.start

    def cover(self, other: "TimeWindow") -> "TimeWindow":
        return TimeWindow(min(self.start, other.start), max(self.end, other.end))

    @staticmethod
    def get_window_start_with_offset(timestamp: int, offset: int, window_size: int) -> int:
        remainder = (timestamp - offset) % window_size
        return timestamp - remainder

    def __eq__(self, other: Any) -> bool:
        return isinstance(other, TimeWindow) and (self.start, self.end) == (other.start, other.end)

    def __hash__(self) -> int:
        return hash((self.start, self.end))

    def __lt__(self, other: "TimeWindow") -> bool:
        return (self.start, self.end) < (other.start, other.end)

    def __repr__(self) -> str:
        return "TimeWindow(start=%d, end=%d)" % (self.start, self.end)


class CountWindow(Window):
    def __init__(self, id: int) -> None:
        self.id = id

    def max_timestamp(self) -> int:
        return MAX_LONG_VALUE

    def __eq__(self, other: Any) -> bool:
        return isinstance(other, CountWindow) and self.id == other.id

    def __hash__(self) -> int:
        return hash(self.id)

    def __repr__(self) -> str:
        return "CountWindow(id=%d)" % self.id


class GlobalWindow(Window):
    def max_timestamp(self) -> int:
        return MAX_LONG_VALUE

    @staticmethod
    def get() -> "GlobalWindow":
        return GlobalWindow()

    def __eq__(self, other: Any) -> bool:
        return isinstance(other, GlobalWindow)

    def __hash__(self) -> int:
        return 0

    def __repr__(self) -> str:
        return "GlobalWindow"


class TriggerResult(object):
    CONTINUE = (False, False)
    FIRE_AND_PURGE = (True, True)
    FIRE = (True, False)
    PURGE = (False, True)


class Trigger(ABC):
    """A user-defined trigger runs in the Python worker (sent pickled)."""

    def _to_json(self) -> Dict[str, Any]:
        return {"kind": "python", "payload": _payload.encode(self)}


class _BuiltInTrigger(Trigger):
    def __init__(self, spec: Dict[str, Any]) -> None:
        self._spec = spec

    def _to_json(self) -> Dict[str, Any]:
        return dict(self._spec)


class EventTimeTrigger(_BuiltInTrigger):
    def __init__(self) -> None:
        super().__init__({"kind": "event_time"})

    @staticmethod
    def create() -> "EventTimeTrigger":
        return EventTimeTrigger()


class ProcessingTimeTrigger(_BuiltInTrigger):
    def __init__(self) -> None:
        super().__init__({"kind": "processing_time"})

    @staticmethod
    def create() -> "ProcessingTimeTrigger":
        return ProcessingTimeTrigger()


class ContinuousEventTimeTrigger(_BuiltInTrigger):
    @staticmethod
    def of(interval: Any) -> "ContinuousEventTimeTrigger":
        return ContinuousEventTimeTrigger(
            {"kind": "continuous_event_time", "interval_ms": to_millis(interval, "interval")}
        )


class ContinuousProcessingTimeTrigger(_BuiltInTrigger):
    @staticmethod
    def of(interval: Any) -> "ContinuousProcessingTimeTrigger":
        return ContinuousProcessingTimeTrigger(
            {"kind": "continuous_processing_time", "interval_ms": to_millis(interval, "interval")}
        )


class CountTrigger(_BuiltInTrigger):
    @staticmethod
    def of(window_size: int) -> "CountTrigger":
        return CountTrigger({"kind": "count", "count": window_size})


class PurgingTrigger(_BuiltInTrigger):
    @staticmethod
    def of(nested_trigger: Trigger) -> "PurgingTrigger":
        return PurgingTrigger({"kind": "purging", "nested": nested_trigger._to_json()})


class NeverTrigger(_BuiltInTrigger):
    def __init__(self) -> None:
        super().__init__({"kind": "never"})

    @staticmethod
    def create() -> "NeverTrigger":
        return NeverTrigger()


class SessionWindowTimeGapExtractor(ABC):
    @abstractmethod
    def extract(self, element: Any) -> int:
        pass


class WindowAssigner(ABC):
    """A user-defined assigner runs in the Python worker (sent pickled)."""

    def assign_windows(self, element: Any, timestamp: int, context: Any) -> Iterable[Window]:
        raise NotImplementedError

    def get_default_trigger(self, env: Any) -> Optional[Trigger]:
        return None

    def is_event_time(self) -> bool:
        return True

    def _to_json(self) -> Dict[str, Any]:
        return {"kind": "python", "payload": _payload.encode(self)}


class MergingWindowAssigner(WindowAssigner):
    pass


class _BuiltInAssigner(WindowAssigner):
    def __init__(self, spec: Dict[str, Any]) -> None:
        self._spec = spec

    def is_event_time(self) -> bool:
        return self._spec.get("time") == "event"

    def _to_json(self) -> Dict[str, Any]:
        return dict(self._spec)


def _tumbling(time: str, size: Any, offset: Any) -> Dict[str, Any]:
    return {
        "kind": "tumbling",
        "time": time,
        "size_ms": to_millis(size, "The window size"),
        "offset_ms": to_millis(offset, "The window offset"),
    }


def _sliding(time: str, size: Any, slide: Any, offset: Any) -> Dict[str, Any]:
    return {
        "kind": "sliding",
        "time": time,
        "size_ms": to_millis(size, "The window size"),
        "slide_ms": to_millis(slide, "The window slide"),
        "offset_ms": to_millis(offset, "The window offset"),
    }


class TumblingEventTimeWindows(_BuiltInAssigner):
    @staticmethod
    def of(size: Any, offset: Any = 0) -> "TumblingEventTimeWindows":
        return TumblingEventTimeWindows(_tumbling("event", size, offset))


class TumblingProcessingTimeWindows(_BuiltInAssigner):
    @staticmethod
    def of(size: Any, offset: Any = 0) -> "TumblingProcessingTimeWindows":
        return TumblingProcessingTimeWindows(_tumbling("processing", size, offset))


class SlidingEventTimeWindows(_BuiltInAssigner):
    @staticmethod
    def of(size: Any, slide: Any, offset: Any = 0) -> "SlidingEventTimeWindows":
        return SlidingEventTimeWindows(_sliding("event", size, slide, offset))


class SlidingProcessingTimeWindows(_BuiltInAssigner):
    @staticmethod
    def of(size: Any, slide: Any, offset: Any = 0) -> "SlidingProcessingTimeWindows":
        return SlidingProcessingTimeWindows(_sliding("processing", size, slide, offset))


def _session(time: str, gap: Any) -> Dict[str, Any]:
    return {"kind": "session", "time": time, "gap_ms": to_millis(gap, "The session gap")}


def _dynamic_session(time: str, extractor: SessionWindowTimeGapExtractor) -> Dict[str, Any]:
    return {"kind": "dynamic_session", "time": time, "gap_extractor": _payload.encode(extractor)}


class EventTimeSessionWindows(_BuiltInAssigner, MergingWindowAssigner):
    @staticmethod
    def with_gap(size: Any) -> "EventTimeSessionWindows":
        return EventTimeSessionWindows(_session("event", size))

    @staticmethod
    def with_dynamic_gap(
        extractor: SessionWindowTimeGapExtractor,
    ) -> "DynamicEventTimeSessionWindows":
        return DynamicEventTimeSessionWindows(_dynamic_session("event", extractor))


class ProcessingTimeSessionWindows(_BuiltInAssigner, MergingWindowAssigner):
    @staticmethod
    def with_gap(size: Any) -> "ProcessingTimeSessionWindows":
        return ProcessingTimeSessionWindows(_session("processing", size))

    @staticmethod
    def with_dynamic_gap(
        extractor: SessionWindowTimeGapExtractor,
    ) -> "DynamicProcessingTimeSessionWindows":
        return DynamicProcessingTimeSessionWindows(_dynamic_session("processing", extractor))


class DynamicEventTimeSessionWindows(_BuiltInAssigner, MergingWindowAssigner):
    @staticmethod
    def with_dynamic_gap(
        extractor: SessionWindowTimeGapExtractor,
    ) -> "DynamicEventTimeSessionWindows":
        return DynamicEventTimeSessionWindows(_dynamic_session("event", extractor))


class DynamicProcessingTimeSessionWindows(_BuiltInAssigner, MergingWindowAssigner):
    @staticmethod
    def with_dynamic_gap(
        extractor: SessionWindowTimeGapExtractor,
    ) -> "DynamicProcessingTimeSessionWindows":
        return DynamicProcessingTimeSessionWindows(_dynamic_session("processing", extractor))


class GlobalWindows(_BuiltInAssigner):
    @staticmethod
    def create() -> "GlobalWindows":
        return GlobalWindows({"kind": "global"})


class CountTumblingWindowAssigner(_BuiltInAssigner):
    @staticmethod
    def of(window_size: int) -> "CountTumblingWindowAssigner":
        return CountTumblingWindowAssigner({"kind": "count", "size": window_size, "slide": None})


class CountSlidingWindowAssigner(_BuiltInAssigner):
    @staticmethod
    def of(window_size: int, window_slide: int) -> "CountSlidingWindowAssigner":
        return CountSlidingWindowAssigner(
            {"kind": "count", "size": window_size, "slide": window_slide}
        )

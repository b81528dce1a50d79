"""Windows, window assigners and triggers, with PyFlink's names and signatures.

They are plain Python objects: a window operation pickles its assigner and trigger with the job,
and the UDF worker's window operator (``brook_worker/window.py``) calls them per record and per
timer, with contexts whose state and timers are the current key's and window's. So built-in and
user-defined assigners and triggers run the same way.
"""

from abc import ABC, abstractmethod
from enum import Enum
from typing import Any, Collection, Generic, Iterable, List, Optional, TypeVar

from pyflink.common.time import to_millis
from pyflink.common.typeinfo import Types
from pyflink.datastream.state import ReducingStateDescriptor, ValueStateDescriptor
from pyflink.metrics import MetricGroup

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
MIN_LONG_VALUE = -(2**63)

T = TypeVar("T")
W = TypeVar("W")
W2 = TypeVar("W2")


# ---------------------------------------------------------------------- windows


class Window(ABC):
    """A finite bucket of elements; everything in it has arrived once time passes
    ``max_timestamp()``. A user-defined window must be hashable and comparable with ``==``."""

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
        return timestamp - (timestamp - offset) % window_size

    @staticmethod
    def merge_windows(
        windows: Iterable["TimeWindow"], callback: "MergingWindowAssigner.MergeCallback"
    ) -> None:
        """Merges overlapping (or touching) windows, as session windows need."""
        merged: List[Any] = []
        for candidate in sorted(windows):
            if merged and merged[-1][0].intersects(candidate):
                merged[-1][0] = merged[-1][0].cover(candidate)
                merged[-1][1].add(candidate)
            else:
                merged.append([candidate, {candidate}])
        for merge_result, to_be_merged in merged:
            if len(to_be_merged) > 1:
                callback.merge(to_be_merged, merge_result)

    def __eq__(self, other: Any) -> bool:
        return type(other) is TimeWindow and (self.start, self.end) == (other.start, other.end)

    def __hash__(self) -> int:
        return hash((self.start, self.end))

    def __lt__(self, other: "TimeWindow") -> bool:
        return (self.start, self.end) < (other.start, other.end)

    def __repr__(self) -> str:
        return "TimeWindow(start=%d, end=%d)" % (self.start, self.end)


class CountWindow(Window):
    """The ``id``-th window of a key's count windows."""

    def __init__(self, id: int) -> None:
        self.id = id

    def max_timestamp(self) -> int:
        return MAX_LONG_VALUE

    def __eq__(self, other: Any) -> bool:
        return type(other) is CountWindow and self.id == other.id

    def __hash__(self) -> int:
        return hash(self.id)

    def __repr__(self) -> str:
        return "CountWindow(id=%d)" % self.id


class GlobalWindow(Window):
    """The one window of GlobalWindows: it never ends."""

    def max_timestamp(self) -> int:
        return MAX_LONG_VALUE

    @staticmethod
    def get() -> "GlobalWindow":
        return GlobalWindow()

    def __eq__(self, other: Any) -> bool:
        return type(other) is GlobalWindow

    def __hash__(self) -> int:
        return 0

    def __repr__(self) -> str:
        return "GlobalWindow"


# ---------------------------------------------------------------------- triggers


class TriggerResult(Enum):
    """What a trigger decides for a window: evaluate it (fire), drop its contents (purge), both or
    neither. Firing an empty window emits nothing."""

    CONTINUE = (False, False)
    FIRE_AND_PURGE = (True, True)
    FIRE = (True, False)
    PURGE = (False, True)

    def is_fire(self) -> bool:
        return self.value[0]

    def is_purge(self) -> bool:
        return self.value[1]


class Trigger(ABC, Generic[T, W]):
    """Decides when a window (of one key) fires. One instance serves every key and window, so it
    must keep its state in ``ctx.get_partitioned_state(...)``, which is the current key's and
    window's; timers it registers call back with the same key and window. With a merging assigner
    (sessions) it must return True from ``can_merge()`` and implement ``on_merge``."""

    class TriggerContext(ABC):
        @abstractmethod
        def get_current_processing_time(self) -> int:
            pass

        @abstractmethod
        def get_metric_group(self) -> MetricGroup:
            """The root metric group of the window operator, the one its window functions get
            from ``runtime_context.get_metrics_group()``."""

        @abstractmethod
        def get_current_watermark(self) -> int:
            pass

        @abstractmethod
        def register_processing_time_timer(self, time: int) -> None:
            pass

        @abstractmethod
        def register_event_time_timer(self, time: int) -> None:
            pass

        @abstractmethod
        def delete_processing_time_timer(self, time: int) -> None:
            pass

        @abstractmethod
        def delete_event_time_timer(self, time: int) -> None:
            pass

        @abstractmethod
        def get_partitioned_state(self, state_descriptor: Any) -> Any:
            """The state of ``state_descriptor`` for the current key and window."""

    class OnMergeContext(TriggerContext):
        @abstractmethod
        def merge_partitioned_state(self, state_descriptor: Any) -> None:
            """Merges the state (reducing, aggregating or list) of the merged windows into the
            state of the window they merged into."""

    @abstractmethod
    def on_element(
        self, element: T, timestamp: int, window: W, ctx: "Trigger.TriggerContext"
    ) -> TriggerResult:
        pass

    @abstractmethod
    def on_processing_time(
        self, time: int, window: W, ctx: "Trigger.TriggerContext"
    ) -> TriggerResult:
        pass

    @abstractmethod
    def on_event_time(self, time: int, window: W, ctx: "Trigger.TriggerContext") -> TriggerResult:
        pass

    def can_merge(self) -> bool:
        return False

    @abstractmethod
    def on_merge(self, window: W, ctx: "Trigger.OnMergeContext") -> None:
        pass

    @abstractmethod
    def clear(self, window: W, ctx: "Trigger.TriggerContext") -> None:
        """Drops the trigger's state and timers of ``window``, which is being discarded."""


class EventTimeTrigger(Trigger[Any, TimeWindow]):
    """Fires once the watermark passes the window's end (at once for a late element)."""

    def on_element(self, element, timestamp, window, ctx):
        if window.max_timestamp() <= ctx.get_current_watermark():
            return TriggerResult.FIRE
        ctx.register_event_time_timer(window.max_timestamp())
        return TriggerResult.CONTINUE

    def on_processing_time(self, time, window, ctx):
        return TriggerResult.CONTINUE

    def on_event_time(self, time, window, ctx):
        return TriggerResult.FIRE if time == window.max_timestamp() else TriggerResult.CONTINUE

    def can_merge(self) -> bool:
        return True

    def on_merge(self, window, ctx):
        if window.max_timestamp() > ctx.get_current_watermark():
            ctx.register_event_time_timer(window.max_timestamp())

    def clear(self, window, ctx):
        ctx.delete_event_time_timer(window.max_timestamp())

    @staticmethod
    def create() -> "EventTimeTrigger":
        return EventTimeTrigger()


class ProcessingTimeTrigger(Trigger[Any, TimeWindow]):
    """Fires once the machine's clock passes the window's end."""

    def on_element(self, element, timestamp, window, ctx):
        ctx.register_processing_time_timer(window.max_timestamp())
        return TriggerResult.CONTINUE

    def on_processing_time(self, time, window, ctx):
        return TriggerResult.FIRE

    def on_event_time(self, time, window, ctx):
        return TriggerResult.CONTINUE

    def can_merge(self) -> bool:
        return True

    def on_merge(self, window, ctx):
        if window.max_timestamp() > ctx.get_current_processing_time():
            ctx.register_processing_time_timer(window.max_timestamp())

    def clear(self, window, ctx):
        ctx.delete_processing_time_timer(window.max_timestamp())

    @staticmethod
    def create() -> "ProcessingTimeTrigger":
        return ProcessingTimeTrigger()


def _min(a: int, b: int) -> int:
    return min(a, b)


def _sum(a: int, b: int) -> int:
    return a + b


class _ContinuousTrigger(Trigger[Any, TimeWindow]):
    """Fires every ``interval`` ms (aligned to multiples of it) and at the window's end; the next
    firing time is kept in state "fire-time"."""

    def __init__(self, interval: int) -> None:
        if interval <= 0:
            raise ValueError("The trigger interval must be positive, got %d ms" % interval)
        self.interval = interval
        self.state_desc = ReducingStateDescriptor("fire-time", _min, Types.LONG())

    def _register(self, ctx: Trigger.TriggerContext, time: int) -> None:
        raise NotImplementedError

    def _delete(self, ctx: Trigger.TriggerContext, time: int) -> None:
        raise NotImplementedError

    def _register_next_fire_timestamp(self, time: int, window: TimeWindow, ctx: Any) -> None:
        next_fire = min(time + self.interval, window.max_timestamp())
        ctx.get_partitioned_state(self.state_desc).add(next_fire)
        self._register(ctx, next_fire)

    def _on_timer(self, time: int, window: TimeWindow, ctx: Any) -> TriggerResult:
        fire_time = ctx.get_partitioned_state(self.state_desc)
        if fire_time.get() == time:
            fire_time.clear()
            self._register_next_fire_timestamp(time, window, ctx)
            return TriggerResult.FIRE
        return TriggerResult.CONTINUE

    def can_merge(self) -> bool:
        return True

    def on_merge(self, window, ctx):
        ctx.merge_partitioned_state(self.state_desc)
        next_fire = ctx.get_partitioned_state(self.state_desc).get()
        if next_fire is not None:
            self._register(ctx, next_fire)

    def clear(self, window, ctx):
        fire_time = ctx.get_partitioned_state(self.state_desc)
        time = fire_time.get()
        if time is not None:
            self._delete(ctx, time)
            fire_time.clear()


class ContinuousEventTimeTrigger(_ContinuousTrigger):
    """Fires every ``interval`` of event time, and when the watermark passes the window's end."""

    @staticmethod
    def of(interval: Any) -> "ContinuousEventTimeTrigger":
        return ContinuousEventTimeTrigger(to_millis(interval, "The trigger interval"))

    def _register(self, ctx, time):
        ctx.register_event_time_timer(time)

    def _delete(self, ctx, time):
        ctx.delete_event_time_timer(time)

    def on_element(self, element, timestamp, window, ctx):
        if window.max_timestamp() <= ctx.get_current_watermark():
            return TriggerResult.FIRE
        ctx.register_event_time_timer(window.max_timestamp())
        if ctx.get_partitioned_state(self.state_desc).get() is None:
            start = timestamp - timestamp % self.interval
            self._register_next_fire_timestamp(start, window, ctx)
        return TriggerResult.CONTINUE

    def on_processing_time(self, time, window, ctx):
        return TriggerResult.CONTINUE

    def on_event_time(self, time, window, ctx):
        if time == window.max_timestamp():
            return TriggerResult.FIRE
        return self._on_timer(time, window, ctx)


class ContinuousProcessingTimeTrigger(_ContinuousTrigger):
    """Fires every ``interval`` of the machine's clock while the window has elements."""

    @staticmethod
    def of(interval: Any) -> "ContinuousProcessingTimeTrigger":
        return ContinuousProcessingTimeTrigger(to_millis(interval, "The trigger interval"))

    def _register(self, ctx, time):
        ctx.register_processing_time_timer(time)

    def _delete(self, ctx, time):
        ctx.delete_processing_time_timer(time)

    def on_element(self, element, timestamp, window, ctx):
        if ctx.get_partitioned_state(self.state_desc).get() is None:
            now = ctx.get_current_processing_time()
            self._register_next_fire_timestamp(now - now % self.interval, window, ctx)
        return TriggerResult.CONTINUE

    def on_processing_time(self, time, window, ctx):
        return self._on_timer(time, window, ctx)

    def on_event_time(self, time, window, ctx):
        return TriggerResult.CONTINUE


class CountTrigger(Trigger[Any, Window]):
    """Fires each time the window has received ``count_elements`` more elements."""

    def __init__(self, count_elements: int) -> None:
        if count_elements <= 0:
            raise ValueError("The count must be positive, got %d" % count_elements)
        self.count_elements = count_elements
        self.count_state_desc = ReducingStateDescriptor("count", _sum, Types.LONG())

    @staticmethod
    def of(count_elements: int) -> "CountTrigger":
        return CountTrigger(count_elements)

    def on_element(self, element, timestamp, window, ctx):
        count = ctx.get_partitioned_state(self.count_state_desc)
        count.add(1)
        if count.get() >= self.count_elements:
            count.clear()
            return TriggerResult.FIRE
        return TriggerResult.CONTINUE

    def on_processing_time(self, time, window, ctx):
        return TriggerResult.CONTINUE

    def on_event_time(self, time, window, ctx):
        return TriggerResult.CONTINUE

    def can_merge(self) -> bool:
        return True

    def on_merge(self, window, ctx):
        ctx.merge_partitioned_state(self.count_state_desc)

    def clear(self, window, ctx):
        ctx.get_partitioned_state(self.count_state_desc).clear()


class PurgingTrigger(Trigger[Any, Window]):
    """Purges the window whenever the nested trigger fires it."""

    def __init__(self, nested_trigger: Trigger) -> None:
        self.nested_trigger = nested_trigger

    @staticmethod
    def of(nested_trigger: Trigger) -> "PurgingTrigger":
        return PurgingTrigger(nested_trigger)

    @staticmethod
    def _purging(result: TriggerResult) -> TriggerResult:
        return TriggerResult.FIRE_AND_PURGE if result.is_fire() else result

    def on_element(self, element, timestamp, window, ctx):
        return self._purging(self.nested_trigger.on_element(element, timestamp, window, ctx))

    def on_processing_time(self, time, window, ctx):
        return self._purging(self.nested_trigger.on_processing_time(time, window, ctx))

    def on_event_time(self, time, window, ctx):
        return self._purging(self.nested_trigger.on_event_time(time, window, ctx))

    def can_merge(self) -> bool:
        return self.nested_trigger.can_merge()

    def on_merge(self, window, ctx):
        self.nested_trigger.on_merge(window, ctx)

    def clear(self, window, ctx):
        self.nested_trigger.clear(window, ctx)


class NeverTrigger(Trigger[Any, GlobalWindow]):
    """Never fires: the default of GlobalWindows, which need a trigger of their own."""

    def on_element(self, element, timestamp, window, ctx):
        return TriggerResult.CONTINUE

    def on_processing_time(self, time, window, ctx):
        return TriggerResult.CONTINUE

    def on_event_time(self, time, window, ctx):
        return TriggerResult.CONTINUE

    def can_merge(self) -> bool:
        return True

    def on_merge(self, window, ctx):
        pass

    def clear(self, window, ctx):
        pass

    @staticmethod
    def create() -> "NeverTrigger":
        return NeverTrigger()


# ---------------------------------------------------------------------- assigners


class WindowAssigner(ABC, Generic[T, W]):
    """Assigns each element to zero or more windows; elements of one key and window form a pane,
    which the trigger fires."""

    class WindowAssignerContext(ABC):
        @abstractmethod
        def get_current_processing_time(self) -> int:
            pass

        @abstractmethod
        def get_runtime_context(self) -> Any:
            """The window function's runtime context: its keyed state is the current key's,
            outside any window."""

    @abstractmethod
    def assign_windows(
        self, element: T, timestamp: int, context: "WindowAssigner.WindowAssignerContext"
    ) -> Collection[W]:
        pass

    @abstractmethod
    def get_default_trigger(self, env: Any) -> Trigger:
        pass

    @abstractmethod
    def is_event_time(self) -> bool:
        pass


class MergingWindowAssigner(WindowAssigner[T, W]):
    """An assigner whose windows may merge (sessions): after each assignment the operator asks
    ``merge_windows`` which of the key's windows to merge."""

    class MergeCallback(ABC, Generic[W2]):
        @abstractmethod
        def merge(self, to_be_merged: Iterable[W2], merge_result: W2) -> None:
            pass

    @abstractmethod
    def merge_windows(
        self, windows: Iterable[W], callback: "MergingWindowAssigner.MergeCallback"
    ) -> None:
        pass


def _event_timestamp(timestamp: Optional[int], assigner: WindowAssigner) -> int:
    if timestamp is None or timestamp == MIN_LONG_VALUE:
        raise ValueError(
            "%s got a record without a timestamp: assign timestamps with "
            "assign_timestamps_and_watermarks(...) before an event-time window, or use a "
            "processing-time window" % type(assigner).__name__
        )
    return timestamp


def _check_size(size: int, slide: int, offset: int, name: str) -> None:
    if size <= 0 or slide <= 0 or abs(offset) >= slide:
        raise ValueError(
            "%s parameters must satisfy abs(offset) < slide and size > 0 (size %d ms, slide %d "
            "ms, offset %d ms)" % (name, size, slide, offset)
        )


class _TumblingWindows(WindowAssigner[Any, TimeWindow]):
    def __init__(self, size: int, offset: int = 0) -> None:
        _check_size(size, size, offset, type(self).__name__)
        self._size = size
        self._offset = offset

    def _windows(self, time: int) -> List[TimeWindow]:
        start = TimeWindow.get_window_start_with_offset(time, self._offset, self._size)
        return [TimeWindow(start, start + self._size)]

    def __repr__(self) -> str:
        return "%s(%d, %d)" % (type(self).__name__, self._size, self._offset)


class TumblingEventTimeWindows(_TumblingWindows):
    """Consecutive windows of ``size`` ms of event time, starting at multiples of the size plus
    ``offset``."""

    @staticmethod
    def of(size: Any, offset: Any = None) -> "TumblingEventTimeWindows":
        return TumblingEventTimeWindows(
            to_millis(size, "The window size"), _optional_millis(offset, "The window offset")
        )

    def assign_windows(self, element, timestamp, context):
        return self._windows(_event_timestamp(timestamp, self))

    def get_default_trigger(self, env):
        return EventTimeTrigger()

    def is_event_time(self) -> bool:
        return True


class TumblingProcessingTimeWindows(_TumblingWindows):
    """Consecutive windows of ``size`` ms of the machine's clock."""

    @staticmethod
    def of(size: Any, offset: Any = None) -> "TumblingProcessingTimeWindows":
        return TumblingProcessingTimeWindows(
            to_millis(size, "The window size"), _optional_millis(offset, "The window offset")
        )

    def assign_windows(self, element, timestamp, context):
        return self._windows(context.get_current_processing_time())

    def get_default_trigger(self, env):
        return ProcessingTimeTrigger()

    def is_event_time(self) -> bool:
        return False


class _SlidingWindows(WindowAssigner[Any, TimeWindow]):
    def __init__(self, size: int, slide: int, offset: int = 0) -> None:
        _check_size(size, slide, offset, type(self).__name__)
        self._size = size
        self._slide = slide
        self._offset = offset

    def _windows(self, time: int) -> List[TimeWindow]:
        start = TimeWindow.get_window_start_with_offset(time, self._offset, self._slide)
        windows = []
        while start > time - self._size:
            windows.append(TimeWindow(start, start + self._size))
            start -= self._slide
        return windows

    def __repr__(self) -> str:
        return "%s(%d, %d, %d)" % (type(self).__name__, self._size, self._slide, self._offset)


class SlidingEventTimeWindows(_SlidingWindows):
    """Windows of ``size`` ms of event time, one starting every ``slide`` ms (so an element
    belongs to size / slide windows)."""

    @staticmethod
    def of(size: Any, slide: Any, offset: Any = None) -> "SlidingEventTimeWindows":
        return SlidingEventTimeWindows(
            to_millis(size, "The window size"),
            to_millis(slide, "The window slide"),
            _optional_millis(offset, "The window offset"),
        )

    def assign_windows(self, element, timestamp, context):
        return self._windows(_event_timestamp(timestamp, self))

    def get_default_trigger(self, env):
        return EventTimeTrigger()

    def is_event_time(self) -> bool:
        return True


class SlidingProcessingTimeWindows(_SlidingWindows):
    """Windows of ``size`` ms of the machine's clock, one starting every ``slide`` ms."""

    @staticmethod
    def of(size: Any, slide: Any, offset: Any = None) -> "SlidingProcessingTimeWindows":
        return SlidingProcessingTimeWindows(
            to_millis(size, "The window size"),
            to_millis(slide, "The window slide"),
            _optional_millis(offset, "The window offset"),
        )

    def assign_windows(self, element, timestamp, context):
        return self._windows(context.get_current_processing_time())

    def get_default_trigger(self, env):
        return ProcessingTimeTrigger()

    def is_event_time(self) -> bool:
        return False


def _optional_millis(value: Any, what: str) -> int:
    return 0 if value is None else to_millis(value, what)


class SessionWindowTimeGapExtractor(ABC):
    """The gap (ms) after an element that ends its session, for dynamic session windows."""

    @abstractmethod
    def extract(self, element: Any) -> int:
        pass


class _SessionWindows(MergingWindowAssigner[Any, TimeWindow]):
    """Each element opens the window [time, time + gap); overlapping windows merge."""

    def _gap(self, element: Any) -> int:
        raise NotImplementedError

    def _time(self, element: Any, timestamp: Optional[int], context: Any) -> int:
        raise NotImplementedError

    def assign_windows(self, element, timestamp, context):
        time = self._time(element, timestamp, context)
        gap = self._gap(element)
        if gap <= 0:
            raise ValueError(
                "%s: the session gap must be positive, got %r ms for %r"
                % (type(self).__name__, gap, element)
            )
        return [TimeWindow(time, time + gap)]

    def merge_windows(self, windows, callback):
        TimeWindow.merge_windows(windows, callback)


class _EventTimeSessions(_SessionWindows):
    def _time(self, element, timestamp, context):
        return _event_timestamp(timestamp, self)

    def get_default_trigger(self, env):
        return EventTimeTrigger()

    def is_event_time(self) -> bool:
        return True


class _ProcessingTimeSessions(_SessionWindows):
    def _time(self, element, timestamp, context):
        return context.get_current_processing_time()

    def get_default_trigger(self, env):
        return ProcessingTimeTrigger()

    def is_event_time(self) -> bool:
        return False


class _FixedGap(_SessionWindows):
    def __init__(self, session_gap: int) -> None:
        if session_gap <= 0:
            raise ValueError("The session gap must be positive, got %d ms" % session_gap)
        self._session_gap = session_gap

    def _gap(self, element):
        return self._session_gap


class _DynamicGap(_SessionWindows):
    def __init__(self, session_window_time_gap_extractor: SessionWindowTimeGapExtractor) -> None:
        extractor = session_window_time_gap_extractor
        extract = getattr(extractor, "extract", None)
        self._extract = extract if callable(extract) else extractor

    def _gap(self, element):
        return self._extract(element)


class DynamicEventTimeSessionWindows(_DynamicGap, _EventTimeSessions):
    """Event-time sessions whose gap a SessionWindowTimeGapExtractor computes per element."""

    @staticmethod
    def with_dynamic_gap(
        extractor: SessionWindowTimeGapExtractor,
    ) -> "DynamicEventTimeSessionWindows":
        return DynamicEventTimeSessionWindows(extractor)


class DynamicProcessingTimeSessionWindows(_DynamicGap, _ProcessingTimeSessions):
    """Processing-time sessions whose gap a SessionWindowTimeGapExtractor computes per
    element."""

    @staticmethod
    def with_dynamic_gap(
        extractor: SessionWindowTimeGapExtractor,
    ) -> "DynamicProcessingTimeSessionWindows":
        return DynamicProcessingTimeSessionWindows(extractor)


class EventTimeSessionWindows(_FixedGap, _EventTimeSessions):
    """Event-time sessions: a key's window closes after ``gap`` ms without elements."""

    @staticmethod
    def with_gap(size: Any) -> "EventTimeSessionWindows":
        return EventTimeSessionWindows(to_millis(size, "The session gap"))

    @staticmethod
    def with_dynamic_gap(
        extractor: SessionWindowTimeGapExtractor,
    ) -> DynamicEventTimeSessionWindows:
        return DynamicEventTimeSessionWindows(extractor)


class ProcessingTimeSessionWindows(_FixedGap, _ProcessingTimeSessions):
    """Processing-time sessions: a key's window closes after ``gap`` ms without elements."""

    @staticmethod
    def with_gap(size: Any) -> "ProcessingTimeSessionWindows":
        return ProcessingTimeSessionWindows(to_millis(size, "The session gap"))

    @staticmethod
    def with_dynamic_gap(
        extractor: SessionWindowTimeGapExtractor,
    ) -> DynamicProcessingTimeSessionWindows:
        return DynamicProcessingTimeSessionWindows(extractor)


class GlobalWindows(WindowAssigner[Any, GlobalWindow]):
    """One window per key that never ends; only a trigger of your own fires it."""

    @staticmethod
    def create() -> "GlobalWindows":
        return GlobalWindows()

    def assign_windows(self, element, timestamp, context):
        return [GlobalWindow.get()]

    def get_default_trigger(self, env):
        return NeverTrigger()

    def is_event_time(self) -> bool:
        return False


class _CountWindows(WindowAssigner[Any, CountWindow]):
    """Numbers a key's elements with a counter in its keyed state (outside any window)."""

    def __init__(self, window_size: int, window_slide: int) -> None:
        if window_size <= 0 or window_slide <= 0:
            raise ValueError(
                "Count windows need a positive size and slide, got %d and %d"
                % (window_size, window_slide)
            )
        self._window_size = window_size
        self._window_slide = window_slide
        self._counter = ValueStateDescriptor("count-window-assigner", Types.LONG())

    def _next_index(self, context: WindowAssigner.WindowAssignerContext) -> int:
        counter = context.get_runtime_context().get_state(self._counter)
        index = counter.value() or 0
        counter.update(index + 1)
        return index

    def get_default_trigger(self, env):
        # Each CountWindow receives exactly window_size elements, and then no more.
        return PurgingTrigger(CountTrigger(self._window_size))

    def is_event_time(self) -> bool:
        return False


class CountTumblingWindowAssigner(_CountWindows):
    """Windows of ``window_size`` consecutive elements of a key: element i goes to
    ``CountWindow(i // window_size)``, which fires (and is purged) when full. Same results as
    Flink's ``GlobalWindows`` with ``PurgingTrigger.of(CountTrigger.of(window_size))``."""

    def __init__(self, window_size: int) -> None:
        super().__init__(window_size, window_size)

    @staticmethod
    def of(window_size: int) -> "CountTumblingWindowAssigner":
        return CountTumblingWindowAssigner(window_size)

    def assign_windows(self, element, timestamp, context):
        return [CountWindow(self._next_index(context) // self._window_size)]


class CountSlidingWindowAssigner(_CountWindows):
    """Windows of ``window_size`` consecutive elements of a key, one starting every
    ``window_slide`` elements: ``CountWindow(n)`` holds elements n * slide ... n * slide + size -
    1 and fires when full, as in PyFlink. (Flink's Java countWindow(size, slide) instead fires
    every ``slide`` elements with the last ``size``, so its first windows are partial.)"""

    @staticmethod
    def of(window_size: int, window_slide: int) -> "CountSlidingWindowAssigner":
        return CountSlidingWindowAssigner(window_size, window_slide)

    def assign_windows(self, element, timestamp, context):
        index = self._next_index(context)
        windows = []
        window_id = index // self._window_slide
        while window_id >= 0 and window_id * self._window_slide + self._window_size > index:
            windows.append(CountWindow(window_id))
            window_id -= 1
        return windows

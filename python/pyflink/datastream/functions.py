"""User function interfaces with PyFlink's names and method signatures.

Call order, as the UDF worker drives it: ``open(runtime_context)`` once per parallel instance,
then the per-record method (``map``, ``flat_map``, ``filter``, ``get_key``, ``reduce``,
``process_element``, ...) and ``on_timer`` for fired timers, then ``close()``. Methods that emit
any number of records return an iterable (``yield``); process functions emit to a side output
with ``yield output_tag, value``.
"""

from abc import ABC, abstractmethod
from typing import Any, Generic, Iterable, Optional, TypeVar

from pyflink.datastream.state import (
    AggregatingState,
    AggregatingStateDescriptor,
    BroadcastState,
    ListState,
    ListStateDescriptor,
    MapState,
    MapStateDescriptor,
    ReadOnlyBroadcastState,
    ReducingState,
    ReducingStateDescriptor,
    ValueState,
    ValueStateDescriptor,
)
from pyflink.datastream.time_domain import TimeDomain
from pyflink.datastream.timerservice import TimerService
from pyflink.metrics import MetricGroup

__all__ = [
    "RuntimeContext",
    "Function",
    "MapFunction",
    "CoMapFunction",
    "FlatMapFunction",
    "CoFlatMapFunction",
    "ReduceFunction",
    "AggregateFunction",
    "KeySelector",
    "FilterFunction",
    "Partitioner",
    "SourceFunction",
    "SinkFunction",
    "ProcessFunction",
    "KeyedProcessFunction",
    "CoProcessFunction",
    "KeyedCoProcessFunction",
    "WindowFunction",
    "AllWindowFunction",
    "ProcessWindowFunction",
    "ProcessAllWindowFunction",
    "TimerService",
]

IN = TypeVar("IN")
IN1 = TypeVar("IN1")
IN2 = TypeVar("IN2")
OUT = TypeVar("OUT")
KEY = TypeVar("KEY")
W = TypeVar("W")


class RuntimeContext(ABC):
    """What a function sees of its parallel instance and its keyed state (worker-implemented)."""

    @abstractmethod
    def get_task_name(self) -> str:
        pass

    @abstractmethod
    def get_number_of_parallel_subtasks(self) -> int:
        pass

    @abstractmethod
    def get_max_number_of_parallel_subtasks(self) -> int:
        pass

    @abstractmethod
    def get_index_of_this_subtask(self) -> int:
        pass

    @abstractmethod
    def get_attempt_number(self) -> int:
        pass

    @abstractmethod
    def get_task_name_with_subtasks(self) -> str:
        pass

    @abstractmethod
    def get_job_parameter(self, key: str, default_value: str) -> str:
        pass

    @abstractmethod
    def get_metrics_group(self) -> MetricGroup:
        """The operator instance's root metric group, shared by every function of the instance."""

    @abstractmethod
    def get_state(self, state_descriptor: ValueStateDescriptor) -> ValueState:
        pass

    @abstractmethod
    def get_list_state(self, state_descriptor: ListStateDescriptor) -> ListState:
        pass

    @abstractmethod
    def get_map_state(self, state_descriptor: MapStateDescriptor) -> MapState:
        pass

    @abstractmethod
    def get_reducing_state(self, state_descriptor: ReducingStateDescriptor) -> ReducingState:
        pass

    @abstractmethod
    def get_aggregating_state(
        self, state_descriptor: AggregatingStateDescriptor
    ) -> AggregatingState:
        pass


class Function(ABC):
    """Base of all user functions: optional set-up and tear-down around the records."""

    def open(self, runtime_context: RuntimeContext) -> None:
        pass

    def close(self) -> None:
        pass


class MapFunction(Function):
    @abstractmethod
    def map(self, value: Any) -> Any:
        pass


class CoMapFunction(Function):
    @abstractmethod
    def map1(self, value: Any) -> Any:
        pass

    @abstractmethod
    def map2(self, value: Any) -> Any:
        pass


class FlatMapFunction(Function):
    @abstractmethod
    def flat_map(self, value: Any) -> Iterable[Any]:
        pass


class CoFlatMapFunction(Function):
    @abstractmethod
    def flat_map1(self, value: Any) -> Iterable[Any]:
        pass

    @abstractmethod
    def flat_map2(self, value: Any) -> Iterable[Any]:
        pass


class ReduceFunction(Function):
    @abstractmethod
    def reduce(self, value1: Any, value2: Any) -> Any:
        pass


class AggregateFunction(Function):
    @abstractmethod
    def create_accumulator(self) -> Any:
        pass

    @abstractmethod
    def add(self, value: Any, accumulator: Any) -> Any:
        pass

    @abstractmethod
    def get_result(self, accumulator: Any) -> Any:
        pass

    @abstractmethod
    def merge(self, acc_a: Any, acc_b: Any) -> Any:
        pass


class KeySelector(Function):
    @abstractmethod
    def get_key(self, value: Any) -> Any:
        pass


class FilterFunction(Function):
    @abstractmethod
    def filter(self, value: Any) -> bool:
        pass


class Partitioner(Function):
    @abstractmethod
    def partition(self, key: Any, num_partitions: int) -> int:
        pass


class SourceFunction(object):
    """Java source functions cannot run in Brook; kept so that imports keep working."""

    def __init__(self, source_func: Any = None) -> None:
        raise NotImplementedError(
            "SourceFunction is not supported by Brook yet; use env.from_source(...)"
        )


class SinkFunction(object):
    """Java sink functions cannot run in Brook; kept so that imports keep working."""

    def __init__(self, sink_func: Any = None) -> None:
        raise NotImplementedError("SinkFunction is not supported by Brook yet; use sink_to(...)")


class BaseContext(ABC):
    @abstractmethod
    def timer_service(self) -> TimerService:
        pass

    @abstractmethod
    def timestamp(self) -> Optional[int]:
        """The current record's timestamp, or None if it has none."""


class ProcessFunction(Function):
    class Context(BaseContext):
        pass

    @abstractmethod
    def process_element(self, value: Any, ctx: "ProcessFunction.Context") -> Iterable[Any]:
        pass


class KeyedProcessFunction(Function):
    class Context(BaseContext):
        @abstractmethod
        def get_current_key(self) -> Any:
            pass

    class OnTimerContext(Context):
        @abstractmethod
        def time_domain(self) -> TimeDomain:
            pass

    @abstractmethod
    def process_element(self, value: Any, ctx: "KeyedProcessFunction.Context") -> Iterable[Any]:
        pass

    def on_timer(self, timestamp: int, ctx: "KeyedProcessFunction.OnTimerContext") -> Iterable[Any]:
        return ()


class CoProcessFunction(Function):
    class Context(BaseContext):
        pass

    @abstractmethod
    def process_element1(self, value: Any, ctx: "CoProcessFunction.Context") -> Iterable[Any]:
        pass

    @abstractmethod
    def process_element2(self, value: Any, ctx: "CoProcessFunction.Context") -> Iterable[Any]:
        pass


class KeyedCoProcessFunction(Function):
    class Context(BaseContext):
        @abstractmethod
        def get_current_key(self) -> Any:
            pass

    class OnTimerContext(Context):
        @abstractmethod
        def time_domain(self) -> TimeDomain:
            pass

    @abstractmethod
    def process_element1(
        self, value: Any, ctx: "KeyedCoProcessFunction.Context"
    ) -> Iterable[Any]:
        pass

    @abstractmethod
    def process_element2(
        self, value: Any, ctx: "KeyedCoProcessFunction.Context"
    ) -> Iterable[Any]:
        pass

    def on_timer(
        self, timestamp: int, ctx: "KeyedCoProcessFunction.OnTimerContext"
    ) -> Iterable[Any]:
        return ()


class WindowFunction(Function, Generic[IN, OUT, KEY, W]):
    @abstractmethod
    def apply(self, key: KEY, window: W, inputs: Iterable[IN]) -> Iterable[OUT]:
        pass


class AllWindowFunction(Function, Generic[IN, OUT, W]):
    @abstractmethod
    def apply(self, window: W, inputs: Iterable[IN]) -> Iterable[OUT]:
        pass


class _WindowContext(ABC):
    @abstractmethod
    def window(self) -> Any:
        pass

    @abstractmethod
    def current_processing_time(self) -> int:
        pass

    @abstractmethod
    def current_watermark(self) -> int:
        pass

    @abstractmethod
    def window_state(self) -> Any:
        pass

    @abstractmethod
    def global_state(self) -> Any:
        pass


class ProcessWindowFunction(Function, Generic[IN, OUT, KEY, W]):
    class Context(_WindowContext):
        pass

    @abstractmethod
    def process(
        self, key: KEY, context: "ProcessWindowFunction.Context", elements: Iterable[IN]
    ) -> Iterable[OUT]:
        pass

    def clear(self, context: "ProcessWindowFunction.Context") -> None:
        pass


class ProcessAllWindowFunction(Function, Generic[IN, OUT, W]):
    class Context(_WindowContext):
        pass

    @abstractmethod
    def process(
        self, context: "ProcessAllWindowFunction.Context", elements: Iterable[IN]
    ) -> Iterable[OUT]:
        pass

    def clear(self, context: "ProcessAllWindowFunction.Context") -> None:
        pass




class BaseBroadcastProcessFunction(Function):
    """The functions of a stream connected to a BroadcastStream: both have the broadcast states
    the BroadcastStream declared, writable for broadcast elements and read-only for the others,
    so that every parallel instance holds the same state."""

    class BaseContext(ABC):
        @abstractmethod
        def timestamp(self) -> Optional[int]:
            """The timestamp of the current element (or firing timer), None if it has none."""

        @abstractmethod
        def current_processing_time(self) -> int:
            pass

        @abstractmethod
        def current_watermark(self) -> int:
            pass

    class Context(BaseContext):
        """The context of ``process_broadcast_element``."""

        @abstractmethod
        def get_broadcast_state(self, state_descriptor: MapStateDescriptor) -> BroadcastState:
            pass

    class ReadOnlyContext(BaseContext):
        """The context of ``process_element``."""

        @abstractmethod
        def get_broadcast_state(
            self, state_descriptor: MapStateDescriptor
        ) -> ReadOnlyBroadcastState:
            pass


class BroadcastProcessFunction(BaseBroadcastProcessFunction, Generic[IN1, IN2, OUT]):
    """Processes a non-keyed stream connected to a BroadcastStream."""

    class Context(BaseBroadcastProcessFunction.Context, ABC):
        pass

    class ReadOnlyContext(BaseBroadcastProcessFunction.ReadOnlyContext, ABC):
        pass

    @abstractmethod
    def process_element(self, value: IN1, ctx: ReadOnlyContext) -> Iterable[OUT]:
        pass

    @abstractmethod
    def process_broadcast_element(self, value: IN2, ctx: Context) -> Iterable[OUT]:
        pass


class KeyedBroadcastProcessFunction(BaseBroadcastProcessFunction, Generic[KEY, IN1, IN2, OUT]):
    """Processes a KeyedStream connected to a BroadcastStream: its elements and timers run for
    their key, with keyed state and timers; broadcast elements belong to no key."""

    class Context(BaseBroadcastProcessFunction.Context, ABC):
        pass

    class ReadOnlyContext(BaseBroadcastProcessFunction.ReadOnlyContext, ABC):
        @abstractmethod
        def timer_service(self) -> TimerService:
            pass

        @abstractmethod
        def get_current_key(self) -> KEY:
            pass

    class OnTimerContext(ReadOnlyContext, ABC):
        @abstractmethod
        def time_domain(self) -> TimeDomain:
            pass

    @abstractmethod
    def process_element(self, value: IN1, ctx: ReadOnlyContext) -> Iterable[OUT]:
        pass

    @abstractmethod
    def process_broadcast_element(self, value: IN2, ctx: Context) -> Iterable[OUT]:
        pass

    def on_timer(self, timestamp: int, ctx: OnTimerContext) -> Iterable[OUT]:
        return ()

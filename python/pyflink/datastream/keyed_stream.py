"""``KeyedStream``: a stream partitioned by a key that Python computes.

In the plan a ``key_by`` node follows the stream; Java runs its key selector (fused into the
preceding Python operators) and partitions on the key. Keyed operators read ``(key, value)``
records from it and hand user functions only the value. Non-keyed uses of a keyed stream (sinks,
union, partitioning, another key_by) read its values through a keyed identity map, as PyFlink
does.
"""

from typing import TYPE_CHECKING, Any, Callable, Optional, Union

from pyflink.common.typeinfo import TypeInformation
from pyflink.datastream import _function_wrappers as wrappers
from pyflink.datastream._plan import PythonFunction, Transformation
from pyflink.datastream.data_stream import DataStream
from pyflink.datastream.functions import (
    FilterFunction,
    FlatMapFunction,
    KeyedProcessFunction,
    KeySelector,
    MapFunction,
    ProcessFunction,
    ReduceFunction,
)

if TYPE_CHECKING:
    from pyflink.datastream.stream_execution_environment import StreamExecutionEnvironment
    from pyflink.datastream.windowed_stream import WindowedStream

__all__ = ["KeyedStream"]


class KeyedStream(DataStream):
    def __init__(
        self,
        env: "StreamExecutionEnvironment",
        transformation: Transformation,
        key_type: Optional[TypeInformation],
        origin_stream: DataStream,
        key_selector: KeySelector,
    ) -> None:
        super().__init__(env, transformation)
        self._key_type = key_type
        # What key_by() was called on, with which selector: connect() keys a union of both.
        self._origin_stream = origin_stream
        self._key_selector = key_selector
        self._values: Optional[Transformation] = None

    def _input(self) -> Transformation:
        if self._values is None:
            self._values = self._env._plan.add(
                "python",
                [self._transformation],
                "Map",
                self._transformation.output_type,
                function=PythonFunction("map", wrappers.identity()),
                keyed=True,
            )
        return self._values

    def _keyed(
        self, function_kind: str, function: Any, name: str, output_type: Optional[TypeInformation]
    ) -> DataStream:
        return self._python(
            function_kind, function, name, output_type, keyed=True, inputs=[self._transformation]
        )

    def _unsupported(self, what: str) -> Exception:
        return TypeError(
            "%s for a KeyedStream is not supported: set it on the operator after key_by()" % what
        )

    def name(self, name: str) -> "DataStream":
        raise self._unsupported("Setting a name")

    def uid(self, uid: str) -> "DataStream":
        raise self._unsupported("Setting a uid")

    def set_uid_hash(self, uid_hash: str) -> "DataStream":
        raise self._unsupported("Setting a uid hash")

    def set_parallelism(self, parallelism: int) -> "DataStream":
        raise self._unsupported("Setting the parallelism")

    def set_max_parallelism(self, max_parallelism: int) -> "DataStream":
        raise self._unsupported("Setting the maximum parallelism")

    def slot_sharing_group(self, slot_sharing_group: Any) -> "DataStream":
        raise self._unsupported("Setting a slot sharing group")

    def force_non_parallel(self) -> "DataStream":
        raise self._unsupported("Forcing non-parallel")

    def map(
        self, func: Union[Callable, MapFunction], output_type: Optional[TypeInformation] = None
    ) -> DataStream:
        return self._keyed("map", wrappers.wrap(func, MapFunction), "Map", output_type)

    def flat_map(
        self,
        func: Union[Callable, FlatMapFunction],
        output_type: Optional[TypeInformation] = None,
    ) -> DataStream:
        function = wrappers.wrap(func, FlatMapFunction)
        return self._keyed("flat_map", function, "FlatMap", output_type)

    def filter(self, func: Union[Callable, FilterFunction]) -> DataStream:
        function = wrappers.wrap(func, FilterFunction)
        return self._keyed("filter", function, "Filter", self._transformation.output_type)

    def reduce(self, func: Union[Callable, ReduceFunction]) -> DataStream:
        function = wrappers.wrap(func, ReduceFunction)
        return self._keyed("reduce", function, "Keyed Reduce", self._transformation.output_type)

    def process(
        self, func: KeyedProcessFunction, output_type: Optional[TypeInformation] = None
    ) -> DataStream:
        if isinstance(func, ProcessFunction):
            func = _ProcessAsKeyedProcess(func)
        if not isinstance(func, KeyedProcessFunction):
            raise TypeError("The input must be a KeyedProcessFunction, got %r" % func)
        return self._keyed("keyed_process", func, "KeyedProcess", output_type)

    def _aggregate(self, kind: str, position: Union[int, str]) -> DataStream:
        function = wrappers.field_aggregation(kind, position)
        output_type = self._transformation.output_type
        return self._keyed("reduce", function, "Keyed Aggregation", output_type)

    def sum(self, position_to_sum: Union[int, str] = 0) -> DataStream:
        return self._aggregate("sum", position_to_sum)

    def min(self, position_to_min: Union[int, str] = 0) -> DataStream:
        return self._aggregate("min", position_to_min)

    def max(self, position_to_max: Union[int, str] = 0) -> DataStream:
        return self._aggregate("max", position_to_max)

    def min_by(self, position_to_min_by: Union[int, str] = 0) -> DataStream:
        return self._aggregate("min_by", position_to_min_by)

    def max_by(self, position_to_max_by: Union[int, str] = 0) -> DataStream:
        return self._aggregate("max_by", position_to_max_by)

    def window(self, window_assigner: Any) -> "WindowedStream":
        from pyflink.datastream.windowed_stream import WindowedStream

        return WindowedStream(self, window_assigner)

    def count_window(self, size: int, slide: int = 0) -> "WindowedStream":
        from pyflink.datastream.window import (
            CountSlidingWindowAssigner,
            CountTumblingWindowAssigner,
        )

        if slide:
            return self.window(CountSlidingWindowAssigner.of(size, slide))
        return self.window(CountTumblingWindowAssigner.of(size))


class _ProcessAsKeyedProcess(KeyedProcessFunction):
    """PyFlink accepts a ProcessFunction on a KeyedStream; it then sees no key and no timers."""

    def __init__(self, func: ProcessFunction) -> None:
        self._func = func

    def open(self, runtime_context: Any) -> None:
        self._func.open(runtime_context)

    def close(self) -> None:
        self._func.close()

    def process_element(self, value: Any, ctx: Any):
        return self._func.process_element(value, ctx)

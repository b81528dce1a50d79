"""Windowed streams as plan data: one ``window`` node holds the assigner, the trigger, the
lateness settings and the window function. Built-in assigners and triggers run in the JVM; the
window function runs in Python."""

from typing import Any, Callable, Dict, Optional, Union

from pyflink.common.typeinfo import TypeInformation, type_json
from pyflink.common.time import to_millis
from pyflink.datastream import _function_wrappers as wrappers
from pyflink.datastream._plan import PythonFunction, Transformation
from pyflink.datastream.data_stream import DataStream
from pyflink.datastream.functions import (
    AggregateFunction,
    AllWindowFunction,
    ProcessAllWindowFunction,
    ProcessWindowFunction,
    ReduceFunction,
    WindowFunction,
)
from pyflink.datastream.output_tag import OutputTag
from pyflink.datastream.window import Trigger, WindowAssigner

__all__ = ["WindowedStream", "AllWindowedStream"]


class _WindowedBase(object):
    _keyed = True
    _window_function_types: tuple = ()
    _process_function_type: type = object

    def __init__(self, stream: DataStream, window_assigner: WindowAssigner) -> None:
        if not isinstance(window_assigner, WindowAssigner):
            raise TypeError("Expected a WindowAssigner, got %r" % window_assigner)
        self._stream = stream
        self._assigner = window_assigner
        self._trigger: Optional[Trigger] = None
        self._allowed_lateness_ms = 0
        self._late_data_tag: Optional[OutputTag] = None

    def _input(self) -> Transformation:
        return self._stream._transformation if self._keyed else self._stream._input()

    def get_execution_environment(self):
        return self._stream._env

    def get_input_type(self) -> TypeInformation:
        return self._stream.get_type()

    def trigger(self, trigger: Trigger):
        if not isinstance(trigger, Trigger):
            raise TypeError("Expected a Trigger, got %r" % trigger)
        self._trigger = trigger
        return self

    def allowed_lateness(self, time_ms: Any):
        self._allowed_lateness_ms = to_millis(time_ms, "The allowed lateness")
        return self

    def side_output_late_data(self, output_tag: OutputTag):
        self._late_data_tag = output_tag
        return self

    def evictor(self, evictor: Any):
        raise NotImplementedError("Window evictors are not supported by Brook yet")

    def _window(
        self,
        function_kind: str,
        function: Any,
        output_type: Optional[TypeInformation],
        name: str,
        **extra: Any,
    ) -> DataStream:
        env = self._stream._env
        fields: Dict[str, Any] = {
            "keyed": self._keyed,
            "assigner": self._assigner._to_json(),
            "trigger": None if self._trigger is None else self._trigger._to_json(),
            "allowed_lateness_ms": self._allowed_lateness_ms,
            "late_data_tag": None if self._late_data_tag is None else self._late_data_tag.tag_id,
        }
        t = env._plan.add(
            "window",
            [self._input()],
            name,
            output_type,
            function=PythonFunction(function_kind, function, **extra),
            **fields,
        )
        if self._late_data_tag is not None:
            t.add_side_output(self._late_data_tag)
        return DataStream(env, t)

    def _optional_window_function(self, window_function: Any) -> Optional[str]:
        if window_function is None:
            return None
        if not isinstance(window_function, self._window_function_types):
            raise TypeError("Expected a window function, got %r" % window_function)
        return PythonFunction("window_function", window_function).payload

    def reduce(
        self,
        reduce_function: Union[Callable, ReduceFunction],
        window_function: Any = None,
        output_type: Optional[TypeInformation] = None,
    ) -> DataStream:
        function = wrappers.wrap(reduce_function, ReduceFunction)
        if window_function is None:
            output_type = self._stream._transformation.output_type
        return self._window(
            "reduce",
            function,
            output_type,
            "Window(Reduce)",
            window_function=self._optional_window_function(window_function),
        )

    def aggregate(
        self,
        aggregate_function: AggregateFunction,
        window_function: Any = None,
        accumulator_type: Optional[TypeInformation] = None,
        output_type: Optional[TypeInformation] = None,
    ) -> DataStream:
        if not isinstance(aggregate_function, AggregateFunction):
            raise TypeError("Expected an AggregateFunction, got %r" % aggregate_function)
        return self._window(
            "aggregate",
            aggregate_function,
            output_type,
            "Window(Aggregate)",
            window_function=self._optional_window_function(window_function),
            accumulator_type=None if accumulator_type is None else type_json(accumulator_type),
        )

    def apply(
        self, window_function: Any, output_type: Optional[TypeInformation] = None
    ) -> DataStream:
        if not isinstance(window_function, self._window_function_types[0]):
            raise TypeError("Expected a %s, got %r"
                            % (self._window_function_types[0].__name__, window_function))
        return self._window("apply", window_function, output_type, "Window(Apply)")

    def process(
        self, process_window_function: Any, output_type: Optional[TypeInformation] = None
    ) -> DataStream:
        if not isinstance(process_window_function, self._process_function_type):
            raise TypeError(
                "Expected a %s, got %r"
                % (self._process_function_type.__name__, process_window_function)
            )
        return self._window("process", process_window_function, output_type, "Window(Process)")


class WindowedStream(_WindowedBase):
    """Windows per key of a KeyedStream."""

    _keyed = True
    _window_function_types = (WindowFunction, ProcessWindowFunction)
    _process_function_type = ProcessWindowFunction


class AllWindowedStream(_WindowedBase):
    """Windows over a whole (non-keyed) stream; runs with parallelism 1."""

    _keyed = False
    _window_function_types = (AllWindowFunction, ProcessAllWindowFunction)
    _process_function_type = ProcessAllWindowFunction

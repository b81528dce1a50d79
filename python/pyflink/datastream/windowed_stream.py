"""Windowed streams: a window operation is one keyed Python function of kind ``window``.

Its payload (``_window_operation.WindowOperation``) holds the assigner, the trigger, the lateness
settings and the functions; the UDF worker's window operator runs all of them on the key's state
and timers in the JVM. A window over a whole stream (``window_all``) keys every record by one
constant key and runs at parallelism 1, as PyFlink does.
"""

from typing import Any, Callable, Optional, Union

from pyflink.common.time import to_millis
from pyflink.common.typeinfo import TypeInformation, Types
from pyflink.datastream import _function_wrappers as wrappers
from pyflink.datastream._plan import PythonFunction
from pyflink.datastream._window_operation import WindowOperation
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
from pyflink.datastream.window import MergingWindowAssigner, Trigger, WindowAssigner

__all__ = ["WindowedStream", "AllWindowedStream"]


class _WindowedBase(object):
    _keyed = True
    _apply_type: type = object
    _process_type: type = object

    def __init__(self, stream: DataStream, window_assigner: WindowAssigner) -> None:
        if not isinstance(window_assigner, WindowAssigner):
            raise TypeError("Expected a WindowAssigner, got %r" % window_assigner)
        self._stream = stream
        self._assigner = window_assigner
        self._trigger: Trigger = window_assigner.get_default_trigger(stream._env)
        self._allowed_lateness_ms = 0
        self._late_data_tag: Optional[OutputTag] = None

    def get_execution_environment(self):
        return self._stream._env

    def get_input_type(self) -> TypeInformation:
        return self._stream.get_type()

    def trigger(self, trigger: Trigger):
        if not isinstance(trigger, Trigger):
            raise TypeError("Expected a Trigger, got %r" % trigger)
        if isinstance(self._assigner, MergingWindowAssigner) and not trigger.can_merge():
            raise TypeError(
                "%r cannot be used with the merging window assigner %r: its can_merge() returns "
                "False" % (trigger, self._assigner)
            )
        self._trigger = trigger
        return self

    def allowed_lateness(self, time_ms: Any):
        lateness = to_millis(time_ms, "The allowed lateness")
        if lateness < 0:
            raise ValueError("The allowed lateness cannot be negative, got %d ms" % lateness)
        self._allowed_lateness_ms = lateness
        return self

    def side_output_late_data(self, output_tag: OutputTag):
        if not isinstance(output_tag, OutputTag):
            raise TypeError("Expected an OutputTag, got %r" % output_tag)
        self._late_data_tag = output_tag
        return self

    def evictor(self, evictor: Any):
        raise NotImplementedError("Window evictors are not supported by Brook yet")

    def _window(
        self,
        contents: str,
        incremental: Any,
        window_function: Any,
        output_type: Optional[TypeInformation],
        name: str,
    ) -> DataStream:
        operation = WindowOperation(
            self._assigner,
            self._trigger,
            self._allowed_lateness_ms,
            None if self._late_data_tag is None else self._late_data_tag.tag_id,
            contents,
            incremental,
            window_function,
            isinstance(window_function, (ProcessWindowFunction, ProcessAllWindowFunction)),
            self._keyed,
        )
        if self._keyed:
            keyed = self._stream
        else:
            keyed = self._stream.key_by(wrappers.constant_key(), key_type=Types.INT())
        t = keyed._env._plan.add(
            "python",
            [keyed._transformation],
            name,
            output_type,
            function=PythonFunction("window", operation),
            keyed=True,
        )
        result = DataStream(keyed._env, t)
        if not self._keyed:
            result.force_non_parallel()
        return result

    def _check_window_function(self, window_function: Any, types: tuple) -> None:
        if not isinstance(window_function, types):
            raise TypeError(
                "Expected a %s, got %r" % (" or ".join(t.__name__ for t in types), window_function)
            )

    def reduce(
        self,
        reduce_function: Union[Callable, ReduceFunction],
        window_function: Any = None,
        output_type: Optional[TypeInformation] = None,
    ) -> DataStream:
        """Combines each window's elements with ``reduce_function`` as they arrive; emits the
        result, or hands it to ``window_function`` when the window fires."""
        function = wrappers.wrap(reduce_function, ReduceFunction)
        if window_function is None:
            output_type = self._stream._transformation.output_type
        else:
            self._check_window_function(window_function, (self._apply_type, self._process_type))
        return self._window("reduce", function, window_function, output_type, "Window(Reduce)")

    def aggregate(
        self,
        aggregate_function: AggregateFunction,
        window_function: Any = None,
        accumulator_type: Optional[TypeInformation] = None,
        output_type: Optional[TypeInformation] = None,
    ) -> DataStream:
        """Folds each window's elements into an accumulator as they arrive; emits
        ``get_result``, or hands it to ``window_function`` when the window fires. Accumulators
        are kept pickled, so ``accumulator_type`` is accepted for PyFlink compatibility only."""
        if not isinstance(aggregate_function, AggregateFunction):
            raise TypeError("Expected an AggregateFunction, got %r" % aggregate_function)
        if window_function is not None:
            self._check_window_function(window_function, (self._apply_type, self._process_type))
        return self._window(
            "aggregate", aggregate_function, window_function, output_type, "Window(Aggregate)"
        )

    def apply(
        self, window_function: Any, output_type: Optional[TypeInformation] = None
    ) -> DataStream:
        self._check_window_function(window_function, (self._apply_type,))
        return self._window("list", None, window_function, output_type, "Window(Apply)")

    def process(
        self, process_window_function: Any, output_type: Optional[TypeInformation] = None
    ) -> DataStream:
        self._check_window_function(process_window_function, (self._process_type,))
        return self._window("list", None, process_window_function, output_type, "Window(Process)")


class WindowedStream(_WindowedBase):
    """Windows per key of a KeyedStream."""

    _keyed = True
    _apply_type = WindowFunction
    _process_type = ProcessWindowFunction


class AllWindowedStream(_WindowedBase):
    """Windows over a whole (non-keyed) stream; runs with parallelism 1."""

    _keyed = False
    _apply_type = AllWindowFunction
    _process_type = ProcessAllWindowFunction

"""``ConnectedStreams``: two streams processed by one two-input Python function. If both sides are
keyed, the function is keyed (state and timers per key) and reads ``(key, value)`` records."""

from typing import Any, Callable, List, Optional, Union

from pyflink.common.typeinfo import TypeInformation
from pyflink.datastream._plan import PythonFunction, Transformation
from pyflink.datastream.data_stream import DataStream
from pyflink.datastream.functions import (
    CoFlatMapFunction,
    CoMapFunction,
    CoProcessFunction,
    KeyedCoProcessFunction,
    KeySelector,
)

__all__ = ["ConnectedStreams"]


class ConnectedStreams(object):
    def __init__(self, stream1: DataStream, stream2: DataStream) -> None:
        self.stream1 = stream1
        self.stream2 = stream2

    def _is_keyed(self) -> bool:
        from pyflink.datastream.keyed_stream import KeyedStream

        return isinstance(self.stream1, KeyedStream) and isinstance(self.stream2, KeyedStream)

    def _inputs(self) -> List[Transformation]:
        if self._is_keyed():
            return [self.stream1._transformation, self.stream2._transformation]
        return [self.stream1._input(), self.stream2._input()]

    def _co(
        self, kind: str, function: Any, name: str, output_type: Optional[TypeInformation]
    ) -> DataStream:
        env = self.stream1._env
        t = env._plan.add(
            "python",
            self._inputs(),
            name,
            output_type,
            function=PythonFunction(kind, function),
            keyed=self._is_keyed(),
        )
        return DataStream(env, t)

    def key_by(
        self,
        key_selector1: Union[Callable, KeySelector],
        key_selector2: Union[Callable, KeySelector],
        key_type: Optional[TypeInformation] = None,
    ) -> "ConnectedStreams":
        return ConnectedStreams(
            self.stream1.key_by(key_selector1, key_type),
            self.stream2.key_by(key_selector2, key_type),
        )

    def map(self, func: CoMapFunction, output_type: Optional[TypeInformation] = None) -> DataStream:
        if not isinstance(func, CoMapFunction):
            raise TypeError("The input function must be a CoMapFunction, got %r" % func)
        return self._co("co_map", func, "Co-Map", output_type)

    def flat_map(
        self, func: CoFlatMapFunction, output_type: Optional[TypeInformation] = None
    ) -> DataStream:
        if not isinstance(func, CoFlatMapFunction):
            raise TypeError("The input function must be a CoFlatMapFunction, got %r" % func)
        return self._co("co_flat_map", func, "Co-Flat Map", output_type)

    def process(
        self,
        func: Union[CoProcessFunction, KeyedCoProcessFunction],
        output_type: Optional[TypeInformation] = None,
    ) -> DataStream:
        if isinstance(func, KeyedCoProcessFunction):
            if not self._is_keyed():
                raise TypeError(
                    "A KeyedCoProcessFunction needs two keyed streams: connect two KeyedStreams "
                    "or call key_by(...) on the ConnectedStreams"
                )
            return self._co("keyed_co_process", func, "KeyedCoProcess", output_type)
        if not isinstance(func, CoProcessFunction):
            raise TypeError(
                "The input must be a CoProcessFunction or a KeyedCoProcessFunction, got %r" % func
            )
        return self._co("co_process", func, "Co-Process", output_type)

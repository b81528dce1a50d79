"""``ConnectedStreams``: two streams processed by one two-input Python function.

In the plan a connect() is a tagged union (see ``_co_functions``): each input is tagged by a map
that joins its input's chain, the tagged streams are unioned, and one Python function dispatches
on the tag. If both inputs are keyed, the union is keyed by the selector of each record's side and
the function runs keyed, so both inputs share the key's state and timers. The union's watermark is
the minimum over both inputs, as a two-input operator's is.
"""

from typing import Any, Callable, Optional, Union

from pyflink.common.typeinfo import TypeInformation, type_json
from pyflink.datastream import _co_functions as co
from pyflink.datastream._plan import Transformation
from pyflink.datastream.data_stream import DataStream
from pyflink.datastream.functions import (
    CoFlatMapFunction,
    CoMapFunction,
    CoProcessFunction,
    KeyedCoProcessFunction,
    KeySelector,
)
from pyflink.datastream.keyed_stream import KeyedStream

__all__ = ["ConnectedStreams"]


# Nodes that Java runs at their (first) input's parallelism unless they set their own.
_AT_INPUT_PARALLELISM = frozenset(
    {
        "assign_timestamps_and_watermarks",
        "side_output",
        "union",
        "forward",
        "rebalance",
        "rescale",
        "shuffle",
        "broadcast",
        "global",
    }
)


def _parallelism_of(t: Transformation) -> int:
    while t.parallelism == -1 and t.kind in _AT_INPUT_PARALLELISM:
        t = t.inputs[0]
    return t.parallelism


def _tagged(stream: DataStream, tag: int) -> DataStream:
    """``stream``'s values as ``(tag, value)``, tagged at the parallelism they are produced at, so
    the tag joins the input's chain or at least does not redistribute its records (which could
    reorder the records of one key on their way to a keyed function)."""
    tagged = stream._python("map", co.Tag(tag), "Tag Input %d" % (tag + 1), None)
    tagged._transformation.parallelism = _parallelism_of(stream._input())
    return tagged


class ConnectedStreams(object):
    def __init__(self, stream1: DataStream, stream2: DataStream) -> None:
        self.stream1 = stream1
        self.stream2 = stream2

    def _is_keyed(self) -> bool:
        return isinstance(self.stream1, KeyedStream) and isinstance(self.stream2, KeyedStream)

    def _apply(
        self, kind: str, function: Any, name: str, output_type: Optional[TypeInformation]
    ) -> DataStream:
        if not self._is_keyed():
            union = _tagged(self.stream1, 0).union(_tagged(self.stream2, 1))
            return union._python(kind, function, name, output_type)
        first, second = self.stream1, self.stream2
        assert isinstance(first, KeyedStream) and isinstance(second, KeyedStream)
        if type_json(first._key_type) != type_json(second._key_type):
            raise ValueError(
                "The key types of the connected KeyedStreams don't match: %r and %r. Give both "
                "key_by() calls the same key_type." % (first._key_type, second._key_type)
            )
        union = _tagged(first._origin_stream, 0).union(_tagged(second._origin_stream, 1))
        keyed = union.key_by(
            co.TaggedKeySelector(first._key_selector, second._key_selector), first._key_type
        )
        if kind == "process":  # keyed, a process function gets the key and timers
            kind = "keyed_process"
        return keyed._keyed(kind, function, name, output_type)

    def key_by(
        self,
        key_selector1: Union[Callable, KeySelector],
        key_selector2: Union[Callable, KeySelector],
        key_type: Optional[TypeInformation] = None,
    ) -> "ConnectedStreams":
        def origin(stream: DataStream) -> DataStream:
            return stream._origin_stream if isinstance(stream, KeyedStream) else stream

        return ConnectedStreams(
            origin(self.stream1).key_by(key_selector1, key_type),
            origin(self.stream2).key_by(key_selector2, key_type),
        )

    def map(self, func: CoMapFunction, output_type: Optional[TypeInformation] = None) -> DataStream:
        if not isinstance(func, CoMapFunction):
            raise TypeError("The input function must be a CoMapFunction, got %r" % func)
        return self._apply("flat_map", co.CoMap(func), "Co-Map", output_type)

    def flat_map(
        self, func: CoFlatMapFunction, output_type: Optional[TypeInformation] = None
    ) -> DataStream:
        if not isinstance(func, CoFlatMapFunction):
            raise TypeError("The input function must be a CoFlatMapFunction, got %r" % func)
        return self._apply("flat_map", co.CoFlatMap(func), "Co-Flat Map", output_type)

    def process(
        self,
        func: Union[CoProcessFunction, KeyedCoProcessFunction],
        output_type: Optional[TypeInformation] = None,
    ) -> DataStream:
        if not isinstance(func, (CoProcessFunction, KeyedCoProcessFunction)):
            raise TypeError(
                "The input must be a CoProcessFunction or a KeyedCoProcessFunction, got %r" % func
            )
        if not self._is_keyed():
            if isinstance(func, KeyedCoProcessFunction):
                raise TypeError(
                    "A KeyedCoProcessFunction needs two keyed streams: connect two KeyedStreams "
                    "or call key_by(...) on the ConnectedStreams"
                )
            return self._apply("process", co.CoProcess(func), "Co-Process", output_type)
        return self._apply("process", co.CoProcess(func), "Keyed Co-Process", output_type)

"""``BroadcastStream`` and ``BroadcastConnectedStream``: the broadcast state pattern.

``stream.broadcast(descriptor, ...)`` makes a BroadcastStream: every element goes to every parallel
instance of the operation it is connected to, which keeps the broadcast states the descriptors
name. ``other.connect(broadcast_stream).process(function)`` adds one ``broadcast_process`` node
with two inputs (the non-broadcast stream, or for a KeyedStream its ``key_by`` node, and the
broadcast stream's values); Java runs it as a two-input operator whose broadcast states live in
the operator state backend, so checkpoints cover them.
"""

from typing import TYPE_CHECKING, List, Optional, Union

from pyflink.common.typeinfo import TypeInformation
from pyflink.datastream._plan import PythonFunction
from pyflink.datastream.functions import BroadcastProcessFunction, KeyedBroadcastProcessFunction
from pyflink.datastream.state import MapStateDescriptor

if TYPE_CHECKING:
    from pyflink.datastream.data_stream import DataStream

__all__ = ["BroadcastStream", "BroadcastConnectedStream"]


class BroadcastStream(object):
    """A stream broadcast with broadcast states. It can only be connected to: ``connect()`` on a
    DataStream or KeyedStream gives a BroadcastConnectedStream."""

    def __init__(
        self,
        input_stream: "DataStream",
        broadcast_state_descriptors: List[MapStateDescriptor],
    ) -> None:
        names = set()
        for descriptor in broadcast_state_descriptors:
            if not isinstance(descriptor, MapStateDescriptor):
                raise TypeError(
                    "broadcast() takes MapStateDescriptors, got %r" % (descriptor,)
                )
            if descriptor.get_name() in names:
                raise ValueError(
                    "The broadcast state '%s' is declared twice" % descriptor.get_name()
                )
            names.add(descriptor.get_name())
        self.input_stream = input_stream
        self.broadcast_state_descriptors = list(broadcast_state_descriptors)


class BroadcastConnectedStream(object):
    """A DataStream or KeyedStream connected to a BroadcastStream: process it with a
    BroadcastProcessFunction or a KeyedBroadcastProcessFunction respectively."""

    def __init__(
        self,
        non_broadcast_stream: "DataStream",
        broadcast_stream: BroadcastStream,
        broadcast_state_descriptors: List[MapStateDescriptor],
    ) -> None:
        self.non_broadcast_stream = non_broadcast_stream
        self.broadcast_stream = broadcast_stream
        self.broadcast_state_descriptors = broadcast_state_descriptors

    def _is_keyed_stream(self) -> bool:
        from pyflink.datastream.keyed_stream import KeyedStream

        return isinstance(self.non_broadcast_stream, KeyedStream)

    def process(
        self,
        func: Union[BroadcastProcessFunction, KeyedBroadcastProcessFunction],
        output_type: Optional[TypeInformation] = None,
    ) -> "DataStream":
        from pyflink.datastream.data_stream import DataStream

        keyed = self._is_keyed_stream()
        if isinstance(func, BroadcastProcessFunction):
            if keyed:
                raise TypeError(
                    "A BroadcastProcessFunction is for a non-keyed stream; connect a KeyedStream "
                    "with a KeyedBroadcastProcessFunction"
                )
            kind, name = "broadcast_process", "Co-Process-Broadcast"
        elif isinstance(func, KeyedBroadcastProcessFunction):
            if not keyed:
                raise TypeError(
                    "A KeyedBroadcastProcessFunction needs a keyed stream: call key_by() before "
                    "connect(), or use a BroadcastProcessFunction"
                )
            kind, name = "keyed_broadcast_process", "Co-Process-Broadcast-Keyed"
        else:
            raise TypeError(
                "The input must be a BroadcastProcessFunction or a "
                "KeyedBroadcastProcessFunction, got %r" % (func,)
            )
        stream = self.non_broadcast_stream
        # A keyed function reads the key_by node itself: its (key, value) records.
        first = stream._transformation if keyed else stream._input()
        env = stream._env
        t = env._plan.add(
            "broadcast_process",
            [first, self.broadcast_stream.input_stream._input()],
            name,
            output_type,
            function=PythonFunction(kind, func),
            keyed=keyed,
            broadcast_states=[d.get_name() for d in self.broadcast_state_descriptors],
        )
        return DataStream(env, t)

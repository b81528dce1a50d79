"""``DataStream`` and ``DataStreamSink``: each method appends one node to the environment's plan.

Keyed, connected and windowed streams live in their own modules and are re-exported here so that
PyFlink's imports (``from pyflink.datastream.data_stream import KeyedStream``) keep working.
"""

from typing import TYPE_CHECKING, Any, Callable, Iterator, List, Optional, Union, cast

from pyflink.common.typeinfo import TypeInformation, Types, is_pickled, type_json
from pyflink.common.watermark_strategy import WatermarkStrategy
from pyflink.datastream import _function_wrappers as wrappers
from pyflink.datastream._plan import PythonFunction, Transformation
from pyflink.datastream.broadcast_stream import BroadcastConnectedStream, BroadcastStream
from pyflink.datastream.functions import (
    FilterFunction,
    FlatMapFunction,
    KeyedProcessFunction,
    KeySelector,
    MapFunction,
    Partitioner,
    ProcessFunction,
)
from pyflink.datastream.output_tag import OutputTag
from pyflink.datastream.state import MapStateDescriptor
from pyflink.datastream.slot_sharing_group import SlotSharingGroup

if TYPE_CHECKING:
    from pyflink.datastream.connected_streams import ConnectedStreams
    from pyflink.datastream.keyed_stream import KeyedStream
    from pyflink.datastream.stream_execution_environment import StreamExecutionEnvironment
    from pyflink.datastream.windowed_stream import AllWindowedStream

__all__ = [
    "DataStream",
    "DataStreamSink",
    "KeyedStream",
    "ConnectedStreams",
    "BroadcastStream",
    "BroadcastConnectedStream",
    "WindowedStream",
    "AllWindowedStream",
    "CloseableIterator",
]


class DataStream(object):
    """A stream of elements of one type, built lazily into the plan."""

    def __init__(self, env: "StreamExecutionEnvironment", transformation: Transformation) -> None:
        self._env = env
        self._transformation = transformation

    # -- plumbing ------------------------------------------------------------------------------

    def _input(self) -> Transformation:
        """The node that consumers read this stream's values from."""
        return self._transformation

    def _add(self, kind: str, name: str, output_type: Optional[TypeInformation], **fields: Any):
        return self._env._plan.add(kind, [self._input()], name, output_type, **fields)

    def _python(
        self,
        function_kind: str,
        function: Any,
        name: str,
        output_type: Optional[TypeInformation],
        keyed: bool = False,
        inputs: Optional[List[Transformation]] = None,
    ) -> "DataStream":
        t = self._env._plan.add(
            "python",
            inputs if inputs is not None else [self._input()],
            name,
            output_type,
            function=PythonFunction(function_kind, function),
            keyed=keyed,
        )
        return DataStream(self._env, t)

    def _aligned_for_text(self) -> Transformation:
        """Pickled elements are rendered with ``str()`` in Python before text sinks."""
        if is_pickled(self.get_type()):
            return self._python("map", wrappers.str_map(), "Map", Types.STRING())._transformation
        return self._input()

    # -- properties ----------------------------------------------------------------------------

    def get_name(self) -> str:
        return self._transformation.name

    def name(self, name: str) -> "DataStream":
        self._transformation.name = name
        return self

    def uid(self, uid: str) -> "DataStream":
        self._transformation.uid = uid
        return self

    def set_uid_hash(self, uid_hash: str) -> "DataStream":
        self._transformation.uid_hash = uid_hash
        return self

    def set_description(self, description: str) -> "DataStream":
        self._transformation.description = description
        return self

    def set_parallelism(self, parallelism: int) -> "DataStream":
        if parallelism < 1 and parallelism != -1:
            raise ValueError("The parallelism must be at least 1 (or -1 for the default)")
        self._transformation.parallelism = parallelism
        return self

    def set_max_parallelism(self, max_parallelism: int) -> "DataStream":
        if max_parallelism < 1 and max_parallelism != -1:
            raise ValueError("The maximum parallelism must be at least 1 (or -1 for the default)")
        self._transformation.max_parallelism = max_parallelism
        return self

    def force_non_parallel(self) -> "DataStream":
        self._transformation.parallelism = 1
        self._transformation.max_parallelism = 1
        return self

    def slot_sharing_group(self, slot_sharing_group: Union[str, SlotSharingGroup]) -> "DataStream":
        if isinstance(slot_sharing_group, SlotSharingGroup):
            slot_sharing_group = slot_sharing_group.get_name()
        self._transformation.slot_sharing_group = slot_sharing_group
        return self

    def set_buffer_timeout(self, timeout_millis: int) -> "DataStream":
        self._transformation.buffer_timeout_ms = timeout_millis
        return self

    def start_new_chain(self) -> "DataStream":
        self._transformation.chaining = "head"
        return self

    def disable_chaining(self) -> "DataStream":
        self._transformation.chaining = "never"
        return self

    def get_type(self) -> TypeInformation:
        return self._transformation.output_type or Types.PICKLED_BYTE_ARRAY()

    def get_execution_environment(self) -> "StreamExecutionEnvironment":
        return self._env

    def get_execution_config(self):
        return self._env.get_config()

    # -- Python transformations ----------------------------------------------------------------

    def map(
        self, func: Union[Callable, MapFunction], output_type: Optional[TypeInformation] = None
    ) -> "DataStream":
        return self._python("map", wrappers.wrap(func, MapFunction), "Map", output_type)

    def flat_map(
        self,
        func: Union[Callable, FlatMapFunction],
        output_type: Optional[TypeInformation] = None,
    ) -> "DataStream":
        function = wrappers.wrap(func, FlatMapFunction)
        return self._python("flat_map", function, "FlatMap", output_type)

    def filter(self, func: Union[Callable, FilterFunction]) -> "DataStream":
        function = wrappers.wrap(func, FilterFunction)
        return self._python("filter", function, "Filter", self._transformation.output_type)

    def process(
        self, func: ProcessFunction, output_type: Optional[TypeInformation] = None
    ) -> "DataStream":
        if isinstance(func, KeyedProcessFunction):
            raise TypeError(
                "A KeyedProcessFunction needs a KeyedStream: call key_by(...) before process()"
            )
        if not isinstance(func, ProcessFunction):
            raise TypeError("The input must be a ProcessFunction, got %r" % func)
        return self._python("process", func, "Process", output_type)

    def key_by(
        self,
        key_selector: Union[Callable, KeySelector],
        key_type: Optional[TypeInformation] = None,
    ) -> "KeyedStream":
        from pyflink.datastream.keyed_stream import KeyedStream

        selector = cast(KeySelector, wrappers.wrap(key_selector, KeySelector))
        t = self._add(
            "key_by",
            "KeyBy",
            self._transformation.output_type,
            key_selector=PythonFunction("key_selector", selector).payload,
            key_type=None if key_type is None else type_json(key_type),
        )
        return KeyedStream(self._env, t, key_type, self, selector)

    def get_side_output(self, output_tag: OutputTag) -> "DataStream":
        source = self._transformation
        if source.function is None:
            raise ValueError(
                "get_side_output() needs the result of process() or of a window operation, "
                "not of %r" % source.name
            )
        source.add_side_output(output_tag)
        t = self._env._plan.add(
            "side_output", [source], "SideOutput", output_tag.type_info, tag=output_tag.tag_id
        )
        return DataStream(self._env, t)

    def assign_timestamps_and_watermarks(
        self, watermark_strategy: WatermarkStrategy
    ) -> "DataStream":
        t = self._add(
            "assign_timestamps_and_watermarks",
            "Timestamps/Watermarks",
            self._transformation.output_type,
            watermark_strategy=watermark_strategy._to_json(),
        )
        return DataStream(self._env, t)

    # -- combining -----------------------------------------------------------------------------

    def union(self, *streams: "DataStream") -> "DataStream":
        mine = type_json(self.get_type())
        for s in streams:
            if type_json(s.get_type()) != mine:
                raise ValueError(
                    "Cannot union streams of different types: %r and %r"
                    % (self.get_type(), s.get_type())
                )
        inputs = [self._input()] + [s._input() for s in streams]
        t = self._env._plan.add("union", inputs, "Union", self._transformation.output_type)
        return DataStream(self._env, t)

    def connect(
        self, ds: Union["DataStream", BroadcastStream]
    ) -> Union["ConnectedStreams", BroadcastConnectedStream]:
        """With a DataStream: ConnectedStreams for a two-input function. With a BroadcastStream:
        a BroadcastConnectedStream for a (Keyed)BroadcastProcessFunction."""
        from pyflink.datastream.connected_streams import ConnectedStreams

        if isinstance(ds, BroadcastStream):
            return BroadcastConnectedStream(self, ds, ds.broadcast_state_descriptors)
        if not isinstance(ds, DataStream):
            raise TypeError("connect() takes a DataStream or a BroadcastStream, got %r" % (ds,))
        return ConnectedStreams(self, ds)

    # -- partitioning --------------------------------------------------------------------------

    def _partition(self, kind: str) -> "DataStream":
        t = self._add(kind, kind.capitalize(), self._transformation.output_type)
        return DataStream(self._env, t)

    def shuffle(self) -> "DataStream":
        return self._partition("shuffle")

    def rebalance(self) -> "DataStream":
        return self._partition("rebalance")

    def rescale(self) -> "DataStream":
        return self._partition("rescale")

    def forward(self) -> "DataStream":
        return self._partition("forward")

    def global_(self) -> "DataStream":
        """Flink's ``global()`` (a Python keyword): every element goes to subtask 0."""
        return self._partition("global")

    def broadcast(
        self,
        broadcast_state_descriptor: Optional[MapStateDescriptor] = None,
        *other_broadcast_state_descriptors: MapStateDescriptor,
    ) -> Union["DataStream", BroadcastStream]:
        """Without arguments: every element goes to every parallel instance of the next
        operation. With MapStateDescriptors: a BroadcastStream with those broadcast states, to
        connect() a stream to."""
        if broadcast_state_descriptor is None:
            if other_broadcast_state_descriptors:
                raise TypeError("broadcast() got None as its first broadcast state descriptor")
            return self._partition("broadcast")
        return BroadcastStream(
            self, [broadcast_state_descriptor] + list(other_broadcast_state_descriptors)
        )

    def partition_custom(
        self,
        partitioner: Union[Callable, Partitioner],
        key_selector: Union[Callable, KeySelector],
    ) -> "DataStream":
        """Sends each element to the partition (parallel instance of the next operation) that
        ``partitioner.partition(key_selector.get_key(element), num_partitions)`` names."""
        function = wrappers.CustomPartition(
            cast(Partitioner, wrappers.wrap(partitioner, Partitioner)),
            cast(KeySelector, wrappers.wrap(key_selector, KeySelector)),
        )
        t = self._add(
            "partition_custom",
            "PartitionCustom",
            self._transformation.output_type,
            partitioner=PythonFunction("custom_partition", function).payload,
        )
        return DataStream(self._env, t)

    # -- windows -------------------------------------------------------------------------------

    def window_all(self, window_assigner: Any) -> "AllWindowedStream":
        from pyflink.datastream.windowed_stream import AllWindowedStream

        return AllWindowedStream(self, window_assigner)

    def count_window_all(self, size: int, slide: int = 0) -> "AllWindowedStream":
        from pyflink.datastream.window import (
            CountSlidingWindowAssigner,
            CountTumblingWindowAssigner,
        )

        if slide:
            return self.window_all(CountSlidingWindowAssigner.of(size, slide))
        return self.window_all(CountTumblingWindowAssigner.of(size))

    # -- sinks ---------------------------------------------------------------------------------

    def print(self, sink_identifier: Optional[str] = None) -> "DataStreamSink":
        input = self._aligned_for_text()
        t = self._env._plan.add(
            "print",
            [input],
            "Print to Std. Out",
            input.output_type,
            to_stderr=False,
            sink_identifier=sink_identifier,
        )
        return DataStreamSink(t)

    def sink_to(self, sink: Any) -> "DataStreamSink":
        from pyflink.datastream.connectors.base import Sink

        if not isinstance(sink, Sink):
            raise TypeError("sink_to() expects a Sink such as FileSink, got %r" % sink)
        return DataStreamSink(sink._add_to_plan(self._env._plan, self._aligned_for_text()))

    def add_sink(self, sink_func: Any) -> "DataStreamSink":
        raise NotImplementedError(
            "add_sink(SinkFunction) is not supported by Brook yet; use sink_to(...) or print()"
        )

    def execute_and_collect(
        self, job_name: Optional[str] = None, limit: Optional[int] = None
    ) -> Union["CloseableIterator", list]:
        """Runs the job and returns its elements: an iterator, or a list of at most ``limit``."""
        iterator = self._env._execute_and_collect(self, job_name, limit)
        if limit is None:
            return iterator
        with iterator:
            return list(iterator)

    def cache(self) -> "DataStream":
        raise NotImplementedError("DataStream.cache() is not supported by Brook yet")


setattr(DataStream, "global", DataStream.global_)


class DataStreamSink(object):
    """The end of a stream; sets the sink operator's properties."""

    def __init__(self, transformation: Transformation) -> None:
        self._transformation = transformation

    def name(self, name: str) -> "DataStreamSink":
        self._transformation.name = name
        return self

    def uid(self, uid: str) -> "DataStreamSink":
        self._transformation.uid = uid
        return self

    def set_uid_hash(self, uid_hash: str) -> "DataStreamSink":
        self._transformation.uid_hash = uid_hash
        return self

    def set_description(self, description: str) -> "DataStreamSink":
        self._transformation.description = description
        return self

    def set_parallelism(self, parallelism: int) -> "DataStreamSink":
        self._transformation.parallelism = parallelism
        return self

    def slot_sharing_group(
        self, slot_sharing_group: Union[str, SlotSharingGroup]
    ) -> "DataStreamSink":
        if isinstance(slot_sharing_group, SlotSharingGroup):
            slot_sharing_group = slot_sharing_group.get_name()
        self._transformation.slot_sharing_group = slot_sharing_group
        return self

    def disable_chaining(self) -> "DataStreamSink":
        self._transformation.chaining = "never"
        return self

    def start_new_chain(self) -> "DataStreamSink":
        self._transformation.chaining = "head"
        return self


class CloseableIterator(Iterator):
    """Elements of an ``execute_and_collect()`` job, fetched from the JVM in batches. Closing it
    (or leaving a ``with`` block) cancels the job if it still runs."""

    def __init__(self, j_iterator: Any, type_info: TypeInformation) -> None:
        self._j_iterator = j_iterator
        self._type_info = type_info
        self._buffer: List[Any] = []
        self._position = 0
        self._done = False

    def __iter__(self) -> "CloseableIterator":
        return self

    def __next__(self) -> Any:
        while self._position >= len(self._buffer):
            if self._done:
                raise StopIteration
            self._fetch()
        value = self._buffer[self._position]
        self._position += 1
        return value

    def _fetch(self) -> None:
        from pyflink.datastream._collect import fetch_batch

        batch = fetch_batch(self._j_iterator, self._type_info)
        if batch is None:
            self._done = True
            self._buffer = []
        else:
            self._buffer = batch
        self._position = 0

    def next(self) -> Any:
        return self.__next__()

    def close(self) -> None:
        if self._j_iterator is not None:
            from pyflink.util.java_errors import java_call

            iterator, self._j_iterator = self._j_iterator, None
            self._done = True
            java_call(iterator.close)

    def __enter__(self) -> "CloseableIterator":
        return self

    def __exit__(self, exc_type: Any, exc_val: Any, exc_tb: Any) -> None:
        self.close()


from pyflink.datastream.connected_streams import ConnectedStreams  # noqa: E402
from pyflink.datastream.keyed_stream import KeyedStream  # noqa: E402
from pyflink.datastream.windowed_stream import AllWindowedStream, WindowedStream  # noqa: E402

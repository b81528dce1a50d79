"""Plain callables accepted where PyFlink accepts them, wrapped into the function interfaces.

The plan always carries an object with the interface's method names, so the worker calls
``map``/``flat_map``/``filter``/``get_key``/``reduce`` without knowing how the user wrote it.
Built-in aggregations (``sum``, ``min``, ``max``, ``min_by``, ``max_by``) are reduce functions
defined here.
"""

from typing import Any, Callable, Iterable, Type, Union

from pyflink.common.types import Row
from pyflink.datastream.functions import (
    FilterFunction,
    FlatMapFunction,
    Function,
    KeySelector,
    MapFunction,
    Partitioner,
    ReduceFunction,
)


class _CallableMap(MapFunction):
    def __init__(self, func: Callable[[Any], Any]) -> None:
        self._func = func

    def map(self, value: Any) -> Any:
        return self._func(value)


class _CallableFlatMap(FlatMapFunction):
    def __init__(self, func: Callable[[Any], Iterable[Any]]) -> None:
        self._func = func

    def flat_map(self, value: Any) -> Iterable[Any]:
        return self._func(value)


class _CallableFilter(FilterFunction):
    def __init__(self, func: Callable[[Any], bool]) -> None:
        self._func = func

    def filter(self, value: Any) -> bool:
        return self._func(value)


class _CallableKeySelector(KeySelector):
    def __init__(self, func: Callable[[Any], Any]) -> None:
        self._func = func

    def get_key(self, value: Any) -> Any:
        return self._func(value)


class _CallableReduce(ReduceFunction):
    def __init__(self, func: Callable[[Any, Any], Any]) -> None:
        self._func = func

    def reduce(self, value1: Any, value2: Any) -> Any:
        return self._func(value1, value2)


class _Identity(MapFunction):
    """Strips the key from a keyed stream's records (the worker hands over only the value)."""

    def map(self, value: Any) -> Any:
        return value


class _StrMap(MapFunction):
    """Renders pickled elements as ``str(value)`` before a text sink, as PyFlink does."""

    def map(self, value: Any) -> Any:
        return str(value)


class _CallablePartitioner(Partitioner):
    def __init__(self, func: Callable[[Any, int], int]) -> None:
        self._func = func

    def partition(self, key: Any, num_partitions: int) -> int:
        return self._func(key, num_partitions)


class CustomPartition(Function):
    """``partition_custom``: the partition of a record, from its key. The worker runs it where the
    input runs and emits ``(partition, value)``; Java sends each record to that partition."""

    def __init__(self, partitioner: Partitioner, key_selector: KeySelector) -> None:
        self.partitioner = partitioner
        self.key_selector = key_selector

    def open(self, runtime_context: Any) -> None:
        self.key_selector.open(runtime_context)
        self.partitioner.open(runtime_context)

    def close(self) -> None:
        self.key_selector.close()
        self.partitioner.close()


class _ConstantKey(KeySelector):
    """Keys every record of a window over a whole stream (``window_all``) alike."""

    def get_key(self, value: Any) -> int:
        return 0


_WRAPPERS = {
    MapFunction: (_CallableMap, "MapFunction"),
    FlatMapFunction: (_CallableFlatMap, "FlatMapFunction"),
    FilterFunction: (_CallableFilter, "FilterFunction"),
    KeySelector: (_CallableKeySelector, "KeySelector"),
    ReduceFunction: (_CallableReduce, "ReduceFunction"),
    Partitioner: (_CallablePartitioner, "Partitioner"),
}


def wrap(func: Union[Function, Callable[..., Any]], interface: Type[Function]) -> Function:
    """``func`` itself if it implements ``interface``, else a wrapper that calls it."""
    wrapper, name = _WRAPPERS[interface]
    if isinstance(func, interface):
        return func
    if callable(func) and not isinstance(func, Function):
        return wrapper(func)
    raise TypeError("The input must be a %s or a callable function, got %r" % (name, func))


def _field(value: Any, position: Union[int, str]) -> Any:
    if isinstance(position, str):
        if isinstance(value, Row):
            return value[position]
        if isinstance(value, dict):
            return value[position]
        return getattr(value, position)
    if isinstance(value, (int, float)) and position == 0:
        return value
    return value[position]


def _with_field(value: Any, position: Union[int, str], new: Any) -> Any:
    """A copy of ``value`` whose field ``position`` is ``new`` (tuples stay immutable)."""
    if isinstance(value, (int, float)) and position == 0:
        return new
    if isinstance(value, Row):
        copy = Row(*value)
        if hasattr(value, "_fields"):
            copy.set_field_names(value._fields)
        copy.set_row_kind(value.get_row_kind())
        copy[position] = new
        return copy
    if isinstance(value, tuple):
        items = list(value)
        items[position] = new  # type: ignore[index]
        return type(value)(items) if type(value) is tuple else type(value)(*items)
    if isinstance(value, (list, dict)):
        copy = type(value)(value)
        copy[position] = new
        return copy
    raise TypeError(
        "Cannot aggregate field %r of %r: expected a number, tuple, list, dict or Row"
        % (position, value)
    )


class _FieldAggregation(ReduceFunction):
    """``sum``/``min``/``max`` of one field: the other fields come from the first element, as in
    Flink; ``min_by``/``max_by`` keep the whole element holding the extreme value."""

    def __init__(self, kind: str, position: Union[int, str]) -> None:
        self._kind = kind
        self._position = position

    def reduce(self, value1: Any, value2: Any) -> Any:
        a = _field(value1, self._position)
        b = _field(value2, self._position)
        if self._kind == "sum":
            return _with_field(value1, self._position, a + b)
        if self._kind == "min":
            return _with_field(value1, self._position, b if b < a else a)
        if self._kind == "max":
            return _with_field(value1, self._position, b if b > a else a)
        if self._kind == "min_by":
            return value2 if b < a else value1
        return value2 if b > a else value1


def field_aggregation(kind: str, position: Union[int, str]) -> ReduceFunction:
    return _FieldAggregation(kind, position)


def identity() -> MapFunction:
    return _Identity()


def str_map() -> MapFunction:
    return _StrMap()


def constant_key() -> KeySelector:
    return _ConstantKey()

"""Two-input functions as one-input functions over a tagged union.

``connect()`` needs no operator kind of its own: each input is mapped to ``(0, value)`` or
``(1, value)`` (``Tag``, fused into the input's chain), the two are unioned, and one function
object dispatches on the tag. On keyed connected streams ``TaggedKeySelector`` keys the union with
the key selector of the record's side, so the same keyed state and timers serve both inputs.
Every adapter forwards ``open``/``close`` to the user's function, so ``open(runtime_context)``
can declare state as usual.
"""

from typing import Any, Iterable, Optional, Tuple

from pyflink.datastream.functions import (
    FlatMapFunction,
    Function,
    KeySelector,
    MapFunction,
    RuntimeContext,
)


class Tag(MapFunction):
    """Marks the records of one input of a connect(): 0 for the first, 1 for the second."""

    def __init__(self, tag: int) -> None:
        self._tag = tag

    def map(self, value: Any) -> Tuple[int, Any]:
        return self._tag, value


class TaggedKeySelector(KeySelector):
    """The key of a tagged record, computed from the untagged value by its input's selector."""

    def __init__(self, selector1: KeySelector, selector2: KeySelector) -> None:
        self._selectors = (selector1, selector2)

    def open(self, runtime_context: RuntimeContext) -> None:
        for selector in self._selectors:
            selector.open(runtime_context)

    def close(self) -> None:
        for selector in self._selectors:
            selector.close()

    def get_key(self, value: Tuple[int, Any]) -> Any:
        tag, element = value
        return self._selectors[tag].get_key(element)


class _Delegating(Function):
    def __init__(self, func: Any) -> None:
        self._func = func

    def open(self, runtime_context: RuntimeContext) -> None:
        self._func.open(runtime_context)

    def close(self) -> None:
        self._func.close()


class CoMap(_Delegating, FlatMapFunction):
    """A CoMapFunction as a flat map: a ``None`` result emits nothing, as in PyFlink."""

    def flat_map(self, value: Tuple[int, Any]) -> Iterable[Any]:
        tag, element = value
        result = self._func.map1(element) if tag == 0 else self._func.map2(element)
        return () if result is None else (result,)


class CoFlatMap(_Delegating, FlatMapFunction):
    def flat_map(self, value: Tuple[int, Any]) -> Iterable[Any]:
        tag, element = value
        if tag == 0:
            return self._func.flat_map1(element)
        return self._func.flat_map2(element)


class CoProcess(_Delegating):
    """A CoProcessFunction or KeyedCoProcessFunction with ``process_element``: the worker runs it
    as a ProcessFunction or, keyed, as a KeyedProcessFunction (then ``on_timer`` fires too). The
    context and ``yield output_tag, value`` pass through unchanged."""

    def process_element(self, value: Tuple[int, Any], ctx: Any) -> Optional[Iterable[Any]]:
        tag, element = value
        if tag == 0:
            return self._func.process_element1(element, ctx)
        return self._func.process_element2(element, ctx)

    def on_timer(self, timestamp: int, ctx: Any) -> Optional[Iterable[Any]]:
        on_timer = getattr(self._func, "on_timer", None)
        return None if on_timer is None else on_timer(timestamp, ctx)

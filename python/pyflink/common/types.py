"""``Row`` and ``RowKind`` with PyFlink's semantics.

A row holds positional values and, optionally, field names. ``Row(a=1, b=2)`` names its fields
(sorted by name, as PyFlink does); ``Row(1, 2)`` does not; ``Row("a", "b")`` can be called like a
class to build named rows. Rows also carry a change kind for changelog streams.
"""

from enum import Enum
from typing import Any, Dict, List, Optional

__all__ = ["Row", "RowKind"]


class RowKind(Enum):
    INSERT = 0
    UPDATE_BEFORE = 1
    UPDATE_AFTER = 2
    DELETE = 3

    def __str__(self) -> str:
        return _SHORT_KIND[self]


_SHORT_KIND = {
    RowKind.INSERT: "+I",
    RowKind.UPDATE_BEFORE: "-U",
    RowKind.UPDATE_AFTER: "+U",
    RowKind.DELETE: "-D",
}


def _create_row(fields: Optional[List[str]], values, row_kind: Optional[RowKind] = None) -> "Row":
    row = Row(*values)
    if fields is not None:
        row._fields = list(fields)
    if row_kind is not None:
        row._row_kind = row_kind
    return row


class Row(object):
    """A row of values, accessible by position (``row[0]``), by name (``row['a']``, ``row.a``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if args and kwargs:
            raise ValueError("Can not use both args and kwargs to create Row")
        if kwargs:
            names = sorted(kwargs.keys())
            self._fields = names
            self._values = [kwargs[n] for n in names]
        else:
            self._values = list(args)
        self._row_kind = RowKind.INSERT

    def as_dict(self, recursive: bool = False) -> Dict[str, Any]:
        if not hasattr(self, "_fields"):
            raise TypeError("Cannot convert a Row without field names into a dict")

        def conv(obj: Any) -> Any:
            if not recursive:
                return obj
            if isinstance(obj, Row):
                return obj.as_dict(True)
            if isinstance(obj, list):
                return [conv(o) for o in obj]
            if isinstance(obj, dict):
                return {k: conv(v) for k, v in obj.items()}
            return obj

        return {k: conv(v) for k, v in zip(self._fields, self._values)}

    def get_row_kind(self) -> RowKind:
        return self._row_kind

    def set_row_kind(self, row_kind: RowKind) -> None:
        self._row_kind = row_kind

    def set_field_names(self, field_names: List[str]) -> None:
        self._fields = list(field_names)

    def get_fields_by_names(self, names: List[str]) -> List[Any]:
        return [self[n] for n in names]

    def __contains__(self, item: Any) -> bool:
        if hasattr(self, "_fields"):
            return item in self._fields
        return item in self._values

    def __call__(self, *args: Any) -> "Row":
        """A row of names used as a class: ``Person = Row("name", "age"); Person("Al", 3)``."""
        if len(args) > len(self):
            raise ValueError(
                "Can not create Row with fields %s, expected %d values but got %s"
                % (self, len(self), args)
            )
        return _create_row(self._values, args, self._row_kind)

    def _index(self, name: str, error: type) -> int:
        try:
            return self._fields.index(name)
        except (AttributeError, ValueError):
            raise error(name) from None

    def __getitem__(self, item: Any) -> Any:
        if isinstance(item, (int, slice)):
            return self._values[item]
        return self._values[self._index(item, KeyError)]

    def __setitem__(self, key: Any, value: Any) -> None:
        if isinstance(key, (int, slice)):
            self._values[key] = value
        else:
            self._values[self._index(key, KeyError)] = value

    def __getattr__(self, item: str) -> Any:
        if item.startswith("_"):
            raise AttributeError(item)
        return self._values[self._index(item, AttributeError)]

    def __setattr__(self, key: str, value: Any) -> None:
        if key not in ("_fields", "_values", "_row_kind"):
            raise AttributeError(key)
        self.__dict__[key] = value

    def __reduce__(self):
        fields = self._fields if hasattr(self, "_fields") else None
        return _create_row, (fields, tuple(self._values), self._row_kind)

    def __repr__(self) -> str:
        if hasattr(self, "_fields"):
            return "Row(%s)" % ", ".join("%s=%r" % (k, v) for k, v in zip(self._fields, self))
        return "<Row(%s)>" % ", ".join("%r" % v for v in self)

    def __eq__(self, other: Any) -> bool:
        if not isinstance(other, Row):
            return False
        if getattr(self, "_fields", None) != getattr(other, "_fields", None):
            return False
        return self._row_kind == other._row_kind and self._values == other._values

    def __hash__(self) -> int:
        return hash(tuple(self._values))

    def __iter__(self):
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

"""PyFlink's ``Types`` and ``TypeInformation``, as plan data.

A stream's type decides how its records look in the JVM and between the JVM and the UDF worker.
Each ``TypeInformation`` renders itself as the plan's type JSON (``to_json()``); streams without a
declared type carry pickled Python objects (``{"type": "PICKLED"}``).
"""

import base64
from typing import Any, Dict, List, Optional

import cloudpickle

from pyflink.common.types import Row

__all__ = [
    "TypeInformation",
    "Types",
    "BasicTypeInfo",
    "PickledBytesTypeInfo",
    "PrimitiveArrayTypeInfo",
    "BasicArrayTypeInfo",
    "ObjectArrayTypeInfo",
    "RowTypeInfo",
    "TupleTypeInfo",
    "ListTypeInfo",
    "MapTypeInfo",
    "SqlTimeTypeInfo",
    "LocalTimeTypeInfo",
]


class TypeInformation(object):
    """The type of a stream's elements; equal types render equal JSON."""

    def to_json(self) -> Dict[str, Any]:
        raise NotImplementedError

    def to_internal_json(self, value: Any) -> Any:
        """A Python value of this type as plan JSON (rows and tuples become lists)."""
        return value

    def from_internal_json(self, value: Any) -> Any:
        """Inverse of :meth:`to_internal_json`, for values the JVM sends back as JSON."""
        return value

    def __eq__(self, other: Any) -> bool:
        return isinstance(other, TypeInformation) and self.to_json() == other.to_json()

    def __hash__(self) -> int:
        return hash(repr(self.to_json()))

    def __repr__(self) -> str:
        return "%s(%s)" % (type(self).__name__, self.to_json())


class _NamedType(TypeInformation):
    def __init__(self, name: str) -> None:
        self._name = name

    def to_json(self) -> Dict[str, Any]:
        return {"type": self._name}

    def __repr__(self) -> str:
        return self._name


class BasicTypeInfo(_NamedType):
    """Scalars: STRING, BOOLEAN, BYTE, SHORT, INT, LONG, FLOAT, DOUBLE, CHAR, BIG_INT, BIG_DEC,
    INSTANT."""


class SqlTimeTypeInfo(_NamedType):
    """SQL_DATE, SQL_TIME, SQL_TIMESTAMP."""


class LocalTimeTypeInfo(_NamedType):
    """LOCAL_DATE, LOCAL_TIME, LOCAL_DATE_TIME."""


class PickledBytesTypeInfo(_NamedType):
    """Elements are arbitrary Python objects, pickled; the JVM sees ``byte[]``."""

    def __init__(self) -> None:
        super().__init__("PICKLED")

    def to_internal_json(self, value: Any) -> Any:
        """A pickled field of a row or tuple: its pickle, base64-encoded."""
        return None if value is None else base64.b64encode(cloudpickle.dumps(value)).decode()

    def from_internal_json(self, value: Any) -> Any:
        return None if value is None else cloudpickle.loads(base64.b64decode(value))


class PrimitiveArrayTypeInfo(TypeInformation):
    def __init__(self, element_type: TypeInformation) -> None:
        self._element_type = element_type

    def to_json(self) -> Dict[str, Any]:
        if self._element_type == Types.BYTE():
            return {"type": "BYTES"}
        return {"type": "PRIMITIVE_ARRAY", "element": self._element_type.to_json()}

    def to_internal_json(self, value: Any) -> Any:
        if self._element_type == Types.BYTE():
            return base64.b64encode(bytes(value)).decode("ascii")
        return list(value)

    def from_internal_json(self, value: Any) -> Any:
        if self._element_type == Types.BYTE():
            return base64.b64decode(value)
        return list(value)


class _ElementListType(TypeInformation):
    """Arrays and lists: the plan sends them as LIST (Java ``t[]``)."""

    def __init__(self, element_type: TypeInformation) -> None:
        self._element_type = element_type

    def get_element_type(self) -> TypeInformation:
        return self._element_type

    def to_json(self) -> Dict[str, Any]:
        return {"type": "LIST", "element": self._element_type.to_json()}

    def to_internal_json(self, value: Any) -> Any:
        return None if value is None else [self._element_type.to_internal_json(v) for v in value]

    def from_internal_json(self, value: Any) -> Any:
        return None if value is None else [self._element_type.from_internal_json(v) for v in value]


class BasicArrayTypeInfo(_ElementListType):
    pass


class ObjectArrayTypeInfo(_ElementListType):
    pass


class ListTypeInfo(_ElementListType):
    pass


class MapTypeInfo(TypeInformation):
    def __init__(self, key_type: TypeInformation, value_type: TypeInformation) -> None:
        self._key_type = key_type
        self._value_type = value_type

    def to_json(self) -> Dict[str, Any]:
        return {"type": "MAP", "key": self._key_type.to_json(), "value": self._value_type.to_json()}

    def to_internal_json(self, value: Any) -> Any:
        if value is None:
            return None
        return [
            [self._key_type.to_internal_json(k), self._value_type.to_internal_json(v)]
            for k, v in value.items()
        ]

    def from_internal_json(self, value: Any) -> Any:
        if value is None:
            return None
        return {
            self._key_type.from_internal_json(k): self._value_type.from_internal_json(v)
            for k, v in value
        }


class RowTypeInfo(TypeInformation):
    """Rows with named fields (``f0, f1, ...`` unless names are given)."""

    def __init__(
        self, field_types: List[TypeInformation], field_names: Optional[List[str]] = None
    ) -> None:
        if field_names is None:
            field_names = ["f%d" % i for i in range(len(field_types))]
        if len(field_names) != len(field_types):
            raise ValueError(
                "ROW_NAMED needs one name per field type, got %d names for %d types"
                % (len(field_names), len(field_types))
            )
        self._field_types = list(field_types)
        self._field_names = list(field_names)

    def get_field_names(self) -> List[str]:
        return list(self._field_names)

    def get_field_types(self) -> List[TypeInformation]:
        return list(self._field_types)

    def get_field_index(self, field_name: str) -> int:
        return self._field_names.index(field_name) if field_name in self._field_names else -1

    def get_arity(self) -> int:
        return len(self._field_types)

    def to_json(self) -> Dict[str, Any]:
        return {
            "type": "ROW",
            "names": list(self._field_names),
            "fields": [t.to_json() for t in self._field_types],
        }

    def to_internal_json(self, value: Any) -> Any:
        if value is None:
            return None
        return [t.to_internal_json(v) for t, v in zip(self._field_types, value)]

    def from_internal_json(self, value: Any) -> Any:
        if value is None:
            return None
        row = Row(*[t.from_internal_json(v) for t, v in zip(self._field_types, value)])
        row.set_field_names(self._field_names)
        return row

    def __repr__(self) -> str:
        return "RowTypeInfo(%s)" % ", ".join(
            "%s: %r" % (n, t) for n, t in zip(self._field_names, self._field_types)
        )


class TupleTypeInfo(TypeInformation):
    """Python tuples; Java ``Tuple0..Tuple25`` with fields ``f0, f1, ...``."""

    def __init__(self, field_types: List[TypeInformation]) -> None:
        self._field_types = list(field_types)

    def get_field_types(self) -> List[TypeInformation]:
        return list(self._field_types)

    def get_arity(self) -> int:
        return len(self._field_types)

    def to_json(self) -> Dict[str, Any]:
        return {"type": "TUPLE", "fields": [t.to_json() for t in self._field_types]}

    def to_internal_json(self, value: Any) -> Any:
        if value is None:
            return None
        return [t.to_internal_json(v) for t, v in zip(self._field_types, value)]

    def from_internal_json(self, value: Any) -> Any:
        if value is None:
            return None
        return tuple(t.from_internal_json(v) for t, v in zip(self._field_types, value))

    def __repr__(self) -> str:
        return "TupleTypeInfo(%s)" % ", ".join(repr(t) for t in self._field_types)


class Types(object):
    """Factory of the supported types, with PyFlink's names."""

    @staticmethod
    def STRING() -> TypeInformation:
        return BasicTypeInfo("STRING")

    @staticmethod
    def BYTE() -> TypeInformation:
        return BasicTypeInfo("BYTE")

    @staticmethod
    def BOOLEAN() -> TypeInformation:
        return BasicTypeInfo("BOOLEAN")

    @staticmethod
    def SHORT() -> TypeInformation:
        return BasicTypeInfo("SHORT")

    @staticmethod
    def INT() -> TypeInformation:
        return BasicTypeInfo("INT")

    @staticmethod
    def LONG() -> TypeInformation:
        return BasicTypeInfo("LONG")

    @staticmethod
    def FLOAT() -> TypeInformation:
        return BasicTypeInfo("FLOAT")

    @staticmethod
    def DOUBLE() -> TypeInformation:
        return BasicTypeInfo("DOUBLE")

    @staticmethod
    def CHAR() -> TypeInformation:
        return BasicTypeInfo("CHAR")

    @staticmethod
    def BIG_INT() -> TypeInformation:
        return BasicTypeInfo("BIG_INT")

    @staticmethod
    def BIG_DEC() -> TypeInformation:
        return BasicTypeInfo("BIG_DEC")

    @staticmethod
    def INSTANT() -> TypeInformation:
        return BasicTypeInfo("INSTANT")

    @staticmethod
    def SQL_DATE() -> TypeInformation:
        return SqlTimeTypeInfo("SQL_DATE")

    @staticmethod
    def SQL_TIME() -> TypeInformation:
        return SqlTimeTypeInfo("SQL_TIME")

    @staticmethod
    def SQL_TIMESTAMP() -> TypeInformation:
        return SqlTimeTypeInfo("SQL_TIMESTAMP")

    @staticmethod
    def LOCAL_DATE() -> TypeInformation:
        return LocalTimeTypeInfo("LOCAL_DATE")

    @staticmethod
    def LOCAL_TIME() -> TypeInformation:
        return LocalTimeTypeInfo("LOCAL_TIME")

    @staticmethod
    def LOCAL_DATE_TIME() -> TypeInformation:
        return LocalTimeTypeInfo("LOCAL_DATE_TIME")

    @staticmethod
    def PICKLED_BYTE_ARRAY() -> TypeInformation:
        return PickledBytesTypeInfo()

    @staticmethod
    def ROW(field_types: List[TypeInformation]) -> RowTypeInfo:
        return RowTypeInfo(field_types)

    @staticmethod
    def ROW_NAMED(field_names: List[str], field_types: List[TypeInformation]) -> RowTypeInfo:
        return RowTypeInfo(field_types, field_names)

    @staticmethod
    def TUPLE(field_types: List[TypeInformation]) -> TupleTypeInfo:
        return TupleTypeInfo(field_types)

    @staticmethod
    def PRIMITIVE_ARRAY(element_type: TypeInformation) -> TypeInformation:
        return PrimitiveArrayTypeInfo(element_type)

    @staticmethod
    def BASIC_ARRAY(element_type: TypeInformation) -> TypeInformation:
        return BasicArrayTypeInfo(element_type)

    @staticmethod
    def OBJECT_ARRAY(element_type: TypeInformation) -> TypeInformation:
        return ObjectArrayTypeInfo(element_type)

    @staticmethod
    def LIST(element_type_info: TypeInformation) -> TypeInformation:
        return ListTypeInfo(element_type_info)

    @staticmethod
    def MAP(key_type_info: TypeInformation, value_type_info: TypeInformation) -> TypeInformation:
        return MapTypeInfo(key_type_info, value_type_info)


def type_json(type_info: Optional[TypeInformation]) -> Dict[str, Any]:
    """The plan JSON of a stream type; no type means pickled Python objects."""
    return (type_info or PickledBytesTypeInfo()).to_json()


def is_pickled(type_info: Optional[TypeInformation]) -> bool:
    return type_info is None or isinstance(type_info, PickledBytesTypeInfo)

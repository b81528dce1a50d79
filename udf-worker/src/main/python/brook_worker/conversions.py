"""Values between Arrow columns and Python objects, by the plan's type JSON.

The mapping is the table of the Python design: PICKLED is binary holding cloudpickle bytes, ROW and
TUPLE are structs, the basic types are Arrow's. Whole columns are converted at once.
"""

import pickle

import cloudpickle
import pyarrow as pa

try:
    from pyflink.common import Row as _Row
except ImportError:  # the worker also runs functions of programs that never build a Row
    _Row = None

_ARROW_TYPES = {
    "STRING": pa.utf8(),
    "BOOLEAN": pa.bool_(),
    "BYTE": pa.int8(),
    "SHORT": pa.int16(),
    "INT": pa.int32(),
    "LONG": pa.int64(),
    "FLOAT": pa.float32(),
    "DOUBLE": pa.float64(),
    "BYTES": pa.binary(),
    "PICKLED": pa.binary(),
}


def _field_names(type_json):
    names = type_json.get("names")
    if names:
        return list(names)
    return ["f%d" % i for i in range(len(type_json["fields"]))]


def _make_row(values, names):
    if _Row is None:
        return tuple(values)
    row = _Row(*values)
    if names:
        # Not Row(**kwargs), which orders the fields by name.
        row.set_field_names(names)
    return row


def from_arrow(column, type_json):
    """The Python values of an Arrow column."""
    kind = type_json["type"]
    if kind == "PICKLED":
        loads = pickle.loads
        return [None if b is None else loads(b) for b in column.to_pylist()]
    if kind in ("ROW", "TUPLE"):
        children = [
            from_arrow(child, field)
            for child, field in zip(column.flatten(), type_json["fields"])
        ]
        valid = column.is_valid().to_pylist()
        if kind == "TUPLE":
            rows = [tuple(r) for r in zip(*children)] if children else [()] * len(column)
        else:
            names = type_json.get("names")
            rows = [_make_row(r, names) for r in zip(*children)]
        return [r if ok else None for r, ok in zip(rows, valid)]
    return column.to_pylist()


def arrow_type(type_json):
    kind = type_json["type"]
    if kind in ("ROW", "TUPLE"):
        return pa.struct(
            [
                pa.field(name, arrow_type(field))
                for name, field in zip(_field_names(type_json), type_json["fields"])
            ]
        )
    try:
        return _ARROW_TYPES[kind]
    except KeyError:
        raise NotImplementedError("Python values of type %s are not supported yet" % kind)


def to_arrow(values, type_json):
    """An Arrow column holding the Python values."""
    kind = type_json["type"]
    if kind == "PICKLED":
        dumps = cloudpickle.dumps
        return pa.array([None if v is None else dumps(v) for v in values], pa.binary())
    if kind in ("ROW", "TUPLE"):
        fields = type_json["fields"]
        children = [
            to_arrow([None if v is None else v[i] for v in values], field)
            for i, field in enumerate(fields)
        ]
        mask = pa.array([v is None for v in values], pa.bool_())
        return pa.StructArray.from_arrays(
            children, fields=list(arrow_type(type_json)), mask=mask
        )
    try:
        return pa.array(values, arrow_type(type_json))
    except (pa.ArrowInvalid, pa.ArrowTypeError, OverflowError) as e:
        raise TypeError(
            "A Python function returned a value that does not fit the declared output type %s: %s"
            % (kind, e)
        ) from e

import pickle

import cloudpickle
import pytest

from pyflink.common import Row, RowKind, Types
from pyflink.datastream import MapFunction, ReduceFunction
from pyflink.datastream._function_wrappers import field_aggregation, wrap


def test_row_named_and_positional():
    row = Row(name="Alice", age=11)
    assert repr(row) == "Row(age=11, name='Alice')"
    assert (row.name, row["age"], row[0]) == ("Alice", 11, 11)
    assert row.as_dict() == {"name": "Alice", "age": 11}
    assert "name" in row and "x" not in row
    positional = Row(1, "x")
    assert repr(positional) == "<Row(1, 'x')>"
    assert list(positional) == [1, "x"] and len(positional) == 2
    with pytest.raises(AttributeError):
        positional.name


def test_row_as_class_kind_equality_and_pickling():
    Person = Row("name", "age")
    alice = Person("Alice", 11)
    assert repr(alice) == "Row(name='Alice', age=11)"
    assert alice != Row(age=11, name="Alice")  # same values, different field order
    assert alice == Person("Alice", 11)
    alice.set_row_kind(RowKind.DELETE)
    assert alice != Person("Alice", 11)
    for dumps, loads in ((pickle.dumps, pickle.loads), (cloudpickle.dumps, cloudpickle.loads)):
        copy = loads(dumps(alice))
        assert copy == alice and copy.get_row_kind() is RowKind.DELETE
    assert hash(Row(1, 2)) == hash(Row(1, 2))
    with pytest.raises(ValueError):
        Row(1, a=2)


def test_type_json():
    assert Types.STRING().to_json() == {"type": "STRING"}
    assert Types.PICKLED_BYTE_ARRAY().to_json() == {"type": "PICKLED"}
    assert Types.PRIMITIVE_ARRAY(Types.BYTE()).to_json() == {"type": "BYTES"}
    assert Types.ROW([Types.INT(), Types.DOUBLE()]).to_json() == {
        "type": "ROW", "names": ["f0", "f1"], "fields": [{"type": "INT"}, {"type": "DOUBLE"}]}
    assert Types.LIST(Types.LONG()).to_json() == {"type": "LIST", "element": {"type": "LONG"}}
    assert Types.BASIC_ARRAY(Types.LONG()) == Types.LIST(Types.LONG())
    assert Types.TUPLE([Types.SHORT()]) != Types.TUPLE([Types.INT()])
    with pytest.raises(ValueError, match="one name per field"):
        Types.ROW_NAMED(["a"], [Types.INT(), Types.INT()])


def test_typed_values_round_trip_through_json():
    row_type = Types.ROW_NAMED(["a", "b"], [Types.STRING(), Types.TUPLE([Types.INT()])])
    value = row_type.from_internal_json(row_type.to_internal_json(Row(a="x", b=(1,))))
    assert value == Row(a="x", b=(1,)) and value.b == (1,)
    map_type = Types.MAP(Types.STRING(), Types.LIST(Types.INT()))
    assert map_type.from_internal_json(map_type.to_internal_json({"k": [1]})) == {"k": [1]}


def test_lambdas_are_wrapped_and_functions_kept():
    wrapped = wrap(lambda x: x + 1, MapFunction)
    assert isinstance(wrapped, MapFunction) and wrapped.map(1) == 2

    class Plus(MapFunction):
        def map(self, value):
            return value + 2

    plus = Plus()
    assert wrap(plus, MapFunction) is plus
    with pytest.raises(TypeError, match="MapFunction or a callable"):
        wrap(42, MapFunction)
    with pytest.raises(TypeError, match="ReduceFunction or a callable"):
        wrap(plus, ReduceFunction)


def test_field_aggregations():
    assert field_aggregation("sum", 1).reduce(("a", 1), ("a", 2)) == ("a", 3)
    assert field_aggregation("min", 1).reduce(("a", 5, "x"), ("a", 2, "y")) == ("a", 2, "x")
    assert field_aggregation("min_by", 1).reduce(("a", 5, "x"), ("a", 2, "y")) == ("a", 2, "y")
    assert field_aggregation("max", "n").reduce(Row(n=1, s="a"), Row(n=4, s="b")) == Row(n=4,
                                                                                        s="a")
    assert field_aggregation("max_by", 0).reduce(3, 9) == 9

import pytest

from pyflink.datastream import SourceFunction, StreamExecutionEnvironment


@pytest.mark.parametrize(
    "call, feature",
    [
        (lambda env: env.add_source(object()), "add_source"),
        (lambda env: env.add_jars("a.jar"), "add_jars"),
        (lambda env: env.from_collection([1]).add_sink(object()), "add_sink"),
        (lambda env: env.from_source(object(), None, "s"), "from_source"),
        (lambda env: SourceFunction(None), "SourceFunction"),
    ],
)
def test_unsupported_features_name_themselves(call, feature):
    env = StreamExecutionEnvironment.get_execution_environment()
    with pytest.raises(NotImplementedError) as info:
        call(env)
    assert feature in str(info.value) and "not supported by Brook" in str(info.value)

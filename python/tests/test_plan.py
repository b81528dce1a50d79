"""Golden-structure checks of the JSON plan each API call produces."""

import base64

import cloudpickle
import pytest

from conftest import node, plan_of
from pyflink.common import Duration, Row, Types, WatermarkStrategy
from pyflink.common.watermark_strategy import TimestampAssigner
from pyflink.datastream import (
    BroadcastConnectedStream,
    BroadcastProcessFunction,
    BroadcastStream,
    CoMapFunction,
    KeyedBroadcastProcessFunction,
    KeyedCoProcessFunction,
    KeyedProcessFunction,
    OutputTag,
    ProcessFunction,
    RuntimeExecutionMode,
    TumblingEventTimeWindows,
)
from pyflink.datastream.connectors.file_system import (
    FileSink,
    FileSource,
    OutputFileConfig,
    RollingPolicy,
    StreamFormat,
)
from pyflink.common import Encoder
from pyflink.datastream.connectors.number_seq import NumberSequenceSource
from pyflink.datastream.state import MapStateDescriptor, ValueStateDescriptor
from pyflink.datastream.window import (
    CountTrigger,
    CountTumblingWindowAssigner,
    PurgingTrigger,
)


def load(payload):
    return cloudpickle.loads(base64.b64decode(payload))


def split(line):
    yield from line.split()


def word_count(env):
    env.set_runtime_mode(RuntimeExecutionMode.BATCH)
    env.set_parallelism(2)
    ds = env.from_collection(["to be or not to be", "that is"])
    ds = (
        ds.flat_map(split)
        .map(lambda w: (w, 1), output_type=Types.TUPLE([Types.STRING(), Types.INT()]))
        .key_by(lambda t: t[0], key_type=Types.STRING())
        .reduce(lambda a, b: (a[0], a[1] + b[1]))
    )
    ds.print()


def test_word_count_plan(env):
    word_count(env)
    plan = plan_of(env, "word_count")
    assert plan["job_name"] == "word_count"
    assert plan["config"] == {"execution.runtime-mode": "BATCH", "parallelism.default": "2"}
    kinds = [(t["id"], t["kind"], t["inputs"]) for t in plan["transformations"]]
    assert kinds == [
        (1, "from_collection", []),
        (2, "python", [1]),
        (3, "python", [2]),
        (4, "key_by", [3]),
        (5, "python", [4]),
        (6, "print", [5]),
    ]
    assert plan["sinks"] == [6]
    source = node(plan, 1)
    assert source["parallelism"] == 1
    assert source["output_type"] == {"type": "PICKLED"}
    assert [load(e) for e in source["elements"]] == ["to be or not to be", "that is"]
    assert "values_json" not in source
    flat_map = node(plan, 2)
    assert flat_map["function"]["kind"] == "flat_map"
    assert flat_map["keyed"] is False
    assert list(load(flat_map["function"]["payload"]).flat_map("a b")) == ["a", "b"]
    tuple_type = {"type": "TUPLE", "fields": [{"type": "STRING"}, {"type": "INT"}]}
    assert node(plan, 3)["output_type"] == tuple_type
    assert load(node(plan, 3)["function"]["payload"]).map("x") == ("x", 1)
    key_by = node(plan, 4)
    assert key_by["key_type"] == {"type": "STRING"}
    assert key_by["output_type"] == tuple_type
    assert load(key_by["key_selector"]).get_key(("k", 3)) == "k"
    reduce = node(plan, 5)
    assert reduce["keyed"] is True
    assert reduce["function"]["kind"] == "reduce"
    assert reduce["output_type"] == tuple_type
    assert load(reduce["function"]["payload"]).reduce(("a", 1), ("a", 2)) == ("a", 3)
    assert node(plan, 6)["to_stderr"] is False


def test_common_fields_are_rendered(env):
    ds = env.from_collection([1]).map(lambda x: x).name("m").uid("u").set_parallelism(3)
    ds.set_max_parallelism(64).slot_sharing_group("g").set_uid_hash("h").disable_chaining()
    ds.print().name("out").set_parallelism(1)
    plan = plan_of(env)
    m = node(plan, 2)
    assert (m["name"], m["uid"], m["parallelism"], m["max_parallelism"]) == ("m", "u", 3, 64)
    assert (m["slot_sharing_group"], m["uid_hash"], m["chaining"]) == ("g", "h", "never")
    printed = plan["transformations"][-1]
    assert (printed["kind"], printed["name"], printed["parallelism"]) == ("print", "out", 1)


def test_print_of_pickled_stream_maps_to_str_first(env):
    env.from_collection([(1, "a")]).print("id")
    plan = plan_of(env)
    to_str, printed = plan["transformations"][1], plan["transformations"][2]
    assert to_str["output_type"] == {"type": "STRING"}
    assert load(to_str["function"]["payload"]).map((1, "a")) == "(1, 'a')"
    assert printed["inputs"] == [to_str["id"]]
    assert printed["sink_identifier"] == "id"
    assert printed["output_type"] == {"type": "STRING"}


def test_typed_print_has_no_str_map(env):
    env.from_collection(["a"], Types.STRING()).print()
    plan = plan_of(env)
    assert [t["kind"] for t in plan["transformations"]] == ["from_collection", "print"]


def test_typed_collection_sends_values_json(env):
    row_type = Types.ROW_NAMED(["name", "n", "raw"], [Types.STRING(), Types.LONG(),
                                                      Types.PRIMITIVE_ARRAY(Types.BYTE())])
    env.from_collection([Row(name="a", n=1, raw=b"\x01"), Row("b", 2, b"")], row_type).print()
    source = plan_of(env)["transformations"][0]
    assert source["output_type"] == {
        "type": "ROW",
        "names": ["name", "n", "raw"],
        "fields": [{"type": "STRING"}, {"type": "LONG"}, {"type": "BYTES"}],
    }
    # Row(name=..., n=..., raw=...) sorts its fields: n, name, raw; values_json is positional.
    assert source["values_json"] == [[1, "a", "AQ=="], ["b", 2, ""]]


def test_filter_keeps_type_and_keyed_ops_are_keyed(env):
    keyed = env.from_collection([1, 2], Types.INT()).key_by(lambda x: x % 2)
    keyed.filter(lambda x: x > 1).print()
    keyed.map(lambda x: x * 2, Types.LONG()).print()
    keyed.sum().print()
    plan = plan_of(env)
    key_by = node(plan, 2)
    assert key_by["key_type"] is None
    filtered = node(plan, 3)
    assert (filtered["function"]["kind"], filtered["keyed"]) == ("filter", True)
    assert filtered["inputs"] == [2] and filtered["output_type"] == {"type": "INT"}
    mapped = node(plan, 5)
    assert (mapped["function"]["kind"], mapped["keyed"], mapped["inputs"]) == ("map", True, [2])
    summed = node(plan, 7)
    assert summed["function"]["kind"] == "reduce"
    assert load(summed["function"]["payload"]).reduce(2, 5) == 7


def test_sinks_of_a_keyed_stream_read_values(env):
    env.from_collection([1], Types.INT()).key_by(lambda x: x).print()
    plan = plan_of(env)
    values = node(plan, 3)
    assert (values["kind"], values["keyed"], values["inputs"]) == ("python", True, [2])
    assert load(values["function"]["payload"]).map(5) == 5
    assert node(plan, 4)["inputs"] == [3]


class Split(ProcessFunction):
    def __init__(self, tag):
        self.tag = tag

    def process_element(self, value, ctx):
        if value < 0:
            yield self.tag, value
        else:
            yield value


def test_side_outputs_are_declared_on_the_process_node(env):
    tag = OutputTag("negative", Types.INT())
    main = env.from_collection([1, -1], Types.INT()).process(Split(tag), Types.INT())
    main.print()
    main.get_side_output(tag).print()
    plan = plan_of(env)
    process = node(plan, 2)
    assert process["function"]["kind"] == "process"
    assert process["function"]["side_outputs"] == [{"tag": "negative", "type": {"type": "INT"}}]
    side = next(t for t in plan["transformations"] if t["kind"] == "side_output")
    assert (side["inputs"], side["tag"], side["output_type"]) == ([2], "negative",
                                                                  {"type": "INT"})


def test_get_side_output_of_a_source_is_rejected(env):
    with pytest.raises(ValueError, match="get_side_output"):
        env.from_collection([1]).get_side_output(OutputTag("x"))


class Timers(KeyedProcessFunction):
    def process_element(self, value, ctx):
        ctx.timer_service().register_event_time_timer(10)
        yield value


def test_keyed_process_and_process_type_checks(env):
    ds = env.from_collection([1])
    with pytest.raises(TypeError, match="KeyedStream"):
        ds.process(Timers())
    ds.key_by(lambda x: x).process(Timers()).print()
    assert node(plan_of(env), 3)["function"]["kind"] == "keyed_process"


def test_union_and_partitioning(env):
    a = env.from_collection([1], Types.INT())
    b = env.from_collection([2], Types.INT())
    a.union(b).shuffle().rebalance().rescale().forward().broadcast().global_().print()
    plan = plan_of(env)
    kinds = [t["kind"] for t in plan["transformations"]]
    assert kinds == ["from_collection", "from_collection", "union", "shuffle", "rebalance",
                     "rescale", "forward", "broadcast", "global", "print"]
    assert node(plan, 3)["inputs"] == [1, 2]
    with pytest.raises(ValueError, match="different types"):
        a.union(env.from_collection(["x"], Types.STRING()))


class Both(CoMapFunction):
    def map1(self, value):
        return value

    def map2(self, value):
        return -value


class KeyedBoth(KeyedCoProcessFunction):
    def process_element1(self, value, ctx):
        yield value

    def process_element2(self, value, ctx):
        yield value


def test_connect_is_a_tagged_union(env):
    a = env.from_collection([1], Types.INT())
    b = env.from_collection([2], Types.INT())
    a.connect(b).map(Both(), Types.INT()).print()
    plan = plan_of(env)
    kinds = [(t["id"], t["kind"], t["inputs"]) for t in plan["transformations"]]
    assert kinds[:5] == [(1, "from_collection", []), (2, "from_collection", []),
                         (3, "python", [1]), (4, "python", [2]), (5, "union", [3, 4])]
    assert [load(node(plan, i)["function"]["payload"]).map(7) for i in (3, 4)] == [(0, 7), (1, 7)]
    co_map = node(plan, 6)
    assert (co_map["inputs"], co_map["keyed"], co_map["name"]) == ([5], False, "Co-Map")
    assert co_map["output_type"] == {"type": "INT"}
    function = load(co_map["function"]["payload"])
    assert co_map["function"]["kind"] == "flat_map"
    assert (list(function.flat_map((0, 5))), list(function.flat_map((1, 5)))) == ([5], [-5])
    with pytest.raises(TypeError, match="CoMapFunction"):
        a.connect(b).map(lambda x: x)
    with pytest.raises(TypeError, match="two keyed streams"):
        a.connect(b).process(KeyedBoth())


def test_keyed_connect_keys_the_union_by_each_sides_selector(env):
    a = env.from_collection([1], Types.INT()).map(lambda x: x * 10, Types.INT())
    b = env.from_collection(["x"], Types.STRING())
    keyed_a = a.key_by(lambda x: x % 7, Types.INT())
    keyed_a.connect(b.key_by(len, Types.INT())).process(KeyedBoth()).print()
    plan = plan_of(env)
    by_id = {t["id"]: t for t in plan["transformations"]}
    # The key_by nodes of the two KeyedStreams are read by nobody, so they are left out and the
    # map's only consumer is its tag (which therefore joins its chain).
    key_bys = [t for t in by_id.values() if t["kind"] == "key_by"]
    assert len(key_bys) == 1
    (union,) = [by_id[i] for i in key_bys[0]["inputs"]]
    assert union["kind"] == "union"
    assert [by_id[i]["inputs"] for i in union["inputs"]] == [[2], [3]]
    assert [t["inputs"] for t in by_id.values()].count([2]) == 1
    assert key_bys[0]["key_type"] == {"type": "INT"}
    selector = load(key_bys[0]["key_selector"])
    assert (selector.get_key((0, 30)), selector.get_key((1, "abc"))) == (2, 3)
    keyed = next(t for t in by_id.values() if t["inputs"] == [key_bys[0]["id"]])
    assert (keyed["function"]["kind"], keyed["keyed"], keyed["name"]) == (
        "keyed_process", True, "Keyed Co-Process")
    with pytest.raises(ValueError, match="key types of the connected KeyedStreams"):
        keyed_a.connect(b.key_by(len)).process(KeyedBoth())


def test_connect_tags_each_input_at_its_parallelism(env):
    # from_collection runs at parallelism 1, and so does a watermark assigner after it; a tag at
    # the default parallelism would redistribute the records and could reorder a key's records.
    a = env.from_collection([1], Types.INT()).assign_timestamps_and_watermarks(
        WatermarkStrategy.for_monotonous_timestamps())
    b = env.from_collection([2], Types.INT()).map(lambda x: x).set_parallelism(3)
    a.connect(b).key_by(lambda x: x, lambda x: x).map(Both()).print()
    plan = plan_of(env)
    union = next(t for t in plan["transformations"] if t["kind"] == "union")
    assert [node(plan, i)["parallelism"] for i in union["inputs"]] == [1, 3]


def test_connect_of_one_keyed_stream_is_not_keyed(env):
    a = env.from_collection([1], Types.INT()).key_by(lambda x: x)
    b = env.from_collection([2], Types.INT())
    a.connect(b).map(Both()).print()
    plan = plan_of(env)
    co_map = next(t for t in plan["transformations"] if t["name"] == "Co-Map")
    assert co_map["keyed"] is False
    # The keyed side is read through the keyed identity map, so it stays partitioned by key.
    identity = node(plan, 4)
    assert (identity["keyed"], identity["inputs"]) == (True, [2])
    assert node(plan, 5)["inputs"] == [4]


class Ts(TimestampAssigner):
    def extract_timestamp(self, value, record_timestamp):
        return value * 1000


def test_sources_watermarks_and_file_sink(env):
    lines = env.from_source(
        FileSource.for_record_stream_format(StreamFormat.text_line_format(), "/in/a", "/in/b")
        .monitor_continuously(Duration.of_seconds(5))
        .build(),
        WatermarkStrategy.no_watermarks(),
        "files",
    )
    numbers = env.from_source(
        NumberSequenceSource(1, 10),
        WatermarkStrategy.for_bounded_out_of_orderness(Duration.of_millis(200))
        .with_timestamp_assigner(Ts())
        .with_idleness(Duration.of_seconds(1)),
        "seq",
    )
    lines.sink_to(
        FileSink.for_row_format("/out", Encoder.simple_string_encoder())
        .with_output_file_config(
            OutputFileConfig.builder().with_part_prefix("pre").with_part_suffix(".txt").build()
        )
        .with_rolling_policy(RollingPolicy.default_rolling_policy(part_size=10))
        .build()
    )
    numbers.print()
    plan = plan_of(env)
    source = node(plan, 1)
    assert (source["kind"], source["name"], source["output_type"]) == ("file_source", "files",
                                                                       {"type": "STRING"})
    assert (source["paths"], source["format"], source["charset"], source["monitor_interval_ms"]) \
        == (["/in/a", "/in/b"], "text_line", "UTF-8", 5000)
    seq = node(plan, 2)
    assert (seq["kind"], seq["from"], seq["to"], seq["output_type"]) == ("number_sequence", 1,
                                                                          10, {"type": "LONG"})
    wm = node(plan, 3)
    assert wm["kind"] == "assign_timestamps_and_watermarks" and wm["inputs"] == [2]
    strategy = wm["watermark_strategy"]
    assert (strategy["kind"], strategy["max_out_of_orderness_ms"], strategy["idleness_ms"]) == (
        "bounded", 200, 1000)
    assert load(strategy["timestamp_assigner"]).extract_timestamp(3, 0) == 3000
    sink = node(plan, 4)
    assert sink["kind"] == "file_sink" and sink["inputs"] == [1]
    assert (sink["path"], sink["encoder"], sink["part_prefix"], sink["part_suffix"]) == (
        "/out", "simple_string", "pre", ".txt")
    assert sink["rolling"] == {"kind": "default", "part_size": 10,
                               "rollover_interval_ms": 60000, "inactivity_interval_ms": 60000}


def test_windows(env):
    late = OutputTag("late", Types.INT())
    trigger = PurgingTrigger.of(CountTrigger.of(3))
    windowed = (
        env.from_collection([1], Types.INT())
        .key_by(lambda x: x)
        .window(TumblingEventTimeWindows.of(Duration.of_seconds(5)))
        .trigger(trigger)
        .allowed_lateness(100)
        .side_output_late_data(late)
        .reduce(lambda a, b: a + b)
    )
    windowed.print()
    windowed.get_side_output(late).print()
    window = node(plan_of(env), 3)
    assert window["kind"] == "python" and window["keyed"] is True and window["inputs"] == [2]
    assert window["function"]["kind"] == "window"
    assert window["function"]["side_outputs"] == [{"tag": "late", "type": {"type": "INT"}}]
    assert window["output_type"] == {"type": "INT"}
    operation = load(window["function"]["payload"])
    assert isinstance(operation.assigner, TumblingEventTimeWindows)
    assert isinstance(operation.trigger, PurgingTrigger)
    assert isinstance(operation.trigger.nested_trigger, CountTrigger)
    assert (operation.allowed_lateness, operation.late_data_tag) == (100, "late")
    assert operation.contents == "reduce" and operation.incremental.reduce(1, 2) == 3
    assert operation.window_function is None and operation.keyed


def test_count_window_all(env):
    env.from_collection([1]).count_window_all(2).reduce(lambda a, b: a + b).print()
    plan = plan_of(env)
    assert (node(plan, 2)["kind"], node(plan, 2)["key_type"]) == ("key_by", {"type": "INT"})
    window = node(plan, 3)
    assert (window["keyed"], window["inputs"], window["parallelism"]) == (True, [2], 1)
    operation = load(window["function"]["payload"])
    assert isinstance(operation.assigner, CountTumblingWindowAssigner)
    assert not operation.keyed


def test_environment_settings_become_config_keys(env):
    from pyflink.common import RestartStrategies
    from pyflink.datastream import CheckpointingMode, EmbeddedRocksDBStateBackend

    env.set_max_parallelism(128)
    env.enable_checkpointing(1000, CheckpointingMode.AT_LEAST_ONCE)
    env.get_checkpoint_config().set_checkpoint_timeout(5000)
    env.set_state_backend(EmbeddedRocksDBStateBackend(True))
    env.set_restart_strategy(RestartStrategies.fixed_delay_restart(3, 500))
    env.add_python_file("/udfs/a.py")
    env.add_python_file("/udfs/b.zip")
    env.set_python_executable("/venv/bin/python")
    env.get_config().set_global_job_parameters({"k": "v"})
    env.from_collection([1]).print()
    assert plan_of(env)["config"] == {
        "pipeline.max-parallelism": "128",
        "execution.checkpointing.interval": "1000 ms",
        "execution.checkpointing.mode": "AT_LEAST_ONCE",
        "execution.checkpointing.timeout": "5000 ms",
        "state.backend.type": "rocksdb",
        "execution.checkpointing.incremental": "true",
        "restart-strategy.type": "fixed-delay",
        "restart-strategy.fixed-delay.attempts": "3",
        "restart-strategy.fixed-delay.delay": "500 ms",
        "python.files": "/udfs/a.py,/udfs/b.zip",
        "python.executable": "/venv/bin/python",
        "pipeline.global-job-parameters.k": "v",
    }
    assert env.get_checkpoint_interval() == 1000


def test_plan_without_sinks_is_refused(env):
    env.from_collection([1]).map(lambda x: x)
    with pytest.raises(RuntimeError, match="No operators defined"):
        env._plan_json()
    with pytest.raises(RuntimeError, match="No operators defined"):
        env.execute()


def test_unpicklable_function_fails_at_the_api_call(env):
    import threading

    lock = threading.Lock()
    with pytest.raises(TypeError, match="Cannot serialize"):
        env.from_collection([1]).map(lambda x: lock)


class Rules(BroadcastProcessFunction):
    def process_element(self, value, ctx):
        yield value

    def process_broadcast_element(self, value, ctx):
        ctx.get_broadcast_state(RULES).put(value, True)


class KeyedRules(KeyedBroadcastProcessFunction):
    def process_element(self, value, ctx):
        yield value

    def process_broadcast_element(self, value, ctx):
        ctx.get_broadcast_state(RULES).put(value, True)


RULES = MapStateDescriptor("rules", Types.STRING(), Types.BOOLEAN())
LIMITS = MapStateDescriptor("limits", Types.STRING(), Types.LONG())


def test_broadcast_without_descriptors_is_a_partitioning(env):
    env.from_collection([1], Types.INT()).broadcast().print()
    plan = plan_of(env)
    assert [t["kind"] for t in plan["transformations"]] == ["from_collection", "broadcast", "print"]


def test_broadcast_process_is_one_node_with_two_inputs(env):
    events = env.from_collection([1], Types.INT())
    rules = env.from_collection(["r"], Types.STRING())
    broadcast = rules.broadcast(RULES, LIMITS)
    assert isinstance(broadcast, BroadcastStream)
    connected = events.connect(broadcast)
    assert isinstance(connected, BroadcastConnectedStream)
    tag = OutputTag("late", Types.STRING())
    result = connected.process(Rules(), Types.INT())
    result.get_side_output(tag).print()
    result.print()
    plan = plan_of(env)
    process = node(plan, 3)
    assert (process["kind"], process["inputs"], process["keyed"]) == (
        "broadcast_process", [1, 2], False)
    assert process["broadcast_states"] == ["rules", "limits"]
    assert (process["function"]["kind"], process["name"]) == (
        "broadcast_process", "Co-Process-Broadcast")
    assert process["function"]["side_outputs"] == [{"tag": "late", "type": {"type": "STRING"}}]
    assert process["output_type"] == {"type": "INT"}
    assert isinstance(load(process["function"]["payload"]), Rules)


def test_keyed_broadcast_process_reads_the_key_by(env):
    events = env.from_collection([1], Types.INT()).key_by(lambda x: x % 2, Types.INT())
    rules = env.from_collection(["r"], Types.STRING()).broadcast(RULES)
    events.connect(rules).process(KeyedRules()).print()
    plan = plan_of(env)
    process = next(t for t in plan["transformations"] if t["kind"] == "broadcast_process")
    key_by = node(plan, process["inputs"][0])
    assert key_by["kind"] == "key_by" and key_by["key_type"] == {"type": "INT"}
    assert node(plan, process["inputs"][1])["kind"] == "from_collection"
    assert (process["keyed"], process["function"]["kind"], process["name"]) == (
        True, "keyed_broadcast_process", "Co-Process-Broadcast-Keyed")


def test_broadcast_misuse_is_refused_while_building(env):
    events = env.from_collection([1], Types.INT())
    rules = env.from_collection(["r"], Types.STRING())
    with pytest.raises(TypeError, match="MapStateDescriptor"):
        rules.broadcast(ValueStateDescriptor("v", Types.INT()))
    with pytest.raises(ValueError, match="declared twice"):
        rules.broadcast(RULES, MapStateDescriptor("rules", Types.INT(), Types.INT()))
    with pytest.raises(TypeError, match="DataStream or a BroadcastStream"):
        events.connect(object())
    with pytest.raises(TypeError, match="needs a keyed stream"):
        events.connect(rules.broadcast(RULES)).process(KeyedRules())
    with pytest.raises(TypeError, match="non-keyed stream"):
        events.key_by(lambda x: x).connect(rules.broadcast(RULES)).process(Rules())
    with pytest.raises(TypeError, match="BroadcastProcessFunction or a"):
        events.connect(rules.broadcast(RULES)).process(lambda x: x)


def test_partition_custom_carries_the_key_selector_and_partitioner(env):
    env.from_collection([1], Types.INT()).partition_custom(
        lambda key, n: key % n, lambda x: x * 3).print()
    plan = plan_of(env)
    partition = node(plan, 2)
    assert (partition["kind"], partition["inputs"], partition["output_type"]) == (
        "partition_custom", [1], {"type": "INT"})
    function = load(partition["partitioner"])
    assert function.partitioner.partition(function.key_selector.get_key(5), 4) == 3
    with pytest.raises(TypeError, match="Partitioner or a callable"):
        env.from_collection([1]).partition_custom(object(), lambda x: x)

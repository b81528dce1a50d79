"""Python metrics: the API package, the worker's registry and its per-bundle METRICS payload, and
an operator of the worker sending METRICS frames (driven here without Java)."""

import base64
import json
import os
import struct
import sys

import cloudpickle
import pyarrow as pa
import pytest

import pyflink.metrics
from pyflink.common.time import Time
from pyflink.datastream import MapFunction
from pyflink.datastream._window_operation import WindowOperation
from pyflink.datastream.window import EventTimeTrigger, Trigger, TumblingEventTimeWindows

_WORKER = os.path.join(
    os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
    "udf-worker",
    "src",
    "main",
    "python",
)
if _WORKER not in sys.path:
    sys.path.insert(0, _WORKER)

from brook_worker import metrics, protocol
from brook_worker.functions import RuntimeContext
from brook_worker.operator import Operator
from brook_worker.window import WindowStage


@pytest.fixture
def registry():
    return metrics.MetricRegistry()


@pytest.fixture
def group(registry):
    return registry.root_group


def report(registry):
    """The entries of the next report, [] if there is none."""
    payload = registry.bundle_report()
    if payload is None:
        return []
    return json.loads(payload.decode("utf-8"))["metrics"]


# ---------------------------------------------------------------------- the API


def test_api_exports_the_five_abstract_classes():
    assert sorted(pyflink.metrics.__all__) == sorted(
        ["MetricGroup", "Metric", "Counter", "Meter", "Distribution"]
    )
    for name in ("MetricGroup", "Counter", "Meter", "Distribution"):
        with pytest.raises(TypeError):
            getattr(pyflink.metrics, name)()


def test_worker_metrics_implement_the_api(group):
    assert isinstance(group, pyflink.metrics.MetricGroup)
    assert isinstance(group.add_group("a"), pyflink.metrics.MetricGroup)
    assert isinstance(group.counter("c"), pyflink.metrics.Counter)
    assert isinstance(group.meter("m"), pyflink.metrics.Meter)
    assert isinstance(group.distribution("d"), pyflink.metrics.Distribution)
    for metric in (group.counter("c"), group.meter("m"), group.distribution("d")):
        assert isinstance(metric, pyflink.metrics.Metric)
    assert group.gauge("g", lambda: 1) is None


# ---------------------------------------------------------------------- counters and meters


def test_counter_reports_its_net_change_once(registry, group):
    counter = group.counter("records")
    counter.inc()
    counter.inc(5)
    counter.dec(2)
    assert counter.get_count() == 4
    assert report(registry) == [{"group": [], "name": "records", "type": "counter", "delta": 4}]
    assert report(registry) == []
    counter.dec(3)
    assert report(registry) == [{"group": [], "name": "records", "type": "counter", "delta": -3}]
    assert counter.get_count() == 1


def test_new_metrics_are_reported_at_zero_once(registry, group):
    group.counter("c")
    group.meter("m", 10)
    group.distribution("d")
    assert report(registry) == [
        {"group": [], "name": "c", "type": "counter", "delta": 0},
        {"group": [], "name": "m", "type": "meter", "delta": 0, "time_span": 10},
        {
            "group": [],
            "name": "d",
            "type": "distribution",
            "count": 0,
            "sum": 0,
            "min": 0,
            "max": 0,
        },
    ]
    assert registry.bundle_report() is None


def test_changes_that_cancel_out_are_not_reported(registry, group):
    counter = group.counter("c")
    report(registry)
    counter.inc(3)
    counter.dec(3)
    assert report(registry) == []


def test_meter_reports_events_since_the_last_report(registry, group):
    meter = group.meter("events")
    meter.mark_event()
    meter.mark_event(4)
    expected = {"group": [], "name": "events", "type": "meter", "delta": 5, "time_span": 60}
    assert report(registry) == [expected]
    meter.mark_event(2)
    assert report(registry) == [dict(expected, delta=2)]
    assert report(registry) == []
    assert meter.get_count() == 7


@pytest.mark.parametrize("bad", [1.5, "2", None, True])
def test_counts_must_be_ints(group, bad):
    counter, meter = group.counter("c"), group.meter("m")
    for call in (counter.inc, counter.dec, meter.mark_event):
        with pytest.raises(TypeError, match="takes an int"):
            call(bad)
    assert counter.get_count() == 0 and meter.get_count() == 0


def test_integral_counts_of_other_types_are_accepted(group):
    class Integral(int):
        pass

    counter = group.counter("c")
    counter.inc(Integral(3))
    assert counter.get_count() == 3 and type(counter.get_count()) is int


@pytest.mark.parametrize("span, error", [(0, ValueError), (-5, ValueError), (1.5, TypeError)])
def test_meter_time_span_must_be_a_positive_int(group, span, error):
    with pytest.raises(error, match="time span of the meter 'm'"):
        group.meter("m", span)


def test_meter_asked_for_with_another_time_span_fails(group):
    meter = group.meter("m", 30)
    assert group.meter("m", 30) is meter
    with pytest.raises(ValueError, match="already exists with a time span of 30 s, not 60 s"):
        group.meter("m")


# ---------------------------------------------------------------------- gauges


def test_gauges_are_in_every_report(registry, group):
    queue = []
    group.gauge("queue_length", lambda: len(queue))
    group.add_group("x").gauge("ratio", lambda: 0.5)
    expected = [
        {"group": [], "name": "queue_length", "type": "gauge", "value": 0},
        {"group": ["x"], "name": "ratio", "type": "gauge", "value": 0.5},
    ]
    assert report(registry) == expected
    queue.append(1)
    expected[0]["value"] = 1
    assert report(registry) == expected
    assert report(registry) == expected


def test_gauge_values_become_numbers(registry, group):
    class Size:
        def __float__(self):
            return 2.5

    group.gauge("bool", lambda: True)
    group.gauge("float_like", Size)
    group.gauge("text", lambda: "7")
    values = {e["name"]: e["value"] for e in report(registry)}
    assert values == {"bool": 1, "float_like": 2.5, "text": 7.0}
    assert type(values["bool"]) is int


def test_gauge_that_is_no_number_names_itself(registry, group):
    group.gauge("g", lambda: [1])
    with pytest.raises(TypeError, match="gauge 'g' returned \\[1\\]"):
        registry.bundle_report()


def test_gauge_exceptions_propagate_and_nothing_counts_as_reported(registry, group):
    counter = group.counter("c")
    counter.inc(2)

    def broken():
        raise ZeroDivisionError("no records yet")

    group.gauge("g", broken)
    with pytest.raises(ZeroDivisionError, match="no records yet"):
        registry.bundle_report()
    group.gauge("g", lambda: 3)
    assert report(registry) == [
        {"group": [], "name": "c", "type": "counter", "delta": 2},
        {"group": [], "name": "g", "type": "gauge", "value": 3},
    ]


def test_gauges_without_a_finite_value_are_left_out(registry, group):
    group.gauge("g", lambda: float("nan"))
    assert registry.bundle_report() is None


def test_gauge_needs_a_callable(group):
    with pytest.raises(TypeError, match="gauge 'g' needs a callable"):
        group.gauge("g", 5)


def test_registering_a_gauge_again_replaces_its_callable(registry, group):
    group.gauge("g", lambda: 1)
    group.gauge("g", lambda: 2)
    assert report(registry) == [{"group": [], "name": "g", "type": "gauge", "value": 2}]


# ---------------------------------------------------------------------- distributions


def test_distribution_reports_the_values_since_the_last_report(registry, group):
    latency = group.distribution("latency")
    report(registry)
    for value in (5, 1, 9, 3):
        latency.update(value)
    assert report(registry) == [
        {
            "group": [],
            "name": "latency",
            "type": "distribution",
            "count": 4,
            "sum": 18,
            "min": 1,
            "max": 9,
        },
    ]
    assert report(registry) == []
    latency.update(2.5)
    assert report(registry) == [
        {
            "group": [],
            "name": "latency",
            "type": "distribution",
            "count": 1,
            "sum": 2.5,
            "min": 2.5,
            "max": 2.5,
        },
    ]


@pytest.mark.parametrize(
    "bad, error",
    [("1", TypeError), (None, TypeError), (float("inf"), ValueError), (float("nan"), ValueError)],
)
def test_distribution_values_must_be_finite_numbers(group, bad, error):
    with pytest.raises(error, match="distribution 'd'"):
        group.distribution("d").update(bad)


# ---------------------------------------------------------------------- groups and names


def test_groups_report_their_path(registry, group):
    group.add_group("a").add_group("b").counter("c").inc()
    group.add_group("region", "eu").add_group("x").counter("c").inc(2)
    assert report(registry) == [
        {"group": ["a", "b"], "name": "c", "type": "counter", "delta": 1},
        {"group": [["region", "eu"], "x"], "name": "c", "type": "counter", "delta": 2},
    ]


def test_same_name_in_the_same_group_is_the_same_metric(registry, group):
    assert group.counter("c") is group.counter("c")
    assert group.add_group("a").counter("c") is group.add_group("a").counter("c")
    assert group.add_group("k", "v").meter("m") is group.add_group("k", "v").meter("m")
    assert group.distribution("d") is group.distribution("d")
    assert group.counter("c") is not group.add_group("a").counter("c")
    assert group.add_group("k", "v").meter("m") is not group.add_group("k", "w").meter("m")


def test_contexts_of_one_registry_share_their_metrics():
    registry = metrics.MetricRegistry()
    first, second = registry.root_group, registry.root_group
    first.counter("c").inc()
    second.counter("c").inc()
    assert report(registry) == [{"group": [], "name": "c", "type": "counter", "delta": 2}]


@pytest.mark.parametrize(
    "first, second",
    [
        ("counter", "meter"),
        ("meter", "distribution"),
        ("distribution", "gauge"),
        ("gauge", "counter"),
    ],
)
def test_a_name_holds_one_type_of_metric_per_group(group, first, second):
    def create(kind, in_group):
        if kind == "gauge":
            return in_group.gauge("m", lambda: 1)
        return getattr(in_group, kind)("m")

    create(first, group.add_group("k", "v"))
    with pytest.raises(ValueError) as info:
        create(second, group.add_group("k", "v"))
    message = str(info.value)
    assert "'m'" in message and first in message and second in message
    assert "k=v" in message
    create(second, group.add_group("other"))


@pytest.mark.parametrize("bad", ["", "  ", None, 3])
def test_names_must_be_non_blank_strings(group, bad):
    for create in (group.counter, group.meter, group.distribution, group.add_group):
        with pytest.raises(ValueError, match="non-blank string"):
            create(bad)
    with pytest.raises(ValueError, match="non-blank string"):
        group.gauge(bad, lambda: 1)
    if bad is not None:  # add_group(name, None) is the plain group ``name``
        with pytest.raises(ValueError, match="key/value metric group 'k'"):
            group.add_group("k", bad)


# ---------------------------------------------------------------------- disabled


def test_disabled_metrics_work_but_are_never_reported():
    registry = metrics.MetricRegistry(enabled=False)
    group = registry.root_group
    counter = group.counter("c")
    counter.inc(3)
    group.distribution("d").update(1)

    def never():
        raise AssertionError("gauges of disabled metrics are not called")

    group.gauge("g", never)
    assert counter.get_count() == 3
    assert group.counter("c") is counter
    assert registry.bundle_report() is None


# ---------------------------------------------------------------------- the operator's frames


class CountingMap(MapFunction):
    def open(self, runtime_context):
        group = runtime_context.get_metrics_group().add_group("job", "test")
        self.records = group.counter("records")
        self.seen = 0
        group.gauge("seen", lambda: self.seen)

    def map(self, value):
        self.records.inc()
        self.seen += 1
        return value


class DoublingMap(MapFunction):
    def open(self, runtime_context):
        self.records = (
            runtime_context.get_metrics_group().add_group("job", "test").counter("records")
        )

    def map(self, value):
        self.records.inc()
        return value * 2


def run_operator(bundles, **spec_options):
    """Runs a non-keyed chain of CountingMap and DoublingMap in an operator of the worker, one
    bundle per list of LONG values; returns the frames it sent, as (type, payload)."""
    sent = []
    operator = Operator(7, sent.append)
    long_type = {"type": "LONG"}
    spec = {
        "functions": [
            {"kind": "map", "payload": base64.b64encode(cloudpickle.dumps(f)).decode("ascii")}
            for f in (CountingMap(), DoublingMap())
        ],
        "keyed": False,
        "input_type": long_type,
        "output_type": long_type,
        "side_outputs": [],
    }
    spec.update(spec_options)
    operator.inbox.put((protocol.OPEN, json.dumps(spec).encode("utf-8")))
    for bundle_id, values in enumerate(bundles, 1):
        batch = pa.RecordBatch.from_arrays(
            [pa.array(values, pa.int64()), pa.array([0] * len(values), pa.int64())],
            names=["value", "timestamp"],
        )
        sink = pa.BufferOutputStream()
        with pa.ipc.new_stream(sink, batch.schema) as writer:
            writer.write_batch(batch)
        operator.inbox.put((protocol.BATCH, sink.getvalue().to_pybytes()))
        operator.inbox.put((protocol.END_BUNDLE, struct.pack(">q", bundle_id)))
    operator.inbox.put((protocol.CLOSE, b""))
    operator._thread.join()
    frames = [protocol.parse(frame) for frame in sent]
    assert all(operator_id == 7 for _, operator_id, _ in frames)
    return [(frame_type, bytes(payload)) for frame_type, _, payload in frames]


def test_operator_sends_metrics_before_each_bundle_done():
    frames = run_operator([[1, 2, 3], [4]])
    types = [frame_type for frame_type, _ in frames]
    assert protocol.ERROR not in types, frames
    assert types == [
        protocol.OUTPUT,
        protocol.METRICS,
        protocol.BUNDLE_DONE,
        protocol.OUTPUT,
        protocol.METRICS,
        protocol.BUNDLE_DONE,
    ]
    group = [["job", "test"]]
    assert json.loads(frames[1][1]) == {
        "metrics": [
            # Both functions of the chain count into the same counter.
            {"group": group, "name": "records", "type": "counter", "delta": 6},
            {"group": group, "name": "seen", "type": "gauge", "value": 3},
        ]
    }
    assert json.loads(frames[4][1])["metrics"] == [
        {"group": group, "name": "records", "type": "counter", "delta": 2},
        {"group": group, "name": "seen", "type": "gauge", "value": 4},
    ]


def test_operator_with_metrics_disabled_sends_no_metrics():
    frames = run_operator([[1, 2, 3]], metric_enabled=False)
    assert [frame_type for frame_type, _ in frames] == [protocol.OUTPUT, protocol.BUNDLE_DONE]


class DeclaringBackend:
    """Just enough keyed backend to build a window stage: it declares states and nothing else."""

    def declare(self, name, kind, function=None):
        return (name, kind)


def test_trigger_context_hands_out_the_operators_metric_group():
    assert Trigger.TriggerContext.get_metric_group.__isabstractmethod__
    operation = WindowOperation(
        TumblingEventTimeWindows.of(Time.seconds(1)),
        EventTimeTrigger.create(),
        0,
        None,
        "list",
        None,
        None,
        False,
        True,
    )
    stage = WindowStage("window", operation, DeclaringBackend(), False)
    registry = metrics.MetricRegistry()
    stage.open(RuntimeContext({}, registry.root_group))
    trigger_context = stage._trigger_context
    assert isinstance(trigger_context, Trigger.TriggerContext)
    assert trigger_context.get_metric_group() is registry.root_group

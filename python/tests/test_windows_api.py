"""Window assigners and triggers on their own, with a context that keeps state and timers in
dictionaries (the worker's window operator is covered end to end by jobs/windows_*.py)."""

import pytest

from pyflink.common import Duration, Time
from pyflink.datastream.window import (
    ContinuousEventTimeTrigger,
    CountSlidingWindowAssigner,
    CountTrigger,
    CountTumblingWindowAssigner,
    CountWindow,
    DynamicEventTimeSessionWindows,
    EventTimeSessionWindows,
    EventTimeTrigger,
    GlobalWindow,
    GlobalWindows,
    MergingWindowAssigner,
    NeverTrigger,
    ProcessingTimeTrigger,
    PurgingTrigger,
    SlidingEventTimeWindows,
    TimeWindow,
    Trigger,
    TriggerResult,
    TumblingEventTimeWindows,
    TumblingProcessingTimeWindows,
    WindowAssigner,
)


class _State:
    """Value, reducing (with ``reducer``) or list state kept in a dict slot."""

    def __init__(self, slots, slot, reducer=None):
        self._slots = slots
        self._slot = slot
        self._reducer = reducer

    def value(self):
        return self._slots.get(self._slot)

    get = value

    def update(self, value):
        self._slots[self._slot] = value

    def add(self, value):
        current = self._slots.get(self._slot)
        self._slots[self._slot] = value if current is None else self._reducer(current, value)

    def clear(self):
        self._slots.pop(self._slot, None)


class Context(Trigger.OnMergeContext, WindowAssigner.WindowAssignerContext):
    """State and timers of one key, per window (``window`` is the current one)."""

    def __init__(self, watermark=-(2**63), now=0):
        self.watermark = watermark
        self.now = now
        self.window = None
        self.merged = []
        self.state = {}
        self.timers = set()

    def get_current_processing_time(self):
        return self.now

    def get_runtime_context(self):
        return self

    def get_current_watermark(self):
        return self.watermark

    def get_metric_group(self):
        return None

    def register_processing_time_timer(self, time):
        self.timers.add(("processing", self.window, time))

    def register_event_time_timer(self, time):
        self.timers.add(("event", self.window, time))

    def delete_processing_time_timer(self, time):
        self.timers.discard(("processing", self.window, time))

    def delete_event_time_timer(self, time):
        self.timers.discard(("event", self.window, time))

    def get_partitioned_state(self, state_descriptor):
        reducer = getattr(state_descriptor, "reduce_function", None)
        return _State(
            self.state, (state_descriptor.get_name(), self.window), reducer and reducer.reduce
        )

    def get_state(self, state_descriptor):
        return _State(self.state, (state_descriptor.get_name(), None))

    def merge_partitioned_state(self, state_descriptor):
        target = self.get_partitioned_state(state_descriptor)
        for window in self.merged:
            value = self.state.pop((state_descriptor.get_name(), window), None)
            if value is not None:
                target.add(value)


def test_tumbling_windows_start_at_multiples_of_the_size_plus_the_offset():
    assigner = TumblingEventTimeWindows.of(Duration.of_seconds(5), Time.seconds(1))
    assert assigner.assign_windows("x", 5999, Context()) == [TimeWindow(1000, 6000)]
    assert assigner.assign_windows("x", 6000, Context()) == [TimeWindow(6000, 11000)]
    assert assigner.assign_windows("x", -1, Context()) == [TimeWindow(-4000, 1000)]
    assert assigner.is_event_time()
    assert isinstance(assigner.get_default_trigger(None), EventTimeTrigger)


def test_processing_time_windows_use_the_clock_not_the_timestamp():
    assigner = TumblingProcessingTimeWindows.of(100)
    assert assigner.assign_windows("x", None, Context(now=250)) == [TimeWindow(200, 300)]
    assert not assigner.is_event_time()
    assert isinstance(assigner.get_default_trigger(None), ProcessingTimeTrigger)


def test_sliding_windows_hold_an_element_size_over_slide_times():
    assigner = SlidingEventTimeWindows.of(Duration.of_seconds(10), Duration.of_seconds(5))
    assert assigner.assign_windows("x", 5200, Context()) == [
        TimeWindow(5000, 15000),
        TimeWindow(0, 10000),
    ]


def test_event_time_windows_reject_records_without_timestamps():
    with pytest.raises(ValueError, match="assign_timestamps_and_watermarks"):
        TumblingEventTimeWindows.of(1000).assign_windows("x", None, Context())


@pytest.mark.parametrize(
    "make",
    [
        lambda: TumblingEventTimeWindows.of(0),
        lambda: TumblingEventTimeWindows.of(100, 100),
        lambda: SlidingEventTimeWindows.of(100, 0),
        lambda: EventTimeSessionWindows.with_gap(0),
        lambda: CountTumblingWindowAssigner.of(0),
    ],
)
def test_invalid_sizes_are_rejected(make):
    with pytest.raises(ValueError):
        make()


class _Merges(MergingWindowAssigner.MergeCallback):
    def __init__(self):
        self.merges = []

    def merge(self, to_be_merged, merge_result):
        self.merges.append((sorted(to_be_merged), merge_result))


def test_session_windows_merge_overlapping_and_touching_windows():
    sessions = EventTimeSessionWindows.with_gap(1000)
    assert sessions.assign_windows("x", 500, Context()) == [TimeWindow(500, 1500)]
    merges = _Merges()
    sessions.merge_windows(
        [
            TimeWindow(0, 1000),
            TimeWindow(3000, 4000),
            TimeWindow(1000, 2000),
            TimeWindow(5000, 6000),
            TimeWindow(5500, 6500),
        ],
        merges,
    )
    assert merges.merges == [
        ([TimeWindow(0, 1000), TimeWindow(1000, 2000)], TimeWindow(0, 2000)),
        ([TimeWindow(5000, 6000), TimeWindow(5500, 6500)], TimeWindow(5000, 6500)),
    ]


def test_dynamic_session_gaps_come_from_the_extractor():
    sessions = EventTimeSessionWindows.with_dynamic_gap(lambda element: element * 10)
    assert isinstance(sessions, DynamicEventTimeSessionWindows)
    assert sessions.assign_windows(7, 100, Context()) == [TimeWindow(100, 170)]
    with pytest.raises(ValueError, match="positive"):
        sessions.assign_windows(0, 100, Context())


def test_count_windows_number_the_elements_of_a_key():
    context = Context()
    tumbling = CountTumblingWindowAssigner.of(2)
    assert [tumbling.assign_windows(e, None, context) for e in "abcde"] == [
        [CountWindow(0)],
        [CountWindow(0)],
        [CountWindow(1)],
        [CountWindow(1)],
        [CountWindow(2)],
    ]
    context = Context()
    sliding = CountSlidingWindowAssigner.of(3, 2)
    assert [sliding.assign_windows(e, None, context) for e in "abcde"] == [
        [CountWindow(0)],
        [CountWindow(0)],
        [CountWindow(1), CountWindow(0)],
        [CountWindow(1)],
        [CountWindow(2), CountWindow(1)],
    ]
    assert isinstance(tumbling.get_default_trigger(None), PurgingTrigger)


def test_global_windows_never_fire_by_default():
    assigner = GlobalWindows.create()
    assert assigner.assign_windows("x", 1, Context()) == [GlobalWindow.get()]
    trigger = assigner.get_default_trigger(None)
    assert isinstance(trigger, NeverTrigger)
    assert trigger.on_element("x", 1, GlobalWindow(), Context()) is TriggerResult.CONTINUE


def test_event_time_trigger_waits_for_the_watermark_and_fires_late_windows_at_once():
    trigger = EventTimeTrigger.create()
    window = TimeWindow(0, 1000)
    context = Context(watermark=500)
    context.window = window
    assert trigger.on_element("x", 10, window, context) is TriggerResult.CONTINUE
    assert context.timers == {("event", window, 999)}
    assert trigger.on_event_time(999, window, context) is TriggerResult.FIRE
    context.watermark = 999
    assert trigger.on_element("x", 10, window, context) is TriggerResult.FIRE
    trigger.clear(window, context)
    assert context.timers == set()


def test_count_trigger_fires_every_n_elements_and_merges_its_counts():
    trigger = CountTrigger.of(3)
    context = Context()
    results = [trigger.on_element(e, 0, GlobalWindow(), context) for e in range(7)]
    assert [r.is_fire() for r in results] == [False, False, True, False, False, True, False]
    purging = PurgingTrigger.of(CountTrigger.of(2))
    context = Context()
    assert purging.on_element("x", 0, None, context) is TriggerResult.CONTINUE
    assert purging.on_element("x", 0, None, context) is TriggerResult.FIRE_AND_PURGE
    a, b, merged = TimeWindow(0, 10), TimeWindow(5, 15), TimeWindow(0, 15)
    context = Context()
    for window in (a, b):
        context.window = window
        trigger.on_element("x", 0, window, context)
    context.window, context.merged = merged, [a, b]
    trigger.on_merge(merged, context)
    assert trigger.on_element("x", 0, merged, context) is TriggerResult.FIRE


def test_continuous_event_time_trigger_fires_at_each_interval_and_at_the_end():
    trigger = ContinuousEventTimeTrigger.of(Duration.of_millis(100))
    window = TimeWindow(0, 1000)
    context = Context()
    context.window = window
    assert trigger.on_element("x", 150, window, context) is TriggerResult.CONTINUE
    assert context.timers == {("event", window, 999), ("event", window, 200)}
    assert trigger.on_event_time(200, window, context) is TriggerResult.FIRE
    assert ("event", window, 300) in context.timers
    assert trigger.on_event_time(250, window, context) is TriggerResult.CONTINUE
    assert trigger.on_event_time(999, window, context) is TriggerResult.FIRE
    trigger.clear(window, context)
    assert context.timers == {("event", window, 999), ("event", window, 200)}


def test_trigger_results_say_whether_to_fire_and_purge():
    assert [(r.is_fire(), r.is_purge()) for r in TriggerResult] == [
        (False, False),
        (True, True),
        (True, False),
        (False, True),
    ]

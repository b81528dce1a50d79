"""Broadcast state: rules broadcast to every parallel instance of a keyed and of a non-keyed
function.

Keyed: a KeyedBroadcastProcessFunction keeps each sensor's largest reading in keyed state and
reports, from an event-time timer that fires at the end of input (when both inputs are complete,
whatever their interleaving), which thresholds of the broadcast state it reached. A rule with the
threshold None removes the rule. Non-keyed: a BroadcastProcessFunction holds readings back until
the broadcast side says the rules are complete ("END"), then checks each against them. Both also
report what the contexts refuse: writing broadcast state from the non-broadcast side, keyed state
and the current key on the broadcast side.
"""

from _job import main

from pyflink.common import Types
from pyflink.datastream import (
    BroadcastProcessFunction,
    KeyedBroadcastProcessFunction,
    OutputTag,
)
from pyflink.datastream.state import MapStateDescriptor, ValueStateDescriptor

END_OF_TIME = 10**15
RULES = MapStateDescriptor("rules", Types.STRING(), Types.LONG())
LIMITS = MapStateDescriptor("limits", Types.STRING(), Types.PICKLED_BYTE_ARRAY())
REFUSED = OutputTag("refused", Types.STRING())

READINGS = [("s1", 5), ("s2", 40), ("s1", 70), ("s3", 15), ("s2", 12), ("s4", 1)]
RULE_UPDATES = [("low", 10), ("mid", 30), ("high", 60), ("drop-me", 0), ("drop-me", None)]


class Thresholds(KeyedBroadcastProcessFunction):
    def open(self, runtime_context):
        self.largest = runtime_context.get_state(ValueStateDescriptor("largest", Types.LONG()))
        self.first_subtask = runtime_context.get_index_of_this_subtask() == 0

    def process_element(self, value, ctx):
        largest = self.largest.value()
        if largest is None:
            ctx.timer_service().register_event_time_timer(END_OF_TIME)
        self.largest.update(max(value[1], largest or 0))
        rules = ctx.get_broadcast_state(RULES)
        try:
            rules.put("from-keyed-side", 1)
        except RuntimeError as e:
            if "read-only" in str(e) and value == READINGS[0]:
                yield REFUSED, "put in process_element"
        return

    def process_broadcast_element(self, value, ctx):
        rules = ctx.get_broadcast_state(RULES)
        name, threshold = value
        if threshold is None:
            rules.remove(name)
        else:
            rules[name] = threshold
        if self.first_subtask and name == "low":
            try:
                self.largest.value()
            except RuntimeError:
                yield REFUSED, "keyed state in process_broadcast_element"
            try:
                ctx.get_current_key()
            except RuntimeError:
                yield REFUSED, "current key in process_broadcast_element"

    def on_timer(self, timestamp, ctx):
        rules = ctx.get_broadcast_state(RULES)
        largest = self.largest.value()
        reached = sorted(name for name, threshold in rules.items() if largest >= threshold)
        yield (
            "keyed",
            ctx.get_current_key(),
            largest,
            reached,
            "drop-me" in rules,
            timestamp == END_OF_TIME,
        )


class HoldUntilRulesComplete(BroadcastProcessFunction):
    def open(self, runtime_context):
        self.held = []
        self.complete = False

    def _check(self, value, limits):
        return ("non-keyed", value[0], value[1], value[1] <= limits.get("max"), limits.is_empty())

    def process_element(self, value, ctx):
        if not self.complete:
            self.held.append(value)
            return
        yield self._check(value, ctx.get_broadcast_state(LIMITS))

    def process_broadcast_element(self, value, ctx):
        limits = ctx.get_broadcast_state(LIMITS)
        if value[0] != "END":
            limits.put(value[0], value[1])
            return
        self.complete = True
        for held in self.held:
            yield self._check(held, limits)
        self.held = []


def build(env):
    rules = env.from_collection(
        RULE_UPDATES, type_info=Types.TUPLE([Types.STRING(), Types.PICKLED_BYTE_ARRAY()])
    )
    keyed = (
        env.from_collection(READINGS)
        .key_by(lambda reading: reading[0])
        .connect(rules.broadcast(RULES))
        .process(Thresholds())
    )
    limits = env.from_collection([("max", 20), ("END", None)]).broadcast(LIMITS)
    non_keyed = env.from_collection(READINGS).connect(limits).process(HoldUntilRulesComplete())
    return keyed.union(non_keyed, keyed.get_side_output(REFUSED).map(lambda r: ("refused", r)))


if __name__ == "__main__":
    main(build)

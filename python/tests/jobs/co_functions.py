"""CoMap, CoFlatMap and CoProcess (with a side output) on two connected streams of different
types."""

from _job import main

from pyflink.common import Types
from pyflink.datastream import (
    CoFlatMapFunction,
    CoMapFunction,
    CoProcessFunction,
    OutputTag,
)

BIG = OutputTag("big", Types.INT())


class Describe(CoMapFunction):
    """Numbers and words need different handling, so swapped inputs would fail; a None result
    emits nothing, as in PyFlink."""

    def map1(self, value):
        return None if value == 3 else ("map1", value * 10)

    def map2(self, value):
        return ("map2", value.upper())


class Split(CoFlatMapFunction):
    def flat_map1(self, value):
        return [("flat_map1", value)] if value % 2 == 0 else []

    def flat_map2(self, value):
        for word in value.split():
            yield ("flat_map2", word)


class Route(CoProcessFunction):
    def open(self, runtime_context):
        self.subtasks = runtime_context.get_number_of_parallel_subtasks()

    def process_element1(self, value, ctx):
        if value > 2:
            yield BIG, value
        else:
            yield ("small", value, self.subtasks > 0)

    def process_element2(self, value, ctx):
        yield ("word", value, ctx.timer_service().current_processing_time() > 0)


def build(env):
    numbers = env.from_collection([1, 2, 3, 4], type_info=Types.INT())
    words = env.from_collection(["a b", "c"], type_info=Types.STRING())
    mapped = numbers.connect(words).map(Describe())
    split = numbers.connect(words).flat_map(Split())
    routed = numbers.connect(words).process(Route())
    big = routed.get_side_output(BIG).map(lambda v: ("big", v))
    return mapped.union(split, routed, big)


if __name__ == "__main__":
    main(build)

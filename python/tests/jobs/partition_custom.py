"""partition_custom: each number goes to the partition its key names (the number modulo the
partitions, from a Partitioner object, and always the last partition from a plain callable); the
next operation reports whether the subtask that received it is the one asked for."""

from _job import main

from pyflink.common import Types
from pyflink.datastream import MapFunction, Partitioner


class Modulo(Partitioner):
    def partition(self, key, num_partitions):
        return key % num_partitions


class WhereAmI(MapFunction):
    def __init__(self, expected):
        self.expected = expected

    def open(self, runtime_context):
        self.subtask = runtime_context.get_index_of_this_subtask()
        self.partitions = runtime_context.get_number_of_parallel_subtasks()

    def map(self, value):
        return value[0], value[1], self.subtask == self.expected(value[1], self.partitions)


def build(env):
    numbers = env.from_collection(list(range(8)), type_info=Types.INT())
    modulo = (
        numbers.partition_custom(Modulo(), lambda x: x)
        .map(lambda x: ("modulo", x))
        .map(WhereAmI(lambda x, n: x % n))
    )
    last = (
        numbers.partition_custom(lambda key, n: n - 1, lambda x: x)
        .map(lambda x: ("last", x))
        .map(WhereAmI(lambda x, n: n - 1))
    )
    return modulo.union(last)


if __name__ == "__main__":
    main(build)

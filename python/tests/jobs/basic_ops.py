"""map, flat_map, filter and union over untyped and typed records, rows with named fields."""

from _job import main

from pyflink.common import Row, Types


def build(env):
    words = env.from_collection(["a b", "c", "d e f"])
    letters = words.flat_map(lambda line: line.split()).map(str.upper)
    numbers = env.from_collection([1, 2, 3, 4], type_info=Types.INT())
    evens = numbers.filter(lambda n: n % 2 == 0).map(lambda n: "n%d" % n)
    rows = env.from_collection(
        [Row(name="x", size=1), Row(name="y", size=2)],
        type_info=Types.ROW_NAMED(["name", "size"], [Types.STRING(), Types.INT()]),
    ).map(lambda r: "%s=%d" % (r.name, r.size * 10))
    return letters.union(evens, rows)


if __name__ == "__main__":
    main(build)

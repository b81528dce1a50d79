"""key_by with reduce and the field aggregations; STREAMING emits running values, BATCH finals."""

from _job import main

from pyflink.common import Types

DATA = [("a", 3, 1), ("b", 5, 2), ("a", 1, 3), ("b", 7, 4), ("a", 2, 5)]


def build(env):
    typed = Types.TUPLE([Types.STRING(), Types.INT(), Types.INT()])
    ds = env.from_collection(DATA, type_info=typed)
    keyed = ds.key_by(lambda t: t[0])
    reduced = keyed.reduce(lambda x, y: (x[0], x[1] + y[1], max(x[2], y[2]))).map(
        lambda t: ("reduce",) + tuple(t)
    )
    summed = ds.key_by(lambda t: t[0]).sum(1).map(lambda t: ("sum",) + tuple(t))
    minimum = ds.key_by(lambda t: t[0]).min(1).map(lambda t: ("min", t[0], t[1]))
    max_by = ds.key_by(lambda t: t[0]).max_by(1).map(lambda t: ("max_by",) + tuple(t))
    return reduced.union(summed, minimum, max_by)


if __name__ == "__main__":
    main(build)

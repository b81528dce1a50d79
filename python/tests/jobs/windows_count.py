"""Count windows: tumbling and sliding (CountWindow ids, as in PyFlink), count_window_all, and
GlobalWindows with a CountTrigger that fires without purging."""

from _job import main

from pyflink.datastream import GlobalWindows, WindowFunction
from pyflink.datastream.window import CountTrigger

DATA = [("a", 1), ("b", 10), ("a", 2), ("a", 3), ("b", 20), ("a", 4), ("a", 5), ("b", 30)]


class Ids(WindowFunction):
    def apply(self, key, window, inputs):
        yield ("sliding", key, window.id, [v for _, v in inputs])


def build(env):
    events = env.from_collection(DATA)
    keyed = events.key_by(lambda e: e[0])
    tumbling = keyed.count_window(2).reduce(lambda x, y: (x[0], x[1] + y[1]))
    sliding = keyed.count_window(3, 2).apply(Ids())
    everything = events.count_window_all(3).reduce(lambda x, y: ("all", x[1] + y[1]))
    running = (
        keyed.window(GlobalWindows.create())
        .trigger(CountTrigger.of(2))
        .reduce(lambda x, y: (x[0], x[1] + y[1]))
        .map(lambda t: ("running",) + t)
    )
    return tumbling.union(sliding, everything, running)


if __name__ == "__main__":
    main(build)

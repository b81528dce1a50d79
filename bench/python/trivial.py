"""The trivial job: three numbers from a collection, printed. Timed as a whole process, once with
``python trivial.py`` and once with ``flink run -py trivial.py``, on both engines."""

from pyflink.datastream import StreamExecutionEnvironment


def main() -> None:
    env = StreamExecutionEnvironment.get_execution_environment()
    env.from_collection([1, 2, 3]).print()
    env.execute("trivial")


if __name__ == "__main__":
    main()

"""The training run behind lib/brook-client.jsa (see brook_run_client in bin/brook-env.sh): a
small job through the Python path and the engine, so the archive holds the classes both use."""

from pyflink.common import Types
from pyflink.datastream import StreamExecutionEnvironment

env = StreamExecutionEnvironment.get_execution_environment()
(
    env.from_collection([("a", 1), ("b", 2), ("a", 3)])
    .map(lambda t: t, output_type=Types.TUPLE([Types.STRING(), Types.INT()]))
    .key_by(lambda t: t[0])
    .reduce(lambda x, y: (x[0], x[1] + y[1]))
    .print()
)
env.execute("cds-training")

"""Brook's ``pyflink`` package: PyFlink's public Python API, building plans that Brook runs.

The API objects only describe a job. ``StreamExecutionEnvironment.execute()`` turns the recorded
transformations into one JSON plan and hands it to the JVM through the Py4J gateway
(``pyflink.java_gateway``); user functions travel in the plan as cloudpickle payloads and run in
Brook's Python UDF workers.
"""

__version__ = "0.1.0"
